import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvToParquetSql } from '../../src/export/duckdbTypes.ts';
import { formatCsv } from '../../src/export/formatCsv.ts';
import type { Table } from '../../src/export/schema.ts';
import { openAtomicFile, tempPathFor } from './atomicFile.ts';

/** Rows appended one at a time to `<table>.csv`, renamed into place on commit. */
export interface TableSink<Row> {
  append(row: Row): Promise<void>;
  /** Rows already formatted as CSV (by documentOutputs, in a worker). */
  appendCsv(csv: string, rowCount: number): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  readonly rows: number;
}

const CSV_BATCH = 512;
const CHUNK_CHARS = 256 * 1024;

/**
 * The CSV is streamed as rows come; its Parquet file is made from it by DuckDB once
 * the whole run is written (writeParquet). (parquetjs-lite, measured in the pipeline,
 * spent over half of the main thread shredding and gzipping rows and held the run to
 * 0.8 MB/s; see README.)
 */
export async function openTableSink<Row>(table: Table<Row>, dir: string): Promise<TableSink<Row>> {
  const csv = await openAtomicFile(join(dir, `${table.name}.csv`));
  await csv.write(formatCsv(table.columns, []));
  let batch: Row[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length > 0) pending.push(formatCsv(table.columns, batch, false));
    batch = [];
    if (pending.length > 0) await csv.write(pending.join(''));
    pending = [];
    pendingChars = 0;
  };
  return {
    get rows() {
      return rows;
    },
    async append(row) {
      rows++;
      batch.push(row);
      if (batch.length >= CSV_BATCH) await flush();
    },
    async appendCsv(text, rowCount) {
      if (batch.length > 0) pending.push(formatCsv(table.columns, batch.splice(0), false));
      rows += rowCount;
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= CHUNK_CHARS) await flush();
    },
    async commit() {
      await flush();
      await csv.commit();
    },
    async abort() {
      await csv.abort();
    },
  };
}

/** `<table>.parquet` in `dir` from its committed `<table>.csv`, written under a temporary name and renamed into place. */
export async function writeParquet<Row>(table: Table<Row>, dir: string): Promise<void> {
  const parquetPath = join(dir, `${table.name}.parquet`);
  const parquetTemp = tempPathFor(parquetPath);
  try {
    await runDuckDb([csvToParquetSql(table, join(dir, `${table.name}.csv`), parquetTemp)]);
    await rename(parquetTemp, parquetPath);
  } catch (error) {
    await rm(parquetTemp, { force: true });
    throw error;
  }
}

/**
 * DuckDB's allocator (its own jemalloc) is told to return freed pages to the system at
 * once. By default it keeps them for seconds (jemalloc's dirty and muzzy decay), so each
 * statement's peak stayed resident through the next ones and the process grew far past
 * memory_limit. Measured on 100 MB of news (`run --workers 1`, 750,000 facts): the
 * cross-document step within 256 MB peaked at 660 MB of process RSS, 480 MB with this;
 * the Parquet conversions at 329 and 339 MB, 290 and 277 MB. Alone, the step within
 * 128 MB: 275 MB above the process before it, 162 MB with this, in the same time.
 */
const DUCKDB_ALLOCATOR = 'dirty_decay_ms:0,muzzy_decay_ms:0';

/**
 * Statements run in a fresh in-memory DuckDB, its memory capped so a large
 * corpus spills to disk instead of growing the run. Each instance spills to a
 * directory of its own: two instances sharing one crashed the process (SIGSEGV)
 * on 100 MB of news. Peak RSS measured on 2 threads: the 197 MB facts CSV of
 * 100 MB of news within 256 MB and row groups of 122,880 rows (DuckDB's default),
 * 496 MB; the 1.97 GB one of 1 GB of news within 128 MB and row groups of 32,768,
 * 335 MB (within 256 MB and row groups of 16,384, 454 MB in about the same time).
 * One thread, not two: converting the 197 MB facts CSV of 100 MB of news took 278
 * against 351 MB peak RSS, 9.7 against 8.5 s; within 64 MB DuckDB runs out of memory.
 */
export async function runDuckDb(statements: string[], memoryLimit = '128MB'): Promise<void> {
  // Read by DuckDB's allocator (its own jemalloc) when the library loads, so set before it is.
  process.env.DUCKDB_JE_MALLOC_CONF ??= DUCKDB_ALLOCATOR;
  // Loaded when first used: the library maps 35 MB into every process that imports it, and the worker processes never convert.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const spill = await mkdtemp(join(tmpdir(), 'newsfacts-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: memoryLimit, preserve_insertion_order: 'true', temp_directory: spill });
  const connection = await instance.connect();
  try {
    for (const sql of statements) await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(spill, { recursive: true, force: true });
  }
}
