import type { Table } from './schema.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The column reference of the output tables as Markdown, generated from the one schema (docs/columns.md). */
export function columnReference(tables: Table<never>[]): string {
  const lines = [
    '# Output columns',
    '',
    'Generated from `src/export/schema.ts` by `make docs/columns.md`; `make test` checks that it matches.',
    'CSV: UTF-8, RFC 4180, CRLF line ends, `.` decimals, empty for null. Parquet: the same rows, typed.',
    '',
  ];
  for (const table of tables) {
    lines.push(`## ${table.name}`, '', table.description, '');
    lines.push('| column | type | null | meaning |', '|---|---|---|---|');
    for (const c of table.columns) {
      const values = c.enum ? ` One of: ${c.enum.map((v) => `\`${v}\``).join(', ')}.` : '';
      lines.push(`| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${cell(c.description)}${values} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
