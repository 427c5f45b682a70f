import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import parquet, { type ParquetWriter } from 'parquetjs-lite';
import { formatCsv } from '../../src/export/formatCsv.ts';
import { parquetRow, parquetSchemaDefinition } from '../../src/export/parquetSchema.ts';
import type { Table } from '../../src/export/schema.ts';
import { openAtomicFile, tempPathFor } from './atomicFile.ts';

/** Rows appended one at a time to `<table>.csv` and, optionally, `<table>.parquet`; renamed into place on commit. */
export interface TableSink<Row> {
  append(row: Row): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  readonly rows: number;
}

const CSV_BATCH = 512;

export async function openTableSink<Row>(table: Table<Row>, dir: string, withParquet: boolean): Promise<TableSink<Row>> {
  const csv = await openAtomicFile(join(dir, `${table.name}.csv`));
  await csv.write(formatCsv(table.columns, []));
  const parquetPath = join(dir, `${table.name}.parquet`);
  const parquetTemp = tempPathFor(parquetPath);
  let writer: ParquetWriter | null = null;
  if (withParquet) {
    await mkdir(dirname(parquetPath), { recursive: true });
    const schema = new parquet.ParquetSchema(parquetSchemaDefinition(table.columns));
    writer = await parquet.ParquetWriter.openFile(schema, parquetTemp, { useDataPageV2: false });
    writer.setRowGroupSize(8192);
  }
  let batch: Row[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length > 0) await csv.write(formatCsv(table.columns, batch, false));
    batch = [];
  };
  return {
    get rows() {
      return rows;
    },
    async append(row) {
      rows++;
      batch.push(row);
      if (batch.length >= CSV_BATCH) await flush();
      if (writer) await writer.appendRow(parquetRow(table.columns, row));
    },
    async commit() {
      await flush();
      if (writer) {
        await writer.close();
        await rename(parquetTemp, parquetPath);
      }
      await csv.commit();
    },
    async abort() {
      await csv.abort();
      if (writer) await rm(parquetTemp, { force: true });
    },
  };
}
