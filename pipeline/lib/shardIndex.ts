// What a shard run (`run --shard K/N`) writes beside its tables so that
// `newsfacts merge` can put the rows of N shards back in input order, made
// on one machine or many: shard-index.jsonl (one line per document or reject,
// with its place in the whole input) and shard.json (which shard, written last).
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentOutputs } from '../../src/export/documentOutputs.ts';
import { formatCsv } from '../../src/export/formatCsv.ts';
import { documentsTable, factsTable } from '../../src/export/schema.ts';
import type { Reject } from '../../src/model.ts';
import { writeFileAtomic } from './atomicFile.ts';
import { openJsonLines, readJsonLines } from './jsonLines.ts';
import type { Shard } from './shard.ts';

export const SHARD_INDEX = 'shard-index.jsonl';
export const SHARD_INFO = 'shard.json';

/**
 * One line of shard-index.jsonl. A document's rows are the next `documentBytes`
 * bytes of the shard's documents.csv and `factsBytes` of its facts.csv; the rest
 * is what the report needs (its section is rendered in the shard, for the
 * documents among the first --report-documents of the whole input).
 */
export type IndexEntry =
  | { place: number; reject: Reject }
  | ({ place: number; documentBytes: number; factsBytes: number } & Omit<DocumentOutputs, 'documentCsv' | 'factsCsv'>);

/** shard.json: written last, so a shard directory without it is unfinished. */
export interface ShardInfo {
  shard: string;
  reportDocuments: number;
  documents: number;
  facts: number;
  rejects: number;
}

export async function openShardIndex(outDir: string) {
  const index = await openJsonLines<IndexEntry>(join(outDir, SHARD_INDEX));
  return {
    document(out: DocumentOutputs, place: number) {
      const { documentCsv, factsCsv, ...rest } = out;
      return index.write({ place, documentBytes: Buffer.byteLength(documentCsv), factsBytes: Buffer.byteLength(factsCsv), ...rest });
    },
    reject: (reject: Reject, place: number) => index.write({ place, reject }),
    async commit(shard: Shard, info: Omit<ShardInfo, 'shard'>) {
      await index.commit();
      await writeFileAtomic(join(outDir, SHARD_INFO), JSON.stringify({ shard: `${shard.index}/${shard.count}`, ...info }, null, 2) + '\n');
    },
    abort: () => index.abort(),
  };
}

export async function readShardInfo(dir: string): Promise<ShardInfo> {
  try {
    return JSON.parse(await readFile(join(dir, SHARD_INFO), 'utf8')) as ShardInfo;
  } catch {
    throw new Error(`${dir} is not a finished shard run: no ${SHARD_INFO} (make it with newsfacts run --shard K/N --partial)`);
  }
}

/** Reads a file front to back in exact byte counts (a document's rows), 1 MB at a time. */
class ByteReader {
  private buffer = Buffer.alloc(0);
  private constructor(private readonly file: FileHandle, private readonly path: string) {}
  static async open(path: string, skip: number): Promise<ByteReader> {
    const reader = new ByteReader(await open(path, 'r'), path);
    await reader.take(skip);
    return reader;
  }
  async take(bytes: number): Promise<string> {
    while (this.buffer.length < bytes) {
      const chunk = Buffer.allocUnsafe(Math.max(1 << 20, bytes - this.buffer.length));
      const { bytesRead } = await this.file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) throw new Error(`${this.path} ends before its shard index does`);
      this.buffer = this.buffer.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([this.buffer, chunk.subarray(0, bytesRead)]);
    }
    const text = this.buffer.toString('utf8', 0, bytes);
    this.buffer = this.buffer.subarray(bytes);
    return text;
  }
  close = () => this.file.close();
}

export type ShardItem = { place: number; reject: Reject } | { place: number; out: DocumentOutputs };

/** A shard's documents (with their CSV rows) and rejects, in its input order. */
export async function* readShard(dir: string): AsyncGenerator<ShardItem> {
  const documents = await ByteReader.open(join(dir, 'documents.csv'), Buffer.byteLength(formatCsv(documentsTable.columns, [])));
  const facts = await ByteReader.open(join(dir, 'facts.csv'), Buffer.byteLength(formatCsv(factsTable.columns, [])));
  try {
    for await (const entry of readJsonLines<IndexEntry>(join(dir, SHARD_INDEX))) {
      if ('reject' in entry) {
        yield entry;
        continue;
      }
      const { place, documentBytes, factsBytes, ...rest } = entry;
      yield { place, out: { ...rest, documentCsv: await documents.take(documentBytes), factsCsv: await facts.take(factsBytes) } };
    }
  } finally {
    await documents.close();
    await facts.close();
  }
}
