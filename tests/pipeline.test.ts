import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { CLI, NEWS_FIXTURES, ROOT, SHARED, newsfacts } from './helpers.ts';
import Papa from 'papaparse';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';


let dir: string;
let db: DuckDBConnection;
const query = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsfacts-'));
  const result = await newsfacts(['run', 'data', '--out', join(dir, 'a')]);
  expect(result.status, result.stderr).toBe(0);
  db = await (await DuckDBInstance.create(':memory:')).connect();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsfacts run on data/', () => {
  it('writes the six files and the report', () => {
    expect(readdirSync(join(dir, 'a')).sort()).toEqual(
      ['.newsfacts', 'datapackage.json', 'documents.csv', 'documents.parquet', 'facts.csv', 'facts.parquet', 'rejects.csv', 'report.html'],
    );
  });

  it('gives Parquet the column types of SPEC.md', async () => {
    const types = Object.fromEntries(
      (await query(`DESCRIBE SELECT * FROM '${dir}/a/facts.parquet'`)).map((r) => [r.column_name, r.column_type]),
    );
    expect(types).toMatchObject({
      fact_id: 'VARCHAR', paragraph: 'BIGINT', start: 'BIGINT', end: 'BIGINT', value: 'DOUBLE', low: 'DOUBLE',
      high: 'DOUBLE', qualifier: 'VARCHAR', period_start: 'DATE', period_end: 'DATE', rule: 'VARCHAR',
    });
    const docTypes = Object.fromEntries(
      (await query(`DESCRIBE SELECT * FROM '${dir}/a/documents.parquet'`)).map((r) => [r.column_name, r.column_type]),
    );
    expect(docTypes).toMatchObject({ doc_id: 'VARCHAR', published: 'DATE', chars: 'BIGINT', fact_count: 'BIGINT' });
  });

  it('has every mention at its offsets: substring(text, start+1, end-start) = mention', async () => {
    const [row] = await query(`
      SELECT count(*) AS n, count(*) FILTER (WHERE substring(d.text, f.start + 1, f."end" - f.start) = f.mention) AS ok
      FROM '${dir}/a/facts.parquet' f JOIN '${dir}/a/documents.parquet' d USING (doc_id)`);
    expect(Number(row!.n)).toBe(12); // the default article's 12 facts (tests/gold/iraq-militia-us-coalition.json)
    expect(row!.ok).toBe(row!.n);
  });

  it('holds the same rows in CSV and Parquet', async () => {
    const [row] = await query(`
      SELECT (SELECT count(*) FROM (SELECT fact_id, mention, value, low, high, unit, object FROM read_csv('${dir}/a/facts.csv', header = true, all_varchar = false)
              EXCEPT SELECT fact_id, mention, value, low, high, unit, object FROM '${dir}/a/facts.parquet')) AS only_csv,
             (SELECT count(*) FROM '${dir}/a/facts.parquet') AS parquet_rows`);
    expect(Number(row!.only_csv)).toBe(0);
    const csv = Papa.parse(readFileSync(join(dir, 'a/facts.csv'), 'utf8').trim(), { header: true });
    expect(csv.data.length).toBe(Number(row!.parquet_rows));
    const [docs] = await query(`SELECT sum(fact_count) AS n FROM '${dir}/a/documents.parquet'`);
    expect(Number(docs!.n)).toBe(csv.data.length);
  });

  it('finds the article\'s figures and none of its not-facts', async () => {
    const rows = await query(`SELECT mention, value, object_head, category FROM '${dir}/a/facts.parquet' ORDER BY start`);
    const mentions = rows.map((r) => r.mention);
    expect(mentions).toEqual(expect.arrayContaining(['$2.3 billion', 'more than $2.3 billion', '$1.6 billion', '7,276', 'more than 15,000', '108', 'thousands of tonnes', '300', 'more than 10,000']));
    expect(rows.filter((r) => r.mention === '2,000').map((r) => r.object_head)).toEqual(['missile', 'missile']);
    expect(rows.find((r) => r.mention === '7,276')).toMatchObject({ value: 7276, object_head: 'strike', category: 'strikes' });
    for (const bad of ['March 17, 2014', '17', '2014', 'AT-4', '4', 'M16', '16']) expect(mentions).not.toContain(bad);
  });

  it('is deterministic: a second run writes byte-identical files', async () => {
    expect((await newsfacts(['run', 'data', '--out', join(dir, 'b')])).status).toBe(0);
    for (const file of readdirSync(join(dir, 'a')).filter((f) => f !== '.newsfacts')) {
      expect(readFileSync(join(dir, 'b', file)).equals(readFileSync(join(dir, 'a', file))), file).toBe(true);
    }
  }, 60_000);
});

describe('bad input', () => {
  it('rejects unreadable documents with a reason and keeps the good ones', async () => {
    const inputs = join(dir, 'mixed');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'good.txt'), 'Title\n\nTroops fired 40 rockets.\n');
    writeFileSync(join(inputs, 'empty.txt'), '\n\n');
    writeFileSync(join(inputs, 'latin1.txt'), Buffer.from([0x54, 0x0a, 0x0a, 0xa3, 0x35, 0x30]));
    writeFileSync(join(inputs, 'corpus.jsonl'), ['{"id": "x1", "text": "It cost $5 million."}', '{"id": ', '{"title": "no text"}'].join('\n'));
    writeFileSync(join(inputs, 'notes.pdf'), '%PDF');
    const result = await newsfacts(['run', inputs, join(dir, 'missing.txt'), '--out', join(dir, 'mixed-out')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/newsfacts: 2 documents, 2 facts, 6 rejects/);
    const rejects = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'mixed-out/rejects.csv'), 'utf8').trim(), { header: true }).data;
    expect(rejects.map((r) => [r.source, r.record, r.reason!.split(':')[0]])).toEqual([
      [join(dir, 'missing.txt'), '', 'no such file or directory'],
      ['corpus.jsonl', '2', 'malformed JSON'],
      ['corpus.jsonl#line-3', '3', 'no "text" string field'],
      ['empty.txt', '', 'empty text'],
      ['latin1.txt', '', 'invalid UTF-8'],
      ['notes.pdf', '', 'unsupported format ".pdf" (name one with --format)'],
    ]);
  }, 60_000);

  it('exits non-zero with one line when no document can be read, and replaces none of the previous outputs', async () => {
    const out = join(dir, 'none');
    expect((await newsfacts(['run', 'data', '--out', out])).status).toBe(0);
    const before = readFileSync(join(out, 'rejects.csv'), 'utf8');
    const result = await newsfacts(['run', join(dir, 'nothing-here.txt'), '--out', out]);
    expect(result.status).toBe(1);
    const failed = join(out, '.newsfacts/failed/rejects.csv');
    expect(result.stderr.trim().split('\n').at(-1)).toBe(`newsfacts: no document could be read: ${join(dir, 'nothing-here.txt')}: no such file or directory (1 input rejected; see ${failed})`);
    expect(readFileSync(join(out, 'rejects.csv'), 'utf8')).toBe(before);
    expect(readFileSync(failed, 'utf8')).toContain('no such file or directory');
  }, 60_000);

  it('reads an article from stdin', async () => {
    const result = await newsfacts(['run', '-', '--out', join(dir, 'stdin')], 'Headline\n\nThe army lost 12 tanks.\n');
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'stdin/documents.csv'), 'utf8')).toContain('stdin');
    expect(readFileSync(join(dir, 'stdin/facts.csv'), 'utf8')).toContain('12,12,12,12');
  }, 60_000);
});

describe('a killed run', () => {
  /** Resolves when `ready()` holds (polled; the moment is an event of the run, not a delay). */
  const when = (ready: () => boolean) =>
    new Promise<void>((done) => {
      const holds = () => {
        try {
          return ready();
        } catch {
          return false; // a folder that came or went between two reads
        }
      };
      const check = () => (holds() ? done() : setTimeout(check, 5));
      check();
    });
  const staged = (out: string) => readdirSync(join(out, '.newsfacts')).filter((f) => f.startsWith('gen-'));
  const stagedFiles = (out: string) => staged(out).flatMap((g) => readdirSync(join(out, '.newsfacts', g)));
  /** Every table of OUT, read through its links. */
  const tables = (out: string) => Object.fromEntries(['documents.csv', 'facts.csv', 'rejects.csv', 'documents.parquet', 'facts.parquet', 'datapackage.json', 'report.html'].map((f) => [f, readFileSync(join(out, f))]));

  it('leaves the previous outputs whole (SIGKILL at the first staged file, the first finished table and the commit), and the next run clears what it left', async () => {
    const out = join(dir, 'killed');
    expect((await newsfacts(['run', 'data', '--out', out])).status).toBe(0);
    const before = tables(out);
    const corpus = join(SHARED, 'news/bbc/articles.jsonl');
    const moments: [string, (out: string) => boolean][] = [
      ['first staged file', (o) => stagedFiles(o).some((f) => f.endsWith('.tmp'))],
      ['first finished table', (o) => stagedFiles(o).includes('documents.parquet')],
      ['commit (datapackage.json staged)', (o) => stagedFiles(o).includes('datapackage.json')],
    ];
    for (const [moment, ready] of moments) {
      const child = spawn(process.execPath, [CLI, 'run', corpus, '--out', out, '--workers', '2'], { cwd: ROOT, stdio: 'ignore' });
      await when(() => ready(out) || child.exitCode !== null);
      child.kill('SIGKILL');
      await once(child, 'exit');
      const now = tables(out);
      // all from the run before, or (killed after the switch) all from the killed run: never a mix
      const same = Object.keys(before).filter((f) => now[f]!.equals(before[f]!));
      expect([0, Object.keys(before).length], `${moment}: unchanged ${same.join(', ')}`).toContain(same.length);
      if (same.length === 0) expect(readFileSync(join(out, 'documents.csv'), 'utf8').split('\r\n').length, moment).toBeGreaterThan(2000);
    }
    expect(staged(out).length).toBeGreaterThan(1);
    expect((await newsfacts(['run', 'data', '--out', out])).status).toBe(0);
    expect(staged(out)).toHaveLength(1);
    expect(tables(out)).toEqual(before);
  }, 120_000);

  it('refuses a second run on the same folder while the first writes, naming its pid', async () => {
    const out = join(dir, 'locked');
    const first = spawn(process.execPath, [CLI, 'run', join(SHARED, 'news/bbc/articles.jsonl'), '--out', out], { cwd: ROOT, stdio: 'ignore' });
    await when(() => readdirSync(join(out, '.newsfacts')).includes('lock'));
    const second = await newsfacts(['run', 'data', '--out', out]);
    first.kill('SIGKILL');
    await once(first, 'exit');
    expect(second.status).toBe(1);
    expect(second.stderr.trim()).toBe(`newsfacts: another newsfacts run (pid ${first.pid}) is writing ${out}`);
    // the killed run's lock is stale: the next run takes it over
    expect((await newsfacts(['run', 'data', '--out', out])).status).toBe(0);
  }, 60_000);
});

describe('every input format', () => {
  it('reads HTML, WARC, CSV and gzip-compressed TSV in one run; duplicates and broken records are rejected', async () => {
    const inputs = join(dir, 'formats');
    mkdirSync(inputs);
    const fixtures = join(ROOT, 'tests/fixtures');
    for (const f of ['html/chad.html', 'html/timewarner.html', 'warc/news.warc.gz', 'warc/broken.warc.gz', 'delimited/articles.csv']) {
      writeFileSync(join(inputs, f.split('/')[1]!), readFileSync(join(fixtures, f)));
    }
    writeFileSync(join(inputs, 'articles.tsv.gz'), gzipSync(readFileSync(join(fixtures, 'delimited/articles.tsv'))));
    const [result, one] = await Promise.all([
      newsfacts(['run', inputs, '--out', join(dir, 'formats-out'), '--workers', '2']),
      newsfacts(['run', inputs, '--out', join(dir, 'formats-out-1'), '--workers', '1']),
    ]);
    expect(result.status, result.stderr).toBe(0);
    // rejects found while reading and after extraction (duplicates) keep input order for any worker count
    expect(one.status, one.stderr).toBe(0);
    for (const file of ['documents.csv', 'facts.csv', 'rejects.csv']) {
      expect(readFileSync(join(dir, 'formats-out-1', file)).equals(readFileSync(join(dir, 'formats-out', file))), file).toBe(true);
    }
    const documents = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'formats-out/documents.csv'), 'utf8').trim(), { header: true }).data;
    expect(new Set(documents.map((d) => d.doc_id)).size).toBe(documents.length);
    expect(documents.filter((d) => d.source!.startsWith('articles.csv#'))).toHaveLength(5);
    expect(documents.filter((d) => d.source!.startsWith('articles.tsv.gz#'))).toHaveLength(5);
    expect(documents.find((d) => d.source === 'chad.html')).toMatchObject({ title: 'Chad says troops killed 1,200 Libyans in battle' });
    expect(documents.find((d) => d.source === 'https://wire.example.org/africa/chad-battle')).toBeDefined();
    const rejects = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'formats-out/rejects.csv'), 'utf8').trim(), { header: true }).data;
    expect(rejects.map((r) => r.reason!.split(':')[0])).toEqual(['truncated WARC file (gzip member cut short)', 'duplicate', 'duplicate', 'invalid utf-8 bytes in the page']);
  }, 60_000);
});

describe('beyond one machine', () => {
  // 40 real Reuters articles from two months of 1987 (the first and last 20 of the corpus).
  const reuters = () => {
    const path = join(dir, 'reuters40.jsonl');
    const lines = readFileSync(join(NEWS_FIXTURES, 'reuters.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
    writeFileSync(path, [...lines.slice(0, 20), ...lines.slice(-20)].join('\n') + '\n');
    return path;
  };

  it('map writes tagged JSON Lines on stdout, identical for one or two workers and equal to run\'s tables', async () => {
    const input = readFileSync(reuters(), 'utf8');
    const [one, two] = await Promise.all([newsfacts(['map', '--workers', '1'], input), newsfacts(['map', '--workers', '2'], input)]);
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const records = one.stdout.trim().split('\n').map((l) => JSON.parse(l) as { table: string; fact_count?: number });
    const documents = records.filter((r) => r.table === 'documents');
    expect(documents).toHaveLength(40);
    expect(records.filter((r) => r.table === 'facts')).toHaveLength(documents.reduce((n, d) => n + d.fact_count!, 0));
    expect(one.stderr).toMatch(/newsfacts: 40 documents, \d+ facts, 0 rejects/);
  }, 60_000);

  it('--shard K/N splits the documents so the shards together hold each exactly once', async () => {
    const input = reuters();
    const ids = await Promise.all(
      [1, 2, 3].map(async (k) => {
        const out = join(dir, `shard${k}`);
        expect((await newsfacts(['run', input, '--shard', `${k}/3`, '--workers', '1', '--out', out])).status).toBe(0);
        return Papa.parse<Record<string, string>>(readFileSync(join(out, 'documents.csv'), 'utf8').trim(), { header: true }).data.map((d) => d.doc_id);
      }),
    );
    expect(ids.flat().sort()).toEqual([...new Set(ids.flat())].sort());
    expect(ids.flat()).toHaveLength(40);
  }, 60_000);

  it('--partition-by month writes Hive-partitioned Parquet that DuckDB reads as one table', async () => {
    const out = join(dir, 'partitioned-run');
    const result = await newsfacts(['run', reuters(), '--partition-by', 'month', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(out, 'partitioned/facts')).sort()).toEqual(['published_month=1987-02', 'published_month=1987-10']);
    const byMonth = await query(
      `SELECT published_month, count(*)::INTEGER AS facts FROM read_parquet('${out}/partitioned/facts/*/*.parquet', hive_partitioning = true) GROUP BY 1 ORDER BY 1`,
    );
    const expected = await query(
      `SELECT strftime(d.published, '%Y-%m') AS published_month, count(*)::INTEGER AS facts FROM '${out}/facts.parquet' f JOIN '${out}/documents.parquet' d USING (doc_id) GROUP BY 1 ORDER BY 1`,
    );
    expect(byMonth).toEqual(expected);
  }, 60_000);
});

describe('make', () => {
  it('rebuilds nothing the second time', async () => {
    const out = join(dir, 'make');
    const make = () => promisify(execFile)('make', ['--no-print-directory', `OUTPUT=${out}`], { cwd: ROOT, encoding: 'utf8' });
    await make();
    const { stdout: second } = await make();
    expect(second).toMatch(/Nothing to be done|^$/);
    expect(readFileSync(join(out, 'facts.csv'), 'utf8')).toEqual(readFileSync(join(dir, 'a/facts.csv'), 'utf8'));
  }, 120_000);
});
