// Where the peers' suites, the scope file and the report live, and how their JSON is read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
export const PEERS = join(ROOT, '../shared/data/peers');
export const SCOPE_FILE = join(ROOT, 'bench/peers-scope.json');
export const REPORT_FILE = join(ROOT, 'bench/peers.md');

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as T;
}
