import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { NEWS_FIXTURES, ROOT, runNewsfacts } from './helpers.ts';

const GOLD = join(ROOT, 'tests/gold');

/** Each query of an example SQL file, as written, run by DuckDB on a run's output folder. */
async function answers(sqlFile: string, output: string): Promise<Record<string, unknown>[][]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const statements = readFileSync(join(ROOT, sqlFile), 'utf8')
    .replaceAll("'output/", `'${output}/`)
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
  const results: Record<string, unknown>[][] = [];
  for (const statement of statements) results.push((await db.runAndReadAll(statement)).getRowObjectsJS() as Record<string, unknown>[]);
  return results;
}

// The examples in examples/ must keep working on real output: run them on the default article.
describe('examples/analyst-questions.sql', () => {
  let dir: string;
  let results: Record<string, unknown>[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsfacts-examples-'));
    const run = runNewsfacts(['run', join(ROOT, 'data'), '--out', join(dir, 'output'), '--workers', '1']);
    expect(run.status, run.stderr).toBe(0);
    results = await answers('examples/analyst-questions.sql', join(dir, 'output'));
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

// The README's "Summing figures" answers, run on the gold articles (their texts ship in tests/gold)
// as one corpus. The expectations come from the articles, not from the program's output.
describe('examples/summing-figures.sql', () => {
  let dir: string;
  let results: Record<string, unknown>[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsfacts-summing-'));
    const gold = readdirSync(GOLD).filter((f) => f.endsWith('.json') && f !== 'crossdoc.json').sort();
    const lines = gold.map((f) => {
      const g = JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as { id: string; title: string | null; published: string | null; text: string };
      return JSON.stringify({ id: g.id, title: g.title, published: g.published, text: g.text });
    });
    writeFileSync(join(dir, 'gold.jsonl'), lines.join('\n') + '\n');
    const run = runNewsfacts(['run', join(dir, 'gold.jsonl'), '--out', join(dir, 'output'), '--workers', '1']);
    expect(run.status, run.stderr).toBe(0);
    results = await answers('examples/summing-figures.sql', join(dir, 'output'));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('1. people killed per week: Tropical Storm Ana\'s toll of 70 in the week of 24 January 2022', () => {
    const week = results[0]!.find((r) => r.week !== null && new Date(r.week as string).toISOString().startsWith('2022-01-24'));
    expect(week, JSON.stringify(results[0], (_k, v) => (typeof v === 'bigint' ? Number(v) : v))).toBeDefined();
    expect(Number(week!.killed)).toBeGreaterThanOrEqual(70);
  });

  it('2. drones shot down over Kyiv: the 89 of the night of 30-31 July 2024 are intercepted, not launched', () => {
    const drones = results[1]!.find((r) => r.weapon === 'drone');
    expect(drones, JSON.stringify(results[1], (_k, v) => (typeof v === 'bigint' ? Number(v) : v))).toBeDefined();
    expect(Number(drones!.intercepted)).toBeGreaterThanOrEqual(89);
  });

  it('3. money pledged: the US aid package of about $1.7 billion is pledged, not spent', () => {
    const usd = results[2]!.find((r) => r.currency === 'USD');
    expect(Number(usd!.pledged)).toBeGreaterThanOrEqual(1.7e9);
  });

  it('4. change and level stay apart, and only a change has a direction', () => {
    const rows = results[3]! as { aspect: string; direction: string; figures: bigint }[];
    expect(rows.filter((r) => r.aspect === 'change').map((r) => r.direction).sort()).toEqual(['down', 'up']);
    expect(rows.filter((r) => r.aspect !== 'change').every((r) => r.direction === '-')).toBe(true);
    expect(rows.some((r) => r.aspect === 'level' && Number(r.figures) > 0)).toBe(true);
  });
});
