// What the run does when a worker dies on a document: the worker's heap limit
// (or a crash) ends the worker, not the run. Kept apart from the pool so it
// carries over to worker processes unchanged: all it needs is a way to run a
// batch on an ordinary worker and on a large one.
import type { Failed } from './failed.ts';

/** The slice of a batch this module needs: its items, and how many of them (from the first) get a report section. */
export interface CrashBatch<Item> {
  items: Item[];
  sections: number;
}

export interface CrashRunners<B extends CrashBatch<Item>, Item, Out> {
  /** Runs a batch on an ordinary worker (the pool replaces a worker that died). */
  run(batch: B): Promise<Out[]>;
  /** Runs a batch of one on a worker with a larger heap, `largeMb`. */
  runLarge(batch: B): Promise<Out[]>;
  largeMb: number;
  /** The source and record number of an item, for its reject. */
  whereIs(item: Item): { source: string; record: number | null };
}

/**
 * A worker that ran out of heap (node's ERR_WORKER_OUT_OF_MEMORY) or exited
 * while holding a batch. Anything else (a bug in our code) is not hidden.
 */
export function isWorkerCrash(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' || e.code === 'ERR_WORKER_INIT_FAILED') return true;
  return /worker terminated|reaching memory limit|worker exited|terminated unexpectedly|heap out of memory/i.test(e.message ?? '');
}

/**
 * The batch's outputs, whatever happens to the worker: when it dies, every item
 * of the batch is run again on its own (so no good document beside the culprit
 * is lost, and outputs keep their order); an item that kills a worker alone is
 * tried once more on a large worker, and if that dies too it becomes a reject,
 * "needs more than N MB to process". Outputs are the same as an undisturbed
 * run's, so they do not depend on the worker count.
 */
export async function runSurvivingCrashes<B extends CrashBatch<Item>, Item, Out>(batch: B, runners: CrashRunners<B, Item, Out>): Promise<(Out | Failed)[]> {
  try {
    return await runners.run(batch);
  } catch (error) {
    if (!isWorkerCrash(error)) throw error;
  }
  const out: (Out | Failed)[] = [];
  for (let i = 0; i < batch.items.length; i++) {
    const one = { ...batch, items: [batch.items[i]!], sections: i < batch.sections ? 1 : 0 };
    out.push(...(await runAlone(one, runners, false)));
  }
  return out;
}

/** One item alone: on an ordinary worker (unless `large`), then on a large one, then a reject. */
export async function runAlone<B extends CrashBatch<Item>, Item, Out>(one: B, runners: CrashRunners<B, Item, Out>, large: boolean): Promise<(Out | Failed)[]> {
  if (!large) {
    try {
      return await runners.run(one);
    } catch (error) {
      if (!isWorkerCrash(error)) throw error;
    }
  }
  try {
    return await runners.runLarge(one);
  } catch (error) {
    if (!isWorkerCrash(error)) throw error;
    const { source, record } = runners.whereIs(one.items[0]!);
    return [{ failed: { source, record, reason: `needs more than ${runners.largeMb} MB to process (the worker ran out of memory)` } }];
  }
}
