import type { Column, ColumnType } from './schema.ts';

const parquetTypes: Record<ColumnType, string> = {
  string: 'UTF8',
  integer: 'INT64',
  number: 'DOUBLE',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

export type ParquetFieldSpec = { type: string; optional: boolean; compression: string };

/** The parquetjs-lite schema definition of a table. */
export function parquetSchemaDefinition<Row>(columns: Column<Row>[]): Record<string, ParquetFieldSpec> {
  return Object.fromEntries(
    columns.map((c) => [c.name, { type: parquetTypes[c.type], optional: c.nullable, compression: 'GZIP' }]),
  );
}

/** A row as parquetjs-lite takes it: dates as Date, nulls left out. */
export function parquetRow<Row>(columns: Column<Row>[], row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const value = row[c.name];
    if (value === null || value === undefined) continue;
    out[c.name] = c.type === 'date' ? new Date(`${String(value)}T00:00:00Z`) : value;
  }
  return out;
}
