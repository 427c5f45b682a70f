import type { Fact } from '../model.ts';

/** One hand-annotated fact of a gold file (tests/gold/README.md). Links are indexes into the file's facts. */
export interface GoldFact {
  mention: string;
  start: number;
  end: number;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  quantity_type: string;
  unit: string | null;
  object: string | null;
  object_head: string | null;
  category: string;
  speaker: string | null;
  period_text: string | null;
  period_start: string | null;
  period_end: string | null;
  part_of: number | null;
  repeat_of: number | null;
  predicate?: string | null;
  aspect?: string;
  direction?: string | null;
  status?: string;
  doubtful?: boolean;
  note?: string;
}

export interface GoldFile {
  id: string;
  source: string;
  published: string | null;
  title?: string | null;
  /** The article body the offsets index, kept in the gold file so that scoring needs nothing outside the repo. */
  text: string;
  facts: GoldFact[];
}

export const ATTRIBUTES = ['value', 'low', 'high', 'qualifier', 'quantity_type', 'unit', 'object_head', 'category'] as const;
export const CONTEXT_ATTRIBUTES = ['speaker', 'period_text', 'period_dates', 'predicate', 'aspect', 'direction', 'status', 'links'] as const;
type Attribute = (typeof ATTRIBUTES)[number] | (typeof CONTEXT_ATTRIBUTES)[number];

export interface Pair {
  gold: GoldFact;
  goldIndex: number;
  predicted: Fact;
  exactSpan: boolean;
}

export interface ArticleScore {
  id: string;
  truePositives: number;
  falsePositives: Fact[];
  falseNegatives: GoldFact[];
  /** Doubtful gold facts that were not found: neither counted as missed nor as found. */
  doubtfulMissed: number;
  pairs: Pair[];
  attributeHits: Record<Attribute, number>;
  attributeErrors: { attribute: Attribute; gold: GoldFact; predicted: Fact; expected: unknown; got: unknown }[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** One-to-one matching of predicted to gold facts by span overlap, exact spans first, then largest overlap. */
export function matchFacts(gold: GoldFact[], predicted: Fact[]): { pairs: Pair[]; unmatchedGold: number[]; unmatchedPredicted: number[] } {
  const candidates: { g: number; p: number; score: number }[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const o = overlap(g, p);
      if (o > 0) candidates.push({ g: gi, p: pi, score: (g.start === p.start && g.end === p.end ? 1e6 : 0) + o });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.g) || usedPredicted.has(c.p)) continue;
    usedGold.add(c.g);
    usedPredicted.add(c.p);
    const g = gold[c.g]!;
    const p = predicted[c.p]!;
    pairs.push({ gold: g, goldIndex: c.g, predicted: p, exactSpan: g.start === p.start && g.end === p.end });
  }
  pairs.sort((a, b) => a.goldIndex - b.goldIndex);
  return {
    pairs,
    unmatchedGold: gold.map((_, i) => i).filter((i) => !usedGold.has(i)),
    unmatchedPredicted: predicted.map((_, i) => i).filter((i) => !usedPredicted.has(i)),
  };
}

const sameNumber = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

const normalName = (s: string | null) =>
  s === null ? null : s.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/[^\p{L}\p{N} ]/gu, '').replace(/\s+/g, ' ').trim();

/** Speakers agree when one normalised name contains the other ("Warren" in "Colonel Steve Warren"). */
export function sameSpeaker(gold: string | null, got: string | null): boolean {
  const a = normalName(gold);
  const b = normalName(got);
  if (a === null || b === null || a === '' || b === '') return (a ?? '') === (b ?? '');
  return a.includes(b) || b.includes(a);
}

/** Scores one article's predicted facts against its gold. */
export function scoreArticle(goldFile: GoldFile, predicted: Fact[]): ArticleScore {
  const { pairs, unmatchedGold, unmatchedPredicted } = matchFacts(goldFile.facts, predicted);
  const hits = Object.fromEntries([...ATTRIBUTES, ...CONTEXT_ATTRIBUTES].map((a) => [a, 0])) as Record<Attribute, number>;
  const errors: ArticleScore['attributeErrors'] = [];
  const factIdOfGold = new Map(pairs.map((p) => [p.goldIndex, p.predicted.fact_id]));
  const check = (attribute: Attribute, pair: Pair, ok: boolean, expected: unknown, got: unknown) => {
    if (ok) hits[attribute]++;
    else errors.push({ attribute, gold: pair.gold, predicted: pair.predicted, expected, got });
  };
  for (const pair of pairs) {
    const { gold: g, predicted: p } = pair;
    check('value', pair, sameNumber(g.value, p.value), g.value, p.value);
    check('low', pair, sameNumber(g.low, p.low), g.low, p.low);
    check('high', pair, sameNumber(g.high, p.high), g.high, p.high);
    check('qualifier', pair, g.qualifier === p.qualifier, g.qualifier, p.qualifier);
    check('quantity_type', pair, g.quantity_type === p.quantity_type, g.quantity_type, p.quantity_type);
    check('unit', pair, (g.unit ?? null) === (p.unit ?? null), g.unit, p.unit);
    check('object_head', pair, (g.object_head ?? null) === (p.object_head ?? null), g.object_head, p.object_head);
    check('category', pair, g.category === p.category, g.category, p.category);
    check('speaker', pair, sameSpeaker(g.speaker, p.speaker), g.speaker, p.speaker);
    check('period_text', pair, normalName(g.period_text) === normalName(p.period_text), g.period_text, p.period_text);
    check(
      'period_dates',
      pair,
      (g.period_start ?? null) === (p.period_start ?? null) && (g.period_end ?? null) === (p.period_end ?? null),
      `${g.period_start}..${g.period_end}`,
      `${p.period_start}..${p.period_end}`,
    );
    check('predicate', pair, (g.predicate ?? null) === p.predicate, g.predicate ?? null, p.predicate);
    check('aspect', pair, (g.aspect ?? 'level') === p.aspect, g.aspect ?? 'level', p.aspect);
    check('direction', pair, (g.direction ?? null) === p.direction, g.direction ?? null, p.direction);
    check('status', pair, (g.status ?? 'actual') === p.status, g.status ?? 'actual', p.status);
    const expectedPartOf = g.part_of === null ? null : factIdOfGold.get(g.part_of) ?? 'unmatched';
    const expectedRepeatOf = g.repeat_of === null ? null : factIdOfGold.get(g.repeat_of) ?? 'unmatched';
    check(
      'links',
      pair,
      expectedPartOf === p.part_of && expectedRepeatOf === p.repeat_of,
      `part_of=${expectedPartOf} repeat_of=${expectedRepeatOf}`,
      `part_of=${p.part_of} repeat_of=${p.repeat_of}`,
    );
  }
  const missed = unmatchedGold.map((i) => goldFile.facts[i]!);
  return {
    id: goldFile.id,
    truePositives: pairs.length,
    falsePositives: unmatchedPredicted.map((i) => predicted[i]!),
    falseNegatives: missed.filter((g) => !g.doubtful),
    doubtfulMissed: missed.filter((g) => g.doubtful).length,
    pairs,
    attributeHits: hits,
    attributeErrors: errors,
  };
}

export interface Totals {
  precision: number;
  recall: number;
  f1: number;
  exactSpan: number;
  attributes: Record<Attribute, number>;
  /** Mean of the extraction attributes (value .. category). */
  attributeAccuracy: number;
}

export function totals(scores: ArticleScore[]): Totals {
  const tp = scores.reduce((n, s) => n + s.truePositives, 0);
  const fp = scores.reduce((n, s) => n + s.falsePositives.length, 0);
  const fn = scores.reduce((n, s) => n + s.falseNegatives.length, 0);
  const exact = scores.reduce((n, s) => n + s.pairs.filter((p) => p.exactSpan).length, 0);
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const attributes = Object.fromEntries(
    [...ATTRIBUTES, ...CONTEXT_ATTRIBUTES].map((a) => [a, tp === 0 ? 0 : scores.reduce((n, s) => n + s.attributeHits[a], 0) / tp]),
  ) as Record<Attribute, number>;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    exactSpan: tp === 0 ? 0 : exact / tp,
    attributes,
    attributeAccuracy: ATTRIBUTES.reduce((n, a) => n + attributes[a], 0) / ATTRIBUTES.length,
  };
}

/** Gold links (part_of, repeat_of) and how many the extractor drew to the same figures. */
export interface LinkScore {
  gold: number;
  predicted: number;
  right: number;
}

/**
 * Links are judged on matched figures only: a gold link is right when the
 * extractor links the same figure, with the same kind of link, to the figure
 * matched to the gold target. Doubtful gold facts are left out.
 */
export function scoreLinks(goldFile: GoldFile, score: ArticleScore): LinkScore {
  const factIdOfGold = new Map(score.pairs.map((p) => [p.goldIndex, p.predicted.fact_id]));
  const judged = score.pairs.filter((p) => !p.gold.doubtful);
  let gold = 0;
  let predicted = 0;
  let right = 0;
  for (const { gold: g, predicted: p } of judged) {
    for (const kind of ['part_of', 'repeat_of'] as const) {
      const target = g[kind];
      if (target !== null && !goldFile.facts[target]?.doubtful) gold++;
      if (p[kind] !== null) predicted++;
      if (target !== null && p[kind] !== null && factIdOfGold.get(target) === p[kind]) right++;
    }
  }
  return { gold, predicted, right };
}

const figureKey = (f: { category: string; value: number | null; low: number | null; high: number | null; unit: string | null }) =>
  `${f.category}|${f.value}|${f.low}|${f.high}|${f.unit ?? ''}`;

/**
 * The analyst's sum: per category, the distinct figures (no repeat_of, no part_of, status
 * actual) of the extractor against the gold's, matched by category, value, bounds and unit.
 * Predicted figures that match a doubtful gold fact are left out of both sides.
 */
export function scoreDistinctFigures(goldFile: GoldFile, predicted: Fact[], score: ArticleScore): { gold: number; predicted: number; right: number } {
  const doubtfulIds = new Set(score.pairs.filter((p) => p.gold.doubtful).map((p) => p.predicted.fact_id));
  const distinct = <T extends { repeat_of: unknown; part_of: unknown; status?: string }>(f: T) =>
    f.repeat_of === null && f.part_of === null && (f.status ?? 'actual') === 'actual';
  const goldKeys = goldFile.facts.filter((g) => !g.doubtful && distinct(g)).map(figureKey);
  const predictedKeys = predicted
    .filter((p) => !doubtfulIds.has(p.fact_id) && distinct(p))
    .map(figureKey);
  const remaining = new Map<string, number>();
  for (const k of goldKeys) remaining.set(k, (remaining.get(k) ?? 0) + 1);
  let right = 0;
  for (const k of predictedKeys) {
    const n = remaining.get(k) ?? 0;
    if (n > 0) {
      right++;
      remaining.set(k, n - 1);
    }
  }
  return { gold: goldKeys.length, predicted: predictedKeys.length, right };
}
