import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Document, Fact } from '../../src/model.ts';
import extractBatch from './extractWorker.ts';

const BATCH_CHARS = 256 * 1024;
const BATCH_DOCS = 256;

export const defaultWorkers = () => Math.max(1, availableParallelism());

/**
 * Extracts facts from a stream of documents on `workers` threads, yielding
 * each document with its facts in input order, so output bytes do not depend
 * on the worker count. With one worker the extraction runs on this thread.
 */
export async function* extractInParallel(documents: AsyncIterable<Document>, workers: number): AsyncGenerator<[Document, Fact[]]> {
  if (workers <= 1) {
    for await (const doc of documents) yield [doc, extractBatch([doc])[0]!];
    return;
  }
  const pool = new Piscina({
    // The entry registers tsx, so the worker loads TypeScript like the main thread.
    filename: new URL('./extractWorker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  const inFlight: { batch: Document[]; facts: Promise<Fact[][]> }[] = [];
  const maxInFlight = workers * 3;
  try {
    let batch: Document[] = [];
    let chars = 0;
    const submit = () => {
      inFlight.push({ batch, facts: pool.run(batch) as Promise<Fact[][]> });
      batch = [];
      chars = 0;
    };
    async function* drain(all: boolean): AsyncGenerator<[Document, Fact[]]> {
      while (inFlight.length > (all ? 0 : maxInFlight - 1)) {
        const next = inFlight.shift()!;
        const facts = await next.facts;
        for (let i = 0; i < next.batch.length; i++) yield [next.batch[i]!, facts[i]!];
      }
    }
    for await (const doc of documents) {
      batch.push(doc);
      chars += doc.text.length;
      if (chars >= BATCH_CHARS || batch.length >= BATCH_DOCS) {
        submit();
        yield* drain(false);
      }
    }
    if (batch.length > 0) submit();
    yield* drain(true);
  } finally {
    await pool.destroy();
  }
}
