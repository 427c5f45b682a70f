import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';

/**
 * A file written under a temporary name and renamed into place on commit, so
 * a failed or killed run never leaves a half-written file where a good one was.
 */
export interface AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  write(chunk: string): Promise<void>;
  /** Finishes writing the temporary file without renaming it (to read it back before commit). */
  close(): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export function tempPathFor(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

export async function openAtomicFile(path: string): Promise<AtomicFile> {
  await mkdir(dirname(path), { recursive: true });
  const tempPath = tempPathFor(path);
  const stream: WriteStream = createWriteStream(tempPath, { encoding: 'utf8' });
  await once(stream, 'open');
  const close = async () => {
    if (!stream.writableFinished) {
      stream.end();
      await once(stream, 'finish');
    }
  };
  return {
    path,
    tempPath,
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    close,
    async commit() {
      await close();
      await rename(tempPath, path);
    },
    async abort() {
      stream.destroy();
      await rm(tempPath, { force: true });
    },
  };
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const file = await openAtomicFile(path);
  await file.write(content);
  await file.commit();
}

/** Temporary files a killed run left in `dir` (their process is gone): removed so they don't pile up. */
export async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !alive(Number(pid))) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/** Whether a process with this pid runs on this machine (one we may not signal counts too). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
