// Entry of an extraction worker thread: registers tsx so the TypeScript task loads.
import { register } from 'tsx/esm/api';

register();
const { default: extractBatch } = await import('./extractWorker.ts');
export default extractBatch;
