import { describe, expect, it } from 'vitest';
import { isWorkerCrash, runSurvivingCrashes, type CrashRunners } from '../pipeline/lib/workerCrash.ts';

interface Batch {
  items: string[];
  sections: number;
}
const outOfMemory = () => Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });

/** Workers that die on any batch holding "huge" (ordinary) or "monster" (any size); others echo their items. */
function runners(log: string[]): CrashRunners<Batch, string, string> {
  const echo = (batch: Batch, kind: string) => batch.items.map((item, i) => `${item}${i < batch.sections ? '+section' : ''}@${kind}`);
  return {
    async run(batch) {
      log.push(`run ${batch.items.join(',')}`);
      if (batch.items.includes('huge') || batch.items.includes('monster')) throw outOfMemory();
      return echo(batch, 'worker');
    },
    async runLarge(batch) {
      log.push(`large ${batch.items.join(',')}`);
      if (batch.items.includes('monster')) throw outOfMemory();
      return echo(batch, 'large');
    },
    largeMb: 1024,
    whereIs: (item) => ({ source: `${item}.txt`, record: 7 }),
  };
}

describe('runSurvivingCrashes', () => {
  it('returns the batch as the worker made it when nothing dies', async () => {
    const log: string[] = [];
    expect(await runSurvivingCrashes({ items: ['a', 'b'], sections: 1 }, runners(log))).toEqual(['a+section@worker', 'b@worker']);
    expect(log).toEqual(['run a,b']);
  });

  it('runs the rest of a batch again, one by one, in order, when a document kills its worker; the culprit goes to the large worker', async () => {
    const log: string[] = [];
    const out = await runSurvivingCrashes({ items: ['a', 'huge', 'b'], sections: 2 }, runners(log));
    expect(out).toEqual(['a+section@worker', 'huge+section@large', 'b@worker']);
    expect(log).toEqual(['run a,huge,b', 'run a', 'run huge', 'large huge', 'run b']);
  });

  it('makes a document that kills the large worker too a reject, and keeps every other', async () => {
    const out = await runSurvivingCrashes({ items: ['a', 'monster', 'b'], sections: 0 }, runners([]));
    expect(out).toEqual([
      'a@worker',
      { failed: { source: 'monster.txt', record: 7, reason: 'needs more than 1024 MB to process (the worker ran out of memory)' } },
      'b@worker',
    ]);
  });

  it('does not hide other errors', async () => {
    const broken: CrashRunners<Batch, string, string> = { ...runners([]), run: async () => Promise.reject(new TypeError('x is not a function')) };
    await expect(runSurvivingCrashes({ items: ['a'], sections: 0 }, broken)).rejects.toThrow('x is not a function');
    expect(isWorkerCrash(outOfMemory())).toBe(true);
    expect(isWorkerCrash(new TypeError('x is not a function'))).toBe(false);
  });
});
