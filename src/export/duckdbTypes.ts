import type { Column, ColumnType } from './schema.ts';

const duckdbTypes: Record<ColumnType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

const quoteString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The DuckDB statement that turns one of our CSV files into Parquet with the
 * schema's column types: the CSV is read with explicit types (no sniffing), so
 * both formats hold the same rows and Parquet gets typed, compressed columns.
 */
export function csvToParquetSql<Row>(columns: Column<Row>[], csvPath: string, parquetPath: string): string {
  const types = columns.map((c) => `${quoteString(c.name)}: ${quoteString(duckdbTypes[c.type])}`).join(', ');
  return [
    `COPY (SELECT * FROM read_csv(${quoteString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',`,
    `  dateformat = '%Y-%m-%d', columns = {${types}}))`,
    `TO ${quoteString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
  ].join('\n');
}

