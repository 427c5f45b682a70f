import Papa from 'papaparse';
import type { Column } from './schema.ts';

/** A cell as SPEC.md wants it in CSV: empty for null, `.` decimals, no thousands separators. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** RFC 4180 CSV text of rows (and the header row, unless `header` is false), columns in schema order. */
export function formatCsv<Row>(columns: Column<Row>[], rows: Iterable<Row>, header = true): string {
  const lines: string[][] = header ? [columns.map((c) => c.name)] : [];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.name])));
  if (lines.length === 0) return '';
  return Papa.unparse(lines, { newline: '\r\n', quotes: false, escapeFormulae: false }) + '\r\n';
}
