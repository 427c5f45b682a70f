import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStaleBundles, reusable, workerBundle } from '../pipeline/lib/workerBundle.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('workerBundle', () => {
  it('builds the worker tasks into one module that exports them', async () => {
    const module = (await import(await workerBundle())) as { tasks: Record<string, unknown> };
    expect(Object.keys(module.tasks).sort()).toEqual(['records', 'tables']);
  });

  it('reuses a bundle only while every file it was built from is unchanged', () => {
    const root = mkdtempSync(join(tmpdir(), 'newsfacts-bundle-'));
    try {
      const source = 'export const strikes = 7276;\n';
      writeFileSync(join(root, 'a.ts'), source);
      writeFileSync(join(root, 'bundle.mjs'), 'export {};\n');
      const manifest = join(root, 'manifest.json');
      writeFileSync(manifest, JSON.stringify({ bundle: join(root, 'bundle.mjs'), inputs: { 'a.ts': sha256(source) } }));
      expect(reusable(manifest, root)).toBe(join(root, 'bundle.mjs'));
      writeFileSync(join(root, 'a.ts'), source.replace('7276', '7277'));
      expect(reusable(manifest, root)).toBeNull();
      writeFileSync(join(root, 'a.ts'), source);
      rmSync(join(root, 'bundle.mjs'));
      expect(reusable(manifest, root)).toBeNull();
      expect(reusable(join(root, 'missing.json'), root)).toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('removes bundles unused for a week, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsfacts-stale-'));
    try {
      const now = Date.now();
      const old = new Date(now - 8 * 24 * 3600 * 1000);
      for (const name of ['newsfacts-worker-0123456789abcdef.mjs', 'newsfacts-worker-fedcba9876543210.mjs', 'other.mjs']) writeFileSync(join(dir, name), '');
      utimesSync(join(dir, 'newsfacts-worker-0123456789abcdef.mjs'), old, old);
      utimesSync(join(dir, 'other.mjs'), old, old);
      removeStaleBundles(dir, now);
      expect(readdirSync(dir).sort()).toEqual(['newsfacts-worker-fedcba9876543210.mjs', 'other.mjs']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
