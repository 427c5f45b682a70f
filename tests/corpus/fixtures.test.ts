// The copies `make test` relies on still say what the corpora in ../shared/data say.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readPlainText } from '../../src/ingest/readPlainText.ts';
import type { Document } from '../../src/model.ts';
import { NEWS_FIXTURES, SHARED } from '../helpers.ts';
import { SAMPLES, fixtureLines } from '../fixtures/news/make-fixtures.ts';

const GOLD = new URL('../gold/', import.meta.url).pathname;

describe('tests/fixtures/news', () => {
  it('holds the corpus records make-fixtures.ts picks, verbatim and in corpus order', () => {
    const { bbc, reuters } = fixtureLines();
    expect(readFileSync(join(NEWS_FIXTURES, 'bbc.jsonl'), 'utf8')).toBe(bbc.join('\n') + '\n');
    expect(readFileSync(join(NEWS_FIXTURES, 'reuters.jsonl'), 'utf8')).toBe(reuters.join('\n') + '\n');
    expect([bbc.length, reuters.length]).toEqual([28, 67]);
  });

  it('holds the sample articles byte for byte', () => {
    expect(readdirSync(join(NEWS_FIXTURES, 'sample')).sort()).toEqual(SAMPLES.map((id) => `${id}.txt`).sort());
    for (const id of SAMPLES)
      expect(readFileSync(join(NEWS_FIXTURES, `sample/${id}.txt`)).equals(readFileSync(join(SHARED, `news/sample/${id}.txt`))), id).toBe(true);
  });
});

/** The records of a JSON Lines corpus under ../shared/data, by id. */
const corpora = new Map<string, Map<string, { text: string }>>();
function record(path: string, id: string): { text: string } | undefined {
  if (!corpora.has(path)) {
    const raw = readFileSync(join(SHARED, path));
    const lines = (path.endsWith('.gz') ? gunzipSync(raw) : raw)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    corpora.set(path, new Map(lines.map((l) => JSON.parse(l) as { id: string; text: string }).map((r) => [r.id, r])));
  }
  return corpora.get(path)!.get(id);
}

describe('tests/gold', () => {
  const golds = readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as { id: string; source: string; text?: string });

  // A gold file's own text is what `make test` scores against: it must be its source's body.
  it('carries the text of its source, where it carries one', () => {
    const differ: string[] = [];
    for (const gold of golds.filter((g) => g.text !== undefined)) {
      const [path, id] = gold.source.split('#') as [string, string | undefined];
      const text = id === undefined ? (readPlainText(path, readFileSync(join(SHARED, path), 'utf8')) as Document).text : record(path, id)?.text;
      if (text !== gold.text) differ.push(gold.id);
    }
    expect(differ).toEqual([]);
  });
});
