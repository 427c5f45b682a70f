import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Document } from '../../src/model.ts';
import type { HtmlPage } from '../../src/ingest/readHtml.ts';
import type { Batch, tasks, TaskName } from './extractWorker.ts';
import { WORKER_BUNDLE } from './workerBundle.ts';

const BATCH_CHARS = 256 * 1024;
const BATCH_DOCS = 256;

export const defaultWorkers = () => Math.max(1, availableParallelism());

export type Output<T extends TaskName> = ReturnType<(typeof tasks)[T]>[number];

export interface ParallelOptions<T extends TaskName> {
  workers: number;
  task: T;
  maxChars: number;
  /**
   * Documents, from the first, that get a section of the HTML report: asked again
   * for each batch, since a shard learns it as it reads (its documents among the
   * first of the whole input).
   */
  reportDocuments: () => number;
}

/**
 * Runs a worker task (extraction and rendering) over a stream of documents on
 * `workers` threads, yielding each document's output in input order, so output
 * bytes do not depend on the worker count. With one worker it runs on this thread.
 */
export async function* extractInParallel<T extends TaskName>(documents: AsyncIterable<Document | HtmlPage>, { workers, task, maxChars, reportDocuments }: ParallelOptions<T>): AsyncGenerator<Output<T>> {
  const bundle = WORKER_BUNDLE.href;
  let submitted = 0;
  const batchOf = (items: (Document | HtmlPage)[]): Batch => {
    const sections = Math.max(0, Math.min(items.length, reportDocuments() - submitted));
    submitted += items.length;
    return { items, maxChars, sections };
  };
  if (workers <= 1) {
    const module = (await import(bundle)) as { tasks: typeof tasks };
    const run = module.tasks[task] as (batch: Batch) => Output<T>[];
    for await (const doc of documents) yield run(batchOf([doc]))[0]!;
    return;
  }
  const pool = new Piscina({
    filename: bundle,
    minThreads: workers,
    maxThreads: workers,
    // A worker holds one batch at a time: a small old generation makes V8 collect instead of growing.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  });
  const inFlight: Promise<Output<T>[]>[] = [];
  const maxInFlight = workers * 2;
  try {
    let batch: (Document | HtmlPage)[] = [];
    let chars = 0;
    const submit = () => {
      inFlight.push(pool.run(batchOf(batch), { name: task }) as Promise<Output<T>[]>);
      batch = [];
      chars = 0;
    };
    async function* drain(all: boolean): AsyncGenerator<Output<T>> {
      while (inFlight.length > (all ? 0 : maxInFlight - 1)) yield* await inFlight.shift()!;
    }
    for await (const doc of documents) {
      batch.push(doc);
      // a page's markup is mostly not text: count a tenth of it
      chars += 'text' in doc ? doc.text.length : doc.html.length / 10;
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
