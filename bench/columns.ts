// `make docs/columns.md`: the column reference, generated from the one schema.
import { writeFileSync } from 'node:fs';
import { columnReference } from '../src/export/columnReference.ts';
import { documentsTable, factsTable, rejectsTable, type Table } from '../src/export/schema.ts';

writeFileSync(new URL('../docs/columns.md', import.meta.url), columnReference([documentsTable, factsTable, rejectsTable] as unknown as Table<never>[]));
