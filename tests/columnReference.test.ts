import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnReference } from '../src/export/columnReference.ts';
import { documentsTable, factsTable, rejectsTable, type Table } from '../src/export/schema.ts';

describe('docs/columns.md', () => {
  const generated = columnReference([documentsTable, factsTable, rejectsTable] as unknown as Table<never>[]);

  it('is the column reference the schema generates (run make docs/columns.md after changing a column)', () => {
    expect(readFileSync(new URL('../docs/columns.md', import.meta.url), 'utf8')).toBe(generated);
  });

  it('lists every column of the contract, new ones included', () => {
    for (const column of ['doc_id', 'input_id', 'duplicate_of', 'fact_id', 'predicate', 'aspect', 'direction', 'status', 'same_as', 'repeat_of', 'part_of', 'reason']) {
      expect(generated).toContain(`| \`${column}\` |`);
    }
    expect(generated).toContain('One of: `actual`, `planned`, `pledged`, `conditional`, `negated`.');
  });
});
