import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
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
