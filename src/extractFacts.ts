// The extraction pipeline for one parsed document: an ordered list of steps.
// Extractors find spans in a sentence; refiners take the list and return a new one.
import { categorise } from './enrich/categorise.ts';
import { attributeSpeakers } from './enrich/attributeSpeakers.ts';
import { findObject, findObjectBefore, type CountedObject } from './enrich/findObject.ts';
import { findPeriods, type Period } from './enrich/findPeriods.ts';
import { linkFacts } from './enrich/linkFacts.ts';
import { carryUnit } from './extract/carryUnit.ts';
import { resolveCurrencyByCountry } from './extract/resolveCurrencyByCountry.ts';
import { findQuantities, type QuantityMatch } from './extract/findQuantities.ts';
import { dropNotFacts } from './extract/notFacts.ts';
import { resolveValue } from './extract/resolveValue.ts';
import { tokenize, type Token } from './extract/tokenize.ts';
import { factId } from './ingest/documentId.ts';
import type { Fact, ParsedDocument } from './model.ts';
import { codePointIndex } from './text/codePoints.ts';

type SentenceRefiner = (matches: QuantityMatch[], tokens: Token[]) => QuantityMatch[];

const sentenceRefiners: SentenceRefiner[] = [
  dropNotFacts, // before anything reads a value: "AT-4" and "March 17, 2014" never become figures
];

export interface SentenceQuantities {
  tokens: Token[];
  matches: QuantityMatch[];
}

/** Quantities of every sentence, in document order, after the refiners. */
export function findDocumentQuantities(doc: ParsedDocument): { sentence: ParsedDocument['sentences'][number]; found: SentenceQuantities }[] {
  const index = codePointIndex(doc.text);
  const perSentence = doc.sentences.map((sentence) => {
    const start = index.toUtf16(sentence.start);
    const end = index.toUtf16(sentence.end);
    const tokens = tokenize(doc.text.slice(start, end), start);
    const matches = sentenceRefiners.reduce((ms, refine) => refine(ms, tokens), findQuantities(tokens));
    return { sentence, found: { tokens, matches } };
  });
  // Document refiners: they need the sentences before ("Turnover 3.14 billion stg vs 2.65 billion").
  const found = perSentence.map((s) => s.found);
  resolveCurrencyByCountry(found, doc.text);
  carryUnit(found);
  return perSentence;
}

// A measure names what it measures after "of" ("155 square kilometers of territory") or as a
// hyphenated modifier ("a 100-kg bomb"); "some 230 km north" measures nothing named.
function objectAfter(tokens: Token[], match: QuantityMatch, type: Fact['quantity_type']): CountedObject | null {
  if (type === 'measure' && tokens[match.end]?.lower !== 'of') {
    const hyphenated = tokens.slice(match.coreStart, match.end).some((t) => t.text === '-' && !t.spaced);
    if (!hyphenated) return null;
  }
  return findObject(tokens, match.end);
}

// "Exports were down 6.3 pct at 7.45 billion dlrs": a figure right after another shares its label.
const objectMemo = new WeakMap<QuantityMatch, CountedObject | null>();
function sameObjectAsPrevious(matches: QuantityMatch[], match: QuantityMatch): CountedObject | null {
  const previous = matches[matches.indexOf(match) - 1];
  if (!previous || match.start - previous.end > 3) return null;
  // a label, not a counted thing: "10 km" does not measure the "three divisions" counted before it
  if (previous.currency === null && previous.unit === null) return null;
  return objectMemo.get(previous) ?? null;
}

/**
 * The period that scopes a figure: the nearest one in the same clause with no
 * other figure between them (after it on a tie), else one that opens the
 * sentence ("Throughout 2004, ..."). A date elsewhere in the sentence is not it.
 */
function scopingPeriod(periods: Period[], figure: { start: number; end: number }, figures: { start: number; end: number }[], text: string, sentenceStart: number): Period | null {
  let best: Period | null = null;
  let bestDistance = Infinity;
  for (const p of periods) {
    if (p.start < figure.end && figure.start < p.end) continue;
    const [from, to] = p.start >= figure.end ? [figure.end, p.start] : [p.end, figure.start];
    // "18 warships, including the aircraft carrier Kitty Hawk, into the Arabian Sea in the past month":
    // an inserted "including ..." phrase; "exploded ... last night, injuring about 30 people": a
    // participle clause hanging on the one the period scopes.
    const inside = figures.filter((f) => f !== figure && f.start >= from && f.end <= to);
    // the figures in between are judged below, not their thousands separators
    let stretch = text.slice(from - sentenceStart, to - sentenceStart);
    for (const f of inside) stretch = stretch.slice(0, f.start - from) + ' '.repeat(f.end - f.start) + stretch.slice(f.end - from);
    const between = stretch
      .replace(/,\s+(?:including|includes|excluding|among them)\b[^,;:()]*,/g, ' ')
      .replace(p.start >= figure.end ? /^$/ : /^[^,;:()]*,\s+(?:killing|injuring|wounding|leaving|bringing|taking|pushing|raising|lifting|cutting)\b/, ' ');
    if (/[,;:()–—]|\s-{1,2}\s/.test(between)) continue;
    // "rose 32,000 to 1.41 million in the last three months", "three destroyers and two frigates now in the Gulf":
    // a figure chained to the next by "to" or "and" shares its period; "4.29 billion from 4.11 billion in 1985" does not.
    const chained = p.start >= figure.end && inside.length > 0 && /^\s*(?:[\p{L}.\-]+\s+){0,4}?(?:to|and)\s+$/u.test(text.slice(figure.end - sentenceStart, inside[0]!.start - sentenceStart));
    if (inside.length > 0 && !chained) continue;
    const distance = to - from + (p.start >= figure.end ? 0 : 0.5);
    if (distance < bestDistance) {
      best = p;
      bestDistance = distance;
    }
  }
  // "Throughout 2004, ...", "In other action today, the committee approved ...": a period in the
  // opening phrase of the sentence scopes all of it.
  const opening = /^(?:(?:in|on|at|during|over|for|throughout|since|after|before|by|earlier|later|meanwhile|also)\b[^,;:()]*)?,/i.exec(text);
  const openingEnd = sentenceStart + (opening ? opening[0].length : 1);
  return best ?? periods.find((p) => p.start - sentenceStart <= 1 || (p.end <= openingEnd && !figures.some((f) => f.start < openingEnd))) ?? null;
}

/** Every fact of a document, in text order, with its object, category, speaker, period and links. */
export function extractFacts(doc: ParsedDocument): Fact[] {
  const index = codePointIndex(doc.text);
  const facts: Fact[] = [];
  const sentenceTexts = doc.sentences.map((s) => doc.text.slice(index.toUtf16(s.start), index.toUtf16(s.end)));
  const speakers = attributeSpeakers(doc.sentences.map((s, i) => ({ paragraph: s.paragraph, text: sentenceTexts[i]! })));
  for (const { sentence, found } of findDocumentQuantities(doc)) {
    const { tokens } = found;
    const sentenceText = sentenceTexts[sentence.index]!;
    const periods = found.matches.length > 0 ? findPeriods(sentenceText, index.toUtf16(sentence.start), doc.published) : [];
    for (const match of found.matches) {
      const startTok = tokens[match.start]!;
      const endTok = tokens[match.end - 1]!;
      const start = index.toCodePoint(startTok.start);
      const end = index.toCodePoint(endTok.end);
      const resolved = resolveValue(match);
      // Money, percents and measures are often labelled before the figure ("Pretax profit 182.2 mln").
      const object =
        objectAfter(tokens, match, resolved.quantity_type) ??
        (resolved.quantity_type === 'count' ? null : findObjectBefore(tokens, match.start) ?? sameObjectAsPrevious(found.matches, match));
      objectMemo.set(match, object);
      const figures = found.matches.map((m) => ({ start: tokens[m.start]!.start, end: tokens[m.end - 1]!.end }));
      const period = scopingPeriod(periods, figures[found.matches.indexOf(match)]!, figures, sentenceText, index.toUtf16(sentence.start));
      facts.push({
        fact_id: factId(doc.doc_id, start, end),
        doc_id: doc.doc_id,
        paragraph: sentence.paragraph,
        sentence: sentence.index,
        start,
        end,
        mention: doc.text.slice(startTok.start, endTok.end),
        ...resolved,
        object: object ? doc.text.slice(object.start, object.end) : null,
        object_head: object?.head ?? null,
        category: categorise(resolved.quantity_type, resolved.unit, object, tokens, match.start, match.end),
        ...speakers[sentence.index]!,
        period_text: period?.text ?? null,
        period_start: period?.period_start ?? null,
        period_end: period?.period_end ?? null,
        part_of: null,
        repeat_of: null,
        sentence_text: sentenceText,
        rule: match.rule,
      });
    }
  }
  // "over the past year allocated more than $2.3 billion -- $1.6 billion of which ...": a part with no
  // period of its own covers the period of its total in the same sentence.
  const linked = linkFacts(facts, doc.text);
  const byId = new Map(linked.map((f) => [f.fact_id, f]));
  return linked.map((f) => {
    const total = f.part_of === null ? undefined : byId.get(f.part_of);
    if (!total || f.period_text !== null || total.sentence !== f.sentence || total.period_text === null) return f;
    return { ...f, period_text: total.period_text, period_start: total.period_start, period_end: total.period_end };
  });
}
