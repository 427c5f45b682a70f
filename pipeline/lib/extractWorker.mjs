// Entry of an extraction worker thread: registers tsx so the TypeScript tasks load.
import { register } from 'tsx/esm/api';

register();
const { tables, records } = await import('./extractWorker.ts');
export { tables, records };
