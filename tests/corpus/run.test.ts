// The whole BBC corpus (2,225 articles) through `newsfacts run` as a user runs it:
// every document read, every fact at its offsets, the tables agreeing with each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SHARED, runNewsfacts } from '../helpers.ts';

let dir: string;
let db: DuckDBConnection;
let stderr: string;
const one = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS()[0]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsfacts-corpus-'));
  const run = runNewsfacts(['run', join(SHARED, 'news/bbc/articles.jsonl'), '--out', join(dir, 'out'), '--workers', '2', '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  stderr = run.stderr;
  db = await (await DuckDBInstance.create(':memory:')).connect();
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsfacts run on the BBC corpus', () => {
  it('reads all 2,225 articles, rejects none, and says so', async () => {
    expect(await one(`SELECT count(*)::INTEGER AS n, count(DISTINCT doc_id)::INTEGER AS ids FROM '${dir}/out/documents.parquet'`)).toEqual({
      n: 2225,
      ids: 2225,
    });
    expect(await one(`SELECT count(*)::INTEGER AS n FROM read_csv('${dir}/out/rejects.csv', header = true)`)).toEqual({ n: 0 });
    expect(stderr).toMatch(/^newsfacts: 2225 documents, \d+ facts, 0 rejects/m);
  });

  it('has every mention at its offsets, and as many facts as the documents count', async () => {
    const row = await one(`
      SELECT count(*)::INTEGER AS n,
             count(*) FILTER (WHERE substring(d.text, f.start + 1, f."end" - f.start) = f.mention)::INTEGER AS at_offsets,
             (SELECT sum(fact_count)::INTEGER FROM '${dir}/out/documents.parquet') AS counted,
             (SELECT count(*)::INTEGER FROM read_csv('${dir}/out/facts.csv', header = true, all_varchar = true)) AS csv_rows
      FROM '${dir}/out/facts.parquet' f JOIN '${dir}/out/documents.parquet' d USING (doc_id)`);
    expect(row.at_offsets).toBe(row.n);
    expect(row.counted).toBe(row.n);
    expect(row.csv_rows).toBe(row.n);
    expect(stderr).toContain(`2225 documents, ${row.n} facts`);
  });
});
