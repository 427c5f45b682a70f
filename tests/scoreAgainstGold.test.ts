import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFacts } from '../src/extractFacts.ts';
import { matchFacts, sameSpeaker, scoreArticle, totals, type GoldFile } from '../src/evaluate/scoreAgainstGold.ts';
import type { Document } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';
import { factsOf } from './helpers.ts';

const GOLD = new URL('./gold/', import.meta.url).pathname;

describe('matchFacts', () => {
  it('pairs exact spans first, then overlaps, one to one', () => {
    const predicted = factsOf('It spent more than $2.3 billion and 40 rockets.');
    const gold = [
      { start: 19, end: 31, mention: '$2.3 billion' },
      { start: 36, end: 38, mention: '40' },
      { start: 0, end: 2, mention: 'It' },
    ] as never[];
    const { pairs, unmatchedGold, unmatchedPredicted } = matchFacts(gold, predicted);
    expect(pairs.map((p) => [p.goldIndex, p.predicted.mention, p.exactSpan])).toEqual([
      [0, 'more than $2.3 billion', false],
      [1, '40', true],
    ]);
    expect(unmatchedGold).toEqual([2]);
    expect(unmatchedPredicted).toEqual([]);
  });

  it('compares speakers by containment of normalised names', () => {
    expect(sameSpeaker('Colonel Steve Warren', 'Warren')).toBe(true);
    expect(sameSpeaker('the Office for National Statistics', 'Office for National Statistics')).toBe(true);
    expect(sameSpeaker('Hadi al-Ameri', 'Colonel Steve Warren')).toBe(false);
    expect(sameSpeaker(null, null)).toBe(true);
  });
});

describe('gold articles (tests/gold)', () => {
  const files = readdirSync(GOLD).filter((f) => f.endsWith('.json'));
  const golds = files.map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldFile);
  // The article body the offsets index is the gold file's `text`. Gold files made before
  // that field existed (their `source` a .txt under ../shared/data) wait for it here.
  const withText = golds.flatMap((gold) => ('text' in gold && typeof gold.text === 'string' ? [{ gold, text: gold.text }] : []));

  it('has 33 or more annotated articles whose offsets match the text', () => {
    expect(withText.length).toBeGreaterThanOrEqual(33);
    for (const { gold, text } of withText) {
      const chars = [...text];
      for (const g of gold.facts) expect(chars.slice(g.start, g.end).join(''), `${gold.id}: ${g.mention}`).toBe(g.mention);
    }
  });

  // Floors measured at 52bd6ff on the 33 gold files with their text (precision 0.899, recall 0.970,
  // attribute accuracy 0.816, speaker 0.680, period_text 0.701): the gold set was re-annotated to
  // SPEC.md's twelve categories before the extractor caught up. Raise them as extraction improves.
  it('keeps extraction at or above the floor the team has reached (see bench/eval.md)', () => {
    const scores = withText.map(({ gold, text }) => {
      const doc: Document = { doc_id: gold.id, source: gold.source, title: gold.title ?? null, published: gold.published, text };
      return scoreArticle(gold, extractFacts(parseDocument(doc)));
    });
    const t = totals(scores);
    expect(t.precision).toBeGreaterThanOrEqual(0.89);
    expect(t.recall).toBeGreaterThanOrEqual(0.97);
    expect(t.attributeAccuracy).toBeGreaterThanOrEqual(0.81);
    expect(t.attributes.speaker).toBeGreaterThanOrEqual(0.68);
    expect(t.attributes.period_text).toBeGreaterThanOrEqual(0.7);
  });
});
