// One `newsfacts` run measured: wall clock and CPU time from /usr/bin/time, and the peak
// resident set of its whole process tree (the parent and its worker processes), sampled.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** Resident set (kB) of a process and every descendant, from /proc. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'))![1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const walk = (pid: number) => {
    try {
      total += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return total;
}

/** `newsfacts ARGS` under /usr/bin/time, its process tree's resident set sampled meanwhile. */
export async function measure(args: string[]): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number; peakProcessRssMb: number; stderr: string }> {
  const child = spawn('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'bin/newsfacts.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid!))), 50);
  const [status] = (await once(child, 'close')) as [number | null];
  clearInterval(sampler);
  if (status !== 0) throw new Error(`newsfacts ${args.join(' ')} failed (status ${status}): ${stderr.split('\n').slice(0, 3).join(' ')}`);
  const field = (name: string) => stderr.split('\n').find((line) => line.trim().startsWith(`${name}: `))!.trim().slice(name.length + 2);
  const wall = /(?:(\d+):)?(\d+):([\d.]+)/.exec(field('Elapsed (wall clock) time (h:mm:ss or m:ss)'))!;
  return {
    seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    cpuSeconds: Number(field('User time (seconds)')) + Number(field('System time (seconds)')),
    // the time process's own few MB are counted in the tree too
    peakRssMb: peakKb / 1024,
    peakProcessRssMb: Number(field('Maximum resident set size (kbytes)')) / 1024,
    stderr,
  };
}

