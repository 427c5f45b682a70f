import { createHash } from 'node:crypto';
import type { Ingested } from './inputs.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "2/8" -> { index: 2, count: 8 }; a one-line error for anything else. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard wants K/N with 1 <= K <= N (got "${text}")`);
  return { index, count };
}

const bucket = (hex: string, count: number) => Number.parseInt(hex.slice(0, 12), 16) % count;

/**
 * Whether a document (by its stable id) or a reject (by its source and record)
 * belongs to the shard: the same split on every machine and every run, so N
 * runs with K = 1..N together see each input exactly once.
 */
export function inShard(item: Ingested, shard: Shard): boolean {
  if (shard.count === 1) return true;
  // a page not read yet has no doc_id: it goes by its source and record, like a reject
  const hex = 'doc_id' in item ? item.doc_id : createHash('sha256').update(`${item.source}\u0000${item.record ?? ''}`).digest('hex');
  return bucket(hex, shard.count) === shard.index - 1;
}
