import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readPlainText } from '../src/ingest/readPlainText.ts';
import { extractFacts } from '../src/extractFacts.ts';
import type { Document, Fact } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';

/** The project's shared data beside the clone: only `make test-corpus` (tests/corpus) may need it. */
export const SHARED = new URL('../../shared/data/', import.meta.url).pathname;
/** The real articles `make test` uses, copied from ../shared/data/news by tests/fixtures/news/make-fixtures.ts. */
export const NEWS_FIXTURES = new URL('./fixtures/news/', import.meta.url).pathname;
export const DEFAULT_ARTICLE = new URL('../data/iraq-militia-us-coalition.txt', import.meta.url).pathname;
export const ROOT = new URL('..', import.meta.url).pathname;
export const CLI = new URL('../bin/newsfacts.js', import.meta.url).pathname;

/**
 * The `newsfacts` command as a user runs it, from the project directory, `input` on its stdin.
 * `run` and `map` get `--workers 1` unless the test names a count: the output is the same for
 * any count (tests that compare counts name them), and each further worker thread starts the
 * extractor again, about a second of CPU on a 2-core machine running two test files at once.
 */
export const runNewsfacts = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...oneWorker(args)], { cwd: ROOT, encoding: 'utf8', input });

const oneWorker = (args: string[]) => (['run', 'map'].includes(args[0]!) && !args.includes('--workers') ? [...args, '--workers', '1'] : args);

/**
 * runNewsfacts without blocking the test's worker, so that runs can go side by side. A worker
 * blocked in spawnSync cannot answer vitest's RPC, which times out after 60 s: back-to-back
 * runs on a loaded machine got there.
 */
export function newsfacts(args: string[], input?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...oneWorker(args)], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The facts of a piece of text taken as one article body. */
export function factsOf(text: string, published: string | null = null): Fact[] {
  const doc: Document = { doc_id: 'test', source: 'test', title: null, published, text };
  return extractFacts(parseDocument(doc));
}

/** The facts of an article file in the plain-text form (title line, then body). */
export function factsOfFile(path: string): { doc: Document; facts: Fact[] } {
  const doc = readPlainText(path, readFileSync(path, 'utf8')) as Document;
  return { doc, facts: extractFacts(parseDocument(doc)) };
}
