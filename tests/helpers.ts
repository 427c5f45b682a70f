import { spawnSync } from 'node:child_process';
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
export const runNewsfacts = (args: string[], input?: string) => {
  const workers = ['run', 'map'].includes(args[0]!) && !args.includes('--workers') ? ['--workers', '1'] : [];
  return spawnSync(process.execPath, [CLI, ...args, ...workers], { cwd: ROOT, encoding: 'utf8', input });
};

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
