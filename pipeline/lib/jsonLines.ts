import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { openAtomicFile, type AtomicFile } from './atomicFile.ts';

/** Records of a JSON Lines stage file, one at a time. */
export async function* readJsonLines<T>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') yield JSON.parse(line) as T;
  }
}

export interface JsonLinesWriter<T> {
  write(record: T): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openJsonLines<T>(path: string): Promise<JsonLinesWriter<T>> {
  const file: AtomicFile = await openAtomicFile(path);
  return {
    write: (record) => file.write(JSON.stringify(record) + '\n'),
    commit: () => file.commit(),
    abort: () => file.abort(),
  };
}
