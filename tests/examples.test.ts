import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

const ROOT = new URL('..', import.meta.url).pathname;

// The examples in examples/ must keep working on real output: run them on the default article.
describe('examples/analyst-questions.sql', () => {
  let dir: string;
  let db: DuckDBConnection;
  let results: Record<string, unknown>[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsfacts-examples-'));
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/newsfacts.js'), 'run', join(ROOT, 'data'), '--out', join(dir, 'output'), '--workers', '1'], { encoding: 'utf8' });
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
