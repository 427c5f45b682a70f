import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Document, Reject } from '../../src/model.ts';
import type { HtmlPage } from '../../src/ingest/readHtml.ts';
import type { Batch, tasks, TaskName } from './extractWorker.ts';
import { runAlone, runSurvivingCrashes, type CrashRunners } from './workerCrash.ts';
import { WORKER_BUNDLE } from './workerBundle.ts';

const BATCH_CHARS = 256 * 1024;
/** Items a batch holds at most (documents, and the rejects passed through between them). */
const BATCH_ITEMS = 256;
/** A worker's heap: it holds one batch at a time, and a small old generation makes V8 collect instead of growing. */
export const WORKER_HEAP_MB = 96;
/**
 * A worker's young generation: two semi-spaces of 16 MB, V8's default for a main thread. With
 * 8 MB a worker on the unique news scavenged 1,300 times (350 now) and promoted its batches'
 * outputs into 41 full collections (19 now), 1.5-2 s more CPU in a 22 s run; the run's peak
 * RSS is the same either way (it comes in the DuckDB steps, after the workers).
 */
const WORKER_YOUNG_MB = 32;
/** The heap of the one worker that takes documents too large for an ordinary one (a 2,000,000-character text needs ~350 MB). */
export const LARGE_WORKER_HEAP_MB = 1024;
/** Documents this long (HTML pages ten times this) go straight to the large worker, rather than first exhausting an ordinary one. */
const LARGE_CHARS = 200_000;

export const defaultWorkers = () => Math.max(1, availableParallelism());

export type Output<T extends TaskName> = ReturnType<(typeof tasks)[T]>[number];

/** A reject found while reading, carried through in its place among the outputs. */
export interface PassedReject {
  passed: Reject;
}
export const isPassedReject = (x: object): x is PassedReject => 'passed' in x;

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
  /** Heap limits of the ordinary and the large worker (default WORKER_HEAP_MB, LARGE_WORKER_HEAP_MB; tests lower them). */
  heapMb?: { worker: number; large: number };
}

type Item = Document | HtmlPage;
const charsOf = (item: Item) => ('text' in item ? item.text.length : item.html.length / 10);

/**
 * Runs a worker task (extraction and rendering) over a stream of documents on
 * `workers` threads, yielding each document's output in input order, so output
 * bytes do not depend on the worker count. Rejects in the stream come out in
 * their place, without waiting for more than the batches already in flight.
 * Even one worker is a thread: a document that exhausts or crashes it becomes a
 * reject (see workerCrash.ts), not the end of the run.
 */
export async function* extractInParallel<T extends TaskName, P extends PassedReject = PassedReject>(
  stream: AsyncIterable<Item | P>,
  { workers, task, maxChars, reportDocuments, heapMb = { worker: WORKER_HEAP_MB, large: LARGE_WORKER_HEAP_MB } }: ParallelOptions<T>,
): AsyncGenerator<Output<T> | P> {
  const pool = new Piscina({
    filename: WORKER_BUNDLE.href,
    minThreads: workers,
    maxThreads: workers,
    resourceLimits: { maxOldGenerationSizeMb: heapMb.worker, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  // a worker that dies between tasks is replaced by piscina; the error it reports then belongs to no task
  pool.on('error', () => {});
  let large: Piscina | null = null;
  const runners: CrashRunners<Batch, Item, Output<T>> = {
    run: (batch) => pool.run(batch, { name: task }) as Promise<Output<T>[]>,
    runLarge(batch) {
      // one at a time, started only when needed, and ended when idle
      if (!large) {
        large = new Piscina({ filename: WORKER_BUNDLE.href, minThreads: 0, maxThreads: 1, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: heapMb.large } });
        large.on('error', () => {});
      }
      return large.run(batch, { name: task }) as Promise<Output<T>[]>;
    },
    largeMb: heapMb.large,
    whereIs: (item) => ({ source: item.source, record: 'record' in item ? item.record : null }),
  };
  let submitted = 0;
  const batchOf = (items: Item[]): Batch => {
    const sections = Math.max(0, Math.min(items.length, reportDocuments() - submitted));
    submitted += items.length;
    return { items, maxChars, sections };
  };
  /** Outputs of a batch with its passed-through rejects put back in their places. */
  const run = async (slots: (Item | P)[], alone: boolean): Promise<(Output<T> | P)[]> => {
    const items = slots.filter((s): s is Item => !isPassedReject(s));
    if (items.length === 0) return slots as P[];
    const batch = batchOf(items);
    const outputs = alone ? await runAlone(batch, runners, true) : await runSurvivingCrashes(batch, runners);
    let k = 0;
    return slots.map((s) => (isPassedReject(s) ? s : (outputs[k++] as Output<T>)));
  };
  const inFlight: Promise<(Output<T> | P)[]>[] = [];
  const maxInFlight = workers * 2;
  try {
    let batch: (Item | P)[] = [];
    let chars = 0;
    const submit = (alone = false) => {
      const slots = batch;
      const done = run(slots, alone);
      done.catch(() => {}); // awaited in order below; this only keeps a later failure from going unhandled meanwhile
      inFlight.push(done);
      batch = [];
      chars = 0;
    };
    async function* drain(all: boolean): AsyncGenerator<Output<T> | P> {
      while (inFlight.length > (all ? 0 : maxInFlight - 1)) yield* await inFlight.shift()!;
    }
    for await (const item of stream) {
      if (isPassedReject(item)) {
        // nothing before it still running: it goes out at once, so rejects never pile up in memory
        if (batch.length === 0 && inFlight.length === 0) yield item;
        else batch.push(item);
      } else if (charsOf(item) >= LARGE_CHARS) {
        if (batch.length > 0) submit();
        batch.push(item);
        submit(true);
      } else {
        batch.push(item);
        chars += charsOf(item);
      }
      if (chars >= BATCH_CHARS || batch.length >= BATCH_ITEMS || inFlight.length >= maxInFlight) {
        if (batch.length > 0) submit();
        yield* drain(false);
      }
    }
    if (batch.length > 0) submit();
    yield* drain(true);
  } finally {
    await pool.destroy();
    await (large as Piscina | null)?.destroy();
  }
}
