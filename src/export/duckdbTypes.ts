import type { Column, ColumnType, Table } from './schema.ts';

const duckdbTypes: Record<ColumnType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

const quoteString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The longest CSV line DuckDB accepts. Its default (2 MB) stopped the run on a
 * document of 1,250,000 Cyrillic characters ("CSV Error on Line: 2"); a document
 * within the default --max-chars is at most 8 MB of UTF-8, 16 MB quoted. The
 * buffer is that size too (DuckDB's default buffer is 16 lines, 32 MB).
 */
export const MAX_CSV_LINE_BYTES = 32 * 1024 * 1024;

/** A free-text column with its formula guard undone (formatCsv.ts's unguardFormula): Parquet keeps the raw text. */
const unguarded = (name: string) => {
  const column = `"${name.replace(/"/g, '""')}"`;
  return `CASE WHEN regexp_matches(${column}, '^''+[=+@' || chr(9) || chr(13) || '-]') THEN substr(${column}, 2) ELSE ${column} END AS ${column}`;
};

/** One of our CSV files as DuckDB reads it: with the schema's column types, no sniffing, free text unguarded. */
export const readCsv = <Row>(columns: Column<Row>[], csvPath: string) => {
  const guarded = columns.filter((c) => c.freeText).map((c) => c.name);
  const raw = readCsvAsWritten(columns, csvPath);
  return guarded.length === 0 ? raw : `(SELECT * REPLACE (${guarded.map(unguarded).join(', ')}) FROM ${raw})`;
};

const readCsvAsWritten = <Row>(columns: Column<Row>[], csvPath: string) => {
  const types = columns.map((c) => `${quoteString(c.name)}: ${quoteString(duckdbTypes[c.type])}`).join(', ');
  return (
    `read_csv(${quoteString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', dateformat = '%Y-%m-%d', ` +
    `max_line_size = ${MAX_CSV_LINE_BYTES}, buffer_size = ${MAX_CSV_LINE_BYTES}, columns = {${types}})`
  );
};

/**
 * The DuckDB statement that turns one of our CSV files into Parquet with the
 * schema's column types: the CSV is read with explicit types (no sniffing), so
 * both formats hold the same rows and Parquet gets typed, compressed columns.
 */
export function csvToParquetSql<Row>({ columns, parquetRowGroupRows }: Table<Row>, csvPath: string, parquetPath: string): string {
  return [
    `COPY (SELECT * FROM ${readCsv(columns, csvPath)})`,
    `TO ${quoteString(parquetPath)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${parquetRowGroupRows})`,
  ].join('\n');
}

export const PARTITION_KEYS = ['month', 'year'] as const;
export type PartitionKey = (typeof PARTITION_KEYS)[number];

/** The partition column a key adds: documents.published as "2014-08" or "2014", "unknown" when null. */
export function partitionColumn(key: PartitionKey): { name: string; sql: (published: string) => string } {
  const format = key === 'month' ? '%Y-%m' : '%Y';
  return { name: `published_${key}`, sql: (published) => `coalesce(strftime(${published}, '${format}'), 'unknown')` };
}

/**
 * Hive-style partitioned Parquet (`dir/published_month=2014-08/data_0.parquet`) of
 * a table, keyed by its document's published date, rows in CSV order. Facts take
 * the key from their document through doc_id.
 */
export function partitionedParquetSql<Row, DocRow>(
  columns: Column<Row>[],
  csvPath: string,
  documentColumns: Column<DocRow>[],
  documentsCsvPath: string,
  key: PartitionKey,
  dir: string,
): string {
  const part = partitionColumn(key);
  const isDocuments = csvPath === documentsCsvPath;
  const source = isDocuments
    ? `SELECT *, ${part.sql('published')} AS ${part.name} FROM ${readCsv(columns, csvPath)}`
    : `SELECT t.*, ${part.sql('d.published')} AS ${part.name} FROM (SELECT *, row_number() OVER () AS _row FROM ${readCsv(columns, csvPath)}) t ` +
      `LEFT JOIN (SELECT doc_id, published FROM ${readCsv(documentColumns, documentsCsvPath)}) d ON t.doc_id = d.doc_id ORDER BY _row`;
  return [
    `COPY (SELECT * EXCLUDE (${isDocuments ? '' : '_row'}) FROM (${source}))`.replace(' EXCLUDE ()', ''),
    `TO ${quoteString(dir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (${part.name}))`,
  ].join('\n');
}
