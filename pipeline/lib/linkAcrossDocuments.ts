import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { crossDocumentSql } from '../../src/export/crossDocumentSql.ts';
import { formatCsvRow } from '../../src/export/formatCsv.ts';

/** Runs statements in a fresh in-memory DuckDB (capped, spilling to a directory of its own) and returns the rows of the queries. */
export async function queryDuckDb(statements: string[], queries: string[]): Promise<string[][][]> {
  const spill = await mkdtemp(join(tmpdir(), 'newsfacts-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '128MB', preserve_insertion_order: 'true', temp_directory: spill });
  const connection = await instance.connect();
  try {
    for (const sql of statements) await connection.run(sql);
    const results: string[][][] = [];
    for (const sql of queries) {
      const reader = await connection.runAndReadAll(sql);
      results.push(reader.getRows().map((row) => row.map((v) => String(v))));
    }
    return results;
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(spill, { recursive: true, force: true });
  }
}

/**
 * Rewrites one column of a CSV table in place, streaming: each row whose key (first column)
 * is in `values` gets that value. Rows are parsed and written back by the run's own row
 * writer, so every other byte stays as the run wrote it.
 */
async function setColumn(csvPath: string, column: string, values: Map<string, string>): Promise<void> {
  const temp = `${csvPath}.link.tmp`;
  const out = createWriteStream(temp);
  let index = -1;
  let header = true;
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, newline: '\r\n' });
  const writing = (async () => {
    for await (const row of parser as AsyncIterable<string[]>) {
      if (header) {
        index = row.indexOf(column);
        header = false;
      } else if (index >= 0) {
        const value = values.get(row[0] ?? '');
        if (value !== undefined) row[index] = value;
      }
      if (!out.write(formatCsvRow(row))) {
        await once(out, 'drain');
      }
    }
    out.end();
    await finished(out);
  })();
  createReadStream(csvPath).pipe(parser);
  await writing;
  await rename(temp, csvPath);
}

/**
 * The end-of-run step that needs the whole corpus (SPEC.md `duplicate_of`, `same_as`):
 * computed in DuckDB over the run's finished CSV tables, or over merged shard tables, and
 * written into them. Same input, same links, whatever the worker count or sharding.
 */
export async function linkAcrossDocuments({ documentsCsv, factsCsv }: { documentsCsv: string; factsCsv: string }): Promise<{ duplicates: number; sameAs: number }> {
  const [duplicates, sameAs] = await queryDuckDb(crossDocumentSql(documentsCsv, factsCsv), [
    'SELECT doc_id, duplicate_of FROM duplicate_links',
    'SELECT fact_id, same_as FROM same_as_links',
  ]);
  if (duplicates!.length > 0) await setColumn(documentsCsv, 'duplicate_of', new Map(duplicates!.map(([id, link]) => [id!, link!])));
  if (sameAs!.length > 0) await setColumn(factsCsv, 'same_as', new Map(sameAs!.map(([id, link]) => [id!, link!])));
  return { duplicates: duplicates!.length, sameAs: sameAs!.length };
}
