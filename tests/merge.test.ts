// The multi-machine recipe of the README, on this machine with N = 3: three
// `run --shard K/3 --partial` (as three machines would), gathered, then
// `newsfacts merge`: every output byte-identical to one run over the whole input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { NEWS_FIXTURES, ROOT, runNewsfacts as run } from './helpers.ts';

const GOLD = join(ROOT, 'tests/gold');

let dir: string;
let input: string;

/** Every file under a directory, by its relative path, read through the links into .newsfacts/current/ (the generations themselves left out). */
function filesOf(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (d === root && name === '.newsfacts') continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

function expectSameFiles(actual: string, expected: string) {
  const want = filesOf(expected);
  const got = filesOf(actual);
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [file, bytes] of want) expect(got.get(file)!.equals(bytes), file).toBe(true);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsfacts-merge-'));
  // 127 real articles shipped in the repo: 67 Reuters of 1987 and 28 BBC without a date (tests/fixtures/news),
  // 32 modern ones of 2022-24 (the gold files' texts); a malformed line, a record without text and a
  // repeated record among them
  const read = (file: string) => readFileSync(join(NEWS_FIXTURES, file), 'utf8').split('\n').filter((l) => l !== '');
  const reuters = read('reuters.jsonl');
  const bbc = read('bbc.jsonl');
  const modern = readdirSync(GOLD)
    .filter((f) => f.endsWith('.json') && f !== 'crossdoc.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as { id: string; source: string; title: string | null; published: string | null; text: string })
    .filter((g) => g.source.includes('modern'))
    .map((g) => JSON.stringify({ id: g.id, title: g.title, published: g.published, text: g.text }));
  const chosen = [...reuters.slice(0, 40), '{"id": ', ...bbc, ...modern, '{"id": "empty", "title": "no text"}', reuters[3]!, ...reuters.slice(40)];
  input = join(dir, 'articles.jsonl');
  writeFileSync(input, chosen.join('\n') + '\n');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsfacts merge', () => {
  // more than 100 documents, and a report limit that falls inside the input: paged report, documents past the limit counted
  const options = ['--partition-by', 'month', '--report-documents', '120'];

  it('merges three shard runs into outputs byte-identical to one run (tables, Parquet, partitions, report, data package)', () => {
    const single = run(['run', input, '--workers', '1', '--out', join(dir, 'single'), ...options]);
    expect(single.status, single.stderr).toBe(0);
    expect(single.stderr).toMatch(/newsfacts: 127 documents, \d+ facts, 3 rejects/);
    for (const k of [1, 2, 3]) {
      const shard = run(['run', input, '--shard', `${k}/3`, '--partial', '--workers', '1', '--report-documents', '120', '--out', join(dir, 'machine' + k)]);
      expect(shard.status, shard.stderr).toBe(0);
      expect(readdirSync(join(dir, 'machine' + k)).sort()).toEqual(['.newsfacts', 'documents.csv', 'facts.csv', 'rejects.csv', 'shard-index.jsonl', 'shard.json']);
    }
    const merged = run(['merge', ...[3, 1, 2].map((k) => join(dir, 'machine' + k)), '--out', join(dir, 'merged'), '--partition-by', 'month']);
    expect(merged.status, merged.stderr).toBe(0);
    const counts = (stderr: string) => /\d+ documents, \d+ facts, \d+ rejects/.exec(stderr)?.[0];
    expect(counts(merged.stderr)).toBe(counts(single.stderr));
    expect(readdirSync(join(dir, 'single', 'report')).length).toBeGreaterThan(2);
    expectSameFiles(join(dir, 'merged'), join(dir, 'single'));
  }, 180_000);

  it('run --workers 3 (three worker processes on one machine) writes the same bytes', () => {
    const three = run(['run', input, '--workers', '3', '--out', join(dir, 'three'), ...options]);
    expect(three.status, three.stderr).toBe(0);
    expectSameFiles(join(dir, 'three'), join(dir, 'single'));
  }, 180_000);

  it('refuses an incomplete or mixed set of shards, naming what is wrong', () => {
    const missing = run(['merge', join(dir, 'machine1'), join(dir, 'machine3'), '--out', join(dir, 'bad')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('newsfacts: shard 2/3 missing: merge needs all 3');
    const twice = run(['merge', join(dir, 'machine1'), join(dir, 'machine1'), join(dir, 'machine2'), '--out', join(dir, 'bad')]);
    expect(twice.stderr.trim()).toMatch(/shard 1\/3 given twice/);
    const notShard = run(['merge', join(dir, 'single'), '--out', join(dir, 'bad')]);
    expect(notShard.stderr.trim()).toMatch(/is not a finished shard run/);
  }, 60_000);
});
