import Papa from 'papaparse';
import type { Column } from './schema.ts';

/** A cell as SPEC.md wants it in CSV: empty for null, `.` decimals, no thousands separators. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/**
 * Text a spreadsheet would run as a formula: it begins with =, +, -, @, a tab or a
 * carriage return (OWASP, "CSV Injection"), after any single quotes, so that the
 * guard can be undone exactly (a text that itself begins with "'=" is guarded too).
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A free-text cell as CSV holds it: a single quote before text a spreadsheet would run as a formula. */
export const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The text a guarded cell came from (what Parquet holds). */
export const unguardFormula = (cell: string): string => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** RFC 4180 CSV text of rows (and the header row, unless `header` is false), columns in schema order; free-text columns guarded. */
export function formatCsv<Row>(columns: Column<Row>[], rows: Iterable<Row>, header = true): string {
  const lines: string[][] = header ? [columns.map((c) => c.name)] : [];
  for (const row of rows) lines.push(columns.map((c) => (c.freeText && typeof row[c.name] === 'string' ? guardFormula(row[c.name] as string) : csvCell(row[c.name]))));
  if (lines.length === 0) return '';
  return Papa.unparse(lines, { newline: '\r\n', quotes: false, escapeFormulae: false }) + '\r\n';
}
