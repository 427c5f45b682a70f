import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFacts } from '../src/extractFacts.ts';
import { matchFacts, sameSpeaker, scoreArticle, totals, type GoldFile } from '../src/evaluate/scoreAgainstGold.ts';
import { readPlainText } from '../src/ingest/readPlainText.ts';
import type { Document } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';
import { SHARED, factsOf } from './helpers.ts';

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

  it('has at least 12 annotated articles whose offsets match the text', () => {
    expect(golds.length).toBeGreaterThanOrEqual(12);
    for (const gold of golds) {
      const doc = readPlainText(gold.source, readFileSync(join(SHARED, gold.source), 'utf8')) as Document;
      const chars = [...doc.text];
      for (const g of gold.facts) expect(chars.slice(g.start, g.end).join(''), `${gold.id}: ${g.mention}`).toBe(g.mention);
    }
  });

  it('keeps extraction at or above the floor the team has reached (see bench/eval.md)', () => {
    const scores = golds.map((gold) => {
      const doc = readPlainText(gold.source, readFileSync(join(SHARED, gold.source), 'utf8')) as Document;
      return scoreArticle(gold, extractFacts(parseDocument({ ...doc, published: gold.published })));
    });
    const t = totals(scores);
    expect(t.precision).toBeGreaterThanOrEqual(0.95);
    expect(t.recall).toBeGreaterThanOrEqual(0.95);
    expect(t.attributeAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(t.attributes.speaker).toBeGreaterThanOrEqual(0.8);
    expect(t.attributes.period_text).toBeGreaterThanOrEqual(0.8);
  });
});
