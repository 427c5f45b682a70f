import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { NEWS_FIXTURES, ROOT, runNewsfacts } from './helpers.ts';

// The examples in examples/ must keep working on real output: run them on the default article.
describe('examples/analyst-questions.sql', () => {
  let dir: string;
  let db: DuckDBConnection;
  let results: Record<string, unknown>[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsfacts-examples-'));
    const run = runNewsfacts(['run', join(ROOT, 'data'), '--out', join(dir, 'output'), '--workers', '1']);
    expect(run.status, run.stderr).toBe(0);
    db = await (await DuckDBInstance.create(':memory:')).connect();
    const sql = readFileSync(join(ROOT, 'examples/analyst-questions.sql'), 'utf8').replaceAll("'output/", `'${dir}/output/`);
    const statements = sql
      .split(/;\s*\n/)
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter(Boolean);
    results = [];
    for (const statement of statements) results.push((await db.runAndReadAll(statement)).getRowObjectsJS() as Record<string, unknown>[]);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the three questions', () => {
    expect(results.length).toBe(3);
  });

  it('1. money by speaker counts the $2.3 billion once, not its restatement or its part', () => {
    expect(results[0]).toContainEqual({ speaker: 'Colonel Steve Warren', currency: 'USD', figures: 1n, total: 2.3e9 });
  });

  it('2. strikes by period: 7,276 since August 2014', () => {
    expect(results[1]![0]).toMatchObject({ period: 'since August 2014', strikes: 7276, according_to: 'Colonel Steve Warren' });
  });

  it('3. equipment by type: missiles, rifles, vehicles', () => {
    const byType = Object.fromEntries(results[2]!.map((r) => [r.equipment, r.quantity]));
    expect(byType).toMatchObject({ missile: 4000, rifle: 10000, vehicle: 300 });
  });
});

// The README's DuckDB query over Hive-partitioned Parquet, run as written on partitioned output of real Reuters articles.
describe('README: reading --partition-by output with DuckDB', () => {
  it('reads the partitions as one table, with the partition column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsfacts-partitioned-'));
    try {
      const lines = readFileSync(join(NEWS_FIXTURES, 'reuters.jsonl'), 'utf8').split('\n').filter(Boolean);
      writeFileSync(join(dir, 'sample.jsonl'), [...lines.slice(0, 20), ...lines.slice(-20)].join('\n'));
      const run = runNewsfacts(['run', join(dir, 'sample.jsonl'), '--out', join(dir, 'output'), '--partition-by', 'month', '--workers', '1']);
      expect(run.status, run.stderr).toBe(0);
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const sql = /```sql\n-- DuckDB\n([\s\S]*?)```/.exec(readme)![1]!.replaceAll("'output/", `'${dir}/output/`);
      const db = await (await DuckDBInstance.create(':memory:')).connect();
      const rows = (await db.runAndReadAll(sql)).getRowObjectsJS() as { published_month: string; category: string; facts: bigint }[];
      expect(new Set(rows.map((r) => r.published_month))).toEqual(new Set(['1987-02', '1987-10']));
      const total = rows.reduce((n, r) => n + Number(r.facts), 0);
      // every fact of the run, once: as many as facts.csv has rows, and as the documents count
      const csvRows = Papa.parse(readFileSync(join(dir, 'output/facts.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.length;
      const counted = Papa.parse<{ fact_count: string }>(readFileSync(join(dir, 'output/documents.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
      expect(counted).toHaveLength(40);
      expect(total).toBe(csvRows);
      expect(total).toBe(counted.reduce((n, d) => n + Number(d.fact_count), 0));
      expect((await db.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM '${dir}/output/facts.parquet'`)).getRowObjectsJS()[0]!.n).toBe(total);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
