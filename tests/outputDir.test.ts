import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOutputDir, openOutputDir } from '../pipeline/lib/outputDir.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsfacts-outdir-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One run's outputs: each file holds its name and the run's label. */
async function write(out: string, label: string, names = ['facts.csv', 'documents.csv']) {
  const output = await openOutputDir(out);
  try {
    for (const name of names) writeFileSync(join(output.staging, name), `${name} ${label}`);
    await output.commit();
  } finally {
    await output.release();
  }
}

describe('openOutputDir', () => {
  it('switches the whole set at once: OUT/<name> links into the current generation; the old one is removed', async () => {
    const out = join(dir, 'switch');
    await write(out, 'one', ['facts.csv', 'documents.csv', 'report']);
    await write(out, 'two');
    expect(readFileSync(join(out, 'facts.csv'), 'utf8')).toBe('facts.csv two');
    expect(readlinkSync(join(out, 'facts.csv'))).toBe('.newsfacts/current/facts.csv');
    expect(existsSync(join(out, 'report'))).toBe(false); // not in the new set: its link is gone
    expect(readdirSync(join(out, '.newsfacts')).filter((f) => f.startsWith('gen-'))).toHaveLength(1);
    expect(await isOutputDir(out)).toBe(true);
    expect(await isOutputDir(dir)).toBe(false);
  });

  it('replaces the plain files and folders an older version wrote', async () => {
    const out = join(dir, 'legacy');
    mkdirSync(join(out, 'report'), { recursive: true });
    writeFileSync(join(out, 'facts.csv'), 'old');
    writeFileSync(join(out, 'report/00001.html'), 'old');
    await write(out, 'new', ['facts.csv', 'report']);
    expect(lstatSync(join(out, 'facts.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'facts.csv'), 'utf8')).toBe('facts.csv new');
    expect(readFileSync(join(out, 'report'), 'utf8')).toBe('report new');
  });

  it('refuses a second writer with its pid, and takes over a lock whose process is dead', async () => {
    const out = join(dir, 'lock');
    const first = await openOutputDir(out);
    await expect(openOutputDir(out)).rejects.toThrow(`another newsfacts run (pid ${process.pid}) is writing ${out}`);
    await first.release();
    // a dead process's lock (a child that has exited)
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(out, '.newsfacts/lock'), `${dead}\n`);
    await write(out, 'after a stale lock');
    expect(readFileSync(join(out, 'facts.csv'), 'utf8')).toBe('facts.csv after a stale lock');
    expect(readdirSync(join(out, '.newsfacts')).filter((f) => f.startsWith('lock'))).toEqual([]);
  });

  it('keeps a failed run apart without touching the current set, and clears generations of killed runs', async () => {
    const out = join(dir, 'failed');
    await write(out, 'good');
    const output = await openOutputDir(out);
    writeFileSync(join(output.staging, 'rejects.csv'), 'bad');
    const failed = await output.keepAsFailed();
    await output.release();
    expect(readFileSync(join(failed, 'rejects.csv'), 'utf8')).toBe('bad');
    expect(readFileSync(join(out, 'facts.csv'), 'utf8')).toBe('facts.csv good');
    mkdirSync(join(out, '.newsfacts/gen-killed-1'));
    await write(out, 'next');
    expect(readdirSync(join(out, '.newsfacts')).filter((f) => f.startsWith('gen-'))).toHaveLength(1);
  });
});
