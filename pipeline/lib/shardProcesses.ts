// `run --workers N` on one machine: N worker processes, each running the built
// CLI on its own --shard K/N of the input (it reads the input itself: no
// document crosses a pipe), then the shards merged into the output, exactly as
// `newsfacts merge` does with shards made on N machines.
import { spawn } from 'node:child_process';
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
 * temporary directories under `outDir` (removed by the next run if this one is
 * killed), and gives them to `merge`. A worker that fails stops the others and
 * the run, with the worker's last line of stderr.
 */
export async function inShardProcesses<T>(outDir: string, workers: number, args: string[], merge: (dirs: string[]) => Promise<T>): Promise<T> {
  const root = tempPathFor(join(outDir, 'shards'));
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const dirs = Array.from({ length: workers }, (_, i) => join(root, String(i + 1)));
  const children = dirs.map((dir, i) =>
    spawn(process.execPath, [`--max-old-space-size=${WORKER_HEAP.oldMb}`, `--max-semi-space-size=${WORKER_HEAP.semiMb}`, CLI_BUNDLE.pathname, 'run', ...args, '--shard', `${i + 1}/${workers}`, '--partial', '--workers', '1', '--quiet', '--out', dir], {
      // the IPC channel only tells the worker when this process is gone (see exitWithParent)
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    }),
  );
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill());
  process.once('exit', stopAll);
  try {
    await Promise.all(
      children.map(
        (child, i) =>
          new Promise<void>((resolve, reject) => {
            let stderr = '';
            child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4096)));
            child.on('error', reject);
            child.on('close', (code, signal) => {
              if (code === 0) return resolve();
              const last = stderr.trim().split('\n').at(-1)?.replace(/^newsfacts: /, '') ?? '';
              reject(new Error(`worker ${i + 1}/${workers} ${signal ? `was killed (${signal})` : `failed (exit ${code})`}${last ? `: ${last}` : ''}`));
            });
          }),
      ),
    );
    return await merge(dirs);
  } finally {
    stopAll();
    process.off('exit', stopAll);
    await rm(root, { recursive: true, force: true });
  }
}

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
