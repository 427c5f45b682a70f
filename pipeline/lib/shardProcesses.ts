// `run --workers N` on one machine: N worker processes, each running the built
// CLI on its own --shard K/N of the input (it reads the input itself: no
// document crosses a pipe), then the shards merged into the output, exactly as
// `newsfacts merge` does with shards made on N machines.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tempPathFor } from './atomicFile.ts';

/** The built command (dist/cli.mjs): beside this file once built; from the sources (tests), the built one. */
export const CLI_BUNDLE = new URL(import.meta.url.includes('/dist/') ? './cli.mjs' : '../../dist/cli.mjs', import.meta.url);

/**
 * A worker process's V8 heap: old generation and semi-space in MB. It holds one
 * document at a time besides the extractor's lexicons and compromise's model
 * (23 MB live after loading); without a cap V8 lets the heap grow to hundreds of
 * MB before collecting. Measured on half the unique news corpus (one shard of
 * two): 160/16 (default semi-space) 154 MB peak RSS; 96/8 142 MB in the same CPU
 * time; 64/4 126 MB but 8% more CPU. 96 MB is also what the extraction threads had.
 */
export const WORKER_HEAP = { oldMb: 96, semiMb: 8 };

/**
 * Runs `newsfacts run ARGS --shard K/N --partial` for K = 1..N at once, into
 * temporary directories under `dir` (OUT/.newsfacts/ of the run, whose lock it holds;
 * removed after the merge, or by the next run if this one is killed), and gives them
 * to `merge`. Each worker extracts on one thread, with the thread pool's crash
 * recovery (a document that exhausts it is retried alone, then on a large worker).
 * A worker process that dies itself (a signal: out of memory, the OOM killer) is
 * started once more on its shard without the heap cap; a worker that fails with an
 * error, or dies twice, stops the others and the run, with one line naming the worker
 * and its last line of stderr. The notices of worker 1 (folders skipped) go to
 * `onNotice`: every worker reads the same inputs and would say the same.
 */
export async function inShardProcesses<T>(dir: string, workers: number, args: string[], merge: (dirs: string[]) => Promise<T>, onNotice?: (message: string) => void): Promise<T> {
  const root = tempPathFor(join(dir, 'shards'));
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const dirs = Array.from({ length: workers }, (_, i) => join(root, String(i + 1)));
  const children = new Set<ChildProcess>();
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill());
  process.once('exit', stopAll);
  /** One attempt at shard K: its exit, and its last line of stderr. */
  const attempt = (k: number, capped: boolean) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; last: string }>((resolve, reject) => {
      const heap = capped ? [`--max-old-space-size=${WORKER_HEAP.oldMb}`, `--max-semi-space-size=${WORKER_HEAP.semiMb}`] : [];
      const child = spawn(process.execPath, [...heap, CLI_BUNDLE.pathname, 'run', ...args, '--shard', `${k}/${workers}`, '--partial', '--workers', '1', '--quiet', '--out', dirs[k - 1]!], {
        // the IPC channel only tells the worker when this process is gone (see exitWithParent)
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      children.add(child);
      let stderr = '';
      let line = '';
      child.stderr!.setEncoding('utf8').on('data', (text: string) => {
        stderr = (stderr + text).slice(-4096);
        if (k !== 1 || !onNotice) return;
        const lines = (line + text).split('\n');
        line = lines.pop()!;
        for (const l of lines) if (l.startsWith(NOTICE)) onNotice(l.slice('newsfacts: '.length));
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        children.delete(child);
        resolve({ code, signal, last: stderr.trim().split('\n').at(-1)?.replace(/^newsfacts: /, '') ?? '' });
      });
    });
  let stopping = false;
  const shard = async (k: number) => {
    let end = await attempt(k, true);
    let died = 'was killed';
    if (end.code !== 0 && end.signal !== null && !stopping) {
      // died rather than failed: once more, on a fresh directory, without the heap cap
      await rm(dirs[k - 1]!, { recursive: true, force: true });
      end = await attempt(k, false);
      died = 'was killed twice, last';
    }
    if (end.code === 0) return;
    const what = end.signal ? `${died} (${end.signal})` : `failed (exit ${end.code})`;
    throw new Error(`worker ${k}/${workers} ${what}${end.last ? `: ${end.last}` : ''}`);
  };
  try {
    await Promise.all(
      dirs.map((_, i) =>
        shard(i + 1).catch((error: unknown) => {
          // one failure ends the run: the others are stopped (their deaths are not retried)
          stopping = true;
          stopAll();
          throw error;
        }),
      ),
    );
    return await merge(dirs);
  } finally {
    stopping = true;
    stopAll();
    process.off('exit', stopAll);
    await rm(root, { recursive: true, force: true });
  }
}

/** How a worker's stderr line starts when it is a notice (see inputs.ts's listInputs), not an error. */
const NOTICE = 'newsfacts: skipping ';

/**
 * In a worker process: exit when the parent is gone (killed, even by SIGKILL, its end of the
 * IPC channel closes), so a killed run leaves no worker extracting into a directory nobody merges.
 */
export function exitWithParent(): void {
  if (!process.channel) return;
  process.channel.unref();
  process.on('disconnect', () => process.exit(1));
  // gone already, while this process was loading
  if (!process.connected) process.exit(1);
}
