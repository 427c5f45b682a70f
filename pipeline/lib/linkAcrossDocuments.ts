import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { crossDocumentSql } from '../../src/export/crossDocumentSql.ts';

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
 * Sets the last column of a CSV table in place, streaming: each record whose key (first
 * column) is in `values` gets that value. The run writes that column empty and the keys
 * (doc and fact ids) need no quoting, so a record is found by its first comma and its end
 * (a CRLF outside quotes) and every other byte is copied as the run wrote it. Measured on
 * the news corpus (43 MB of facts, 24 MB of documents): 1.5 s, against 2.8 s for parsing
 * every row with papaparse and writing it again.
 */
async function setLastColumn(csvPath: string, column: string, values: Map<string, string>): Promise<void> {
  const temp = `${csvPath}.link.tmp`;
  const out = createWriteStream(temp);
  let header = true;
  let inQuotes = false;
  let record = '';
  const emit = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  for await (const chunk of createReadStream(csvPath, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) {
        record += chunk.slice(from, i + 1);
        from = i + 1;
        if (header) {
          if (!record.trimEnd().endsWith(`,${column}`)) throw new Error(`${csvPath}: ${column} is not the last column`);
          header = false;
        } else {
          const value = values.get(record.slice(0, record.indexOf(',')));
          if (value !== undefined && record.endsWith(',\r\n')) record = `${record.slice(0, -2)}${value}\r\n`;
        }
        await emit(record);
        record = '';
      }
    }
    record += chunk.slice(from);
  }
  if (record !== '') await emit(record);
  out.end();
  await finished(out);
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
  if (duplicates!.length > 0) await setLastColumn(documentsCsv, 'duplicate_of', new Map(duplicates!.map(([id, link]) => [id!, link!])));
  if (sameAs!.length > 0) await setLastColumn(factsCsv, 'same_as', new Map(sameAs!.map(([id, link]) => [id!, link!])));
  return { duplicates: duplicates!.length, sameAs: sameAs!.length };
}
