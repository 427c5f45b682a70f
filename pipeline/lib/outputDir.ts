// The output folder as a set that changes all at once. A run writes every table
// into a new generation folder, OUT/.newsfacts/gen-*, and commits by switching one
// symlink, OUT/.newsfacts/current, with a rename (atomic on POSIX file systems).
// OUT/facts.csv and the other names an analyst opens are symlinks into
// .newsfacts/current/, so they always show one run's tables: a run killed at any
// moment, even during the commit, leaves the previous set or the new one, never a
// mix. A lock file (OUT/.newsfacts/lock, holding the writer's pid) refuses a second
// run on the same folder; one left by a dead process is taken over.
import { link, lstat, mkdir, readFile, readdir, readlink, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { alive, removeStaleTemps } from './atomicFile.ts';

/** The folder inside OUT that marks it as newsfacts output and holds its generations and lock. */
export const MARKER = '.newsfacts';
const CURRENT = 'current';

export class OutputLocked extends Error {}

export interface OutputDir {
  /** Where this run writes its outputs (a new generation folder). */
  readonly staging: string;
  /** Makes the staged set the current one, all at once, and links its names into OUT. */
  commit(): Promise<void>;
  /** Keeps the staged set apart (OUT/.newsfacts/failed/) without touching the current one. */
  keepAsFailed(): Promise<string>;
  /** Removes the staged set if not committed, and the lock. */
  release(): Promise<void>;
}

/** Whether `dir` holds newsfacts output (its marker folder), so inputs can skip it. */
export async function isOutputDir(dir: string): Promise<boolean> {
  try {
    return (await lstat(join(dir, MARKER))).isDirectory();
  } catch {
    return false;
  }
}


const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * The lock: a file holding the writer's pid, made by link(2) from a file already
 * written, so it never exists empty. A lock whose pid is dead is renamed away
 * (only one taker can win the rename) and the taking tried again.
 */
async function lock(markerDir: string, outDir: string): Promise<() => Promise<void>> {
  const path = join(markerDir, 'lock');
  const mine = join(markerDir, `lock.${process.pid}`);
  await writeFile(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await link(mine, path);
        return async () => {
          // only our own lock is removed
          if ((await readFile(path, 'utf8').catch(() => '')).trim() === String(process.pid)) await unlink(path).catch(() => {});
        };
      } catch (error) {
        if (errno(error) !== 'EEXIST') throw error;
      }
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (holder > 0 && alive(holder)) throw new OutputLocked(`another newsfacts run (pid ${holder}) is writing ${outDir}`);
      // dead (or unreadable): taken away under a name of our own, then checked
      const taken = join(markerDir, `lock.stale.${process.pid}`);
      try {
        await rename(path, taken);
      } catch (error) {
        if (errno(error) === 'ENOENT') continue; // someone else took it first
        throw error;
      }
      const takenPid = Number((await readFile(taken, 'utf8').catch(() => '')).trim());
      if (takenPid > 0 && alive(takenPid)) {
        // a live run had just taken it: put it back
        await link(taken, path).catch(() => {});
        await unlink(taken).catch(() => {});
        throw new OutputLocked(`another newsfacts run (pid ${takenPid}) is writing ${outDir}`);
      }
      await unlink(taken).catch(() => {});
    }
    throw new OutputLocked(`cannot lock ${outDir}: its lock keeps changing hands`);
  } finally {
    await unlink(mine).catch(() => {});
  }
}

/** Replaces `path` (a file, a folder or a link) by a symlink to `target`, with a rename where it can. */
async function linkInPlace(path: string, target: string): Promise<void> {
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink() && (await readlink(path)) === target) return;
    // an output of an older version (a real folder): a rename cannot replace it
    if (info.isDirectory()) await rm(path, { recursive: true, force: true });
  } catch (error) {
    if (errno(error) !== 'ENOENT') throw error;
  }
  const temp = `${path}.${process.pid}.link.tmp`;
  await rm(temp, { force: true });
  await symlink(target, temp);
  await rename(temp, path);
}

/** Opens OUT for one run: takes the lock, clears what killed runs left, and makes a new generation to write into. */
export async function openOutputDir(outDir: string): Promise<OutputDir> {
  const markerDir = join(outDir, MARKER);
  await mkdir(markerDir, { recursive: true });
  const unlock = await lock(markerDir, outDir);
  let committed = false;
  let staging = '';
  try {
    await removeStaleTemps(outDir); // left in OUT by killed runs of older versions
    const current = await readlink(join(markerDir, CURRENT)).catch(() => null);
    // generations of killed runs (never current), and temporary links
    for (const name of await readdir(markerDir)) {
      if ((name.startsWith('gen-') && name !== current) || name.endsWith('.tmp')) await rm(join(markerDir, name), { recursive: true, force: true });
    }
    const generation = `gen-${Date.now().toString(36)}-${process.pid}`;
    staging = join(markerDir, generation);
    await mkdir(staging);
  } catch (error) {
    await unlock();
    throw error;
  }
  const generation = staging.slice(markerDir.length + 1);
  return {
    staging,
    async commit() {
      const previous = await readlink(join(markerDir, CURRENT)).catch(() => null);
      const temp = join(markerDir, `${CURRENT}.${process.pid}.tmp`);
      await rm(temp, { force: true });
      await symlink(generation, temp);
      // the commit: one rename switches every table at once
      await rename(temp, join(markerDir, CURRENT));
      committed = true;
      const names = new Set(await readdir(staging));
      for (const name of names) await linkInPlace(join(outDir, name), `${MARKER}/${CURRENT}/${name}`);
      // names of older sets this one does not have (report/ of a larger corpus, partitioned/)
      for (const name of await readdir(outDir)) {
        const path = join(outDir, name);
        if (names.has(name) || name === MARKER) continue;
        const target = await readlink(path).catch(() => null);
        if (target?.startsWith(`${MARKER}/${CURRENT}/`)) await unlink(path);
      }
      if (previous && previous !== generation) await rm(join(markerDir, previous), { recursive: true, force: true });
    },
    async keepAsFailed() {
      const failed = join(markerDir, 'failed');
      await rm(failed, { recursive: true, force: true });
      await rename(staging, failed);
      committed = true;
      return failed;
    },
    async release() {
      if (!committed) await rm(staging, { recursive: true, force: true });
      await unlock();
    },
  };
}
