// The real corpora in ../shared/data/news as documents (duplicates dropped), for benchmarks and scans.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Document } from '../src/model.ts';
import { documentId } from '../src/text/ids.ts';
import { publishedDate } from '../src/ingest/publishedDate.ts';

const NEWS = new URL('../../shared/data/news/', import.meta.url).pathname;
export const CORPUS_FILES = ['reuters21578/articles.jsonl.gz', 'bbc/articles.jsonl'].map((f) => NEWS + f);

export function corpusAvailable(): boolean {
  return CORPUS_FILES.every((f) => existsSync(f));
}

/** Every non-duplicate article of the Reuters-21578 and BBC corpora. */
export async function* corpusDocuments(): AsyncGenerator<Document> {
  for (const file of CORPUS_FILES) {
    const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; title: string | null; published: string | null; text: string; duplicate_of: string | null };
      if (r.duplicate_of || !r.text?.trim()) continue;
      yield { doc_id: documentId(r.id, r.text), source: r.id, title: r.title, published: publishedDate(r.published), text: r.text };
    }
  }
}
