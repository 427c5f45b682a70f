// The extraction pipeline for one parsed document, as ordered lists of named
// steps. Extractors find spans in a sentence; refiners take a list and return a
// new one; finders and enrichers give each figure what the analyst reads of it.
import { attributeSpeakers } from './enrich/attributeSpeakers.ts';
import { carryUnit } from './enrich/carryUnit.ts';
import { categorise } from './enrich/categorise.ts';
import { findAspect } from './enrich/findAspect.ts';
import { findPeriods } from './enrich/findPeriods.ts';
import { findPredicate } from './enrich/findPredicate.ts';
import { findStatus } from './enrich/findStatus.ts';
import { factsById, linkFacts } from './enrich/linkFacts.ts';
import {
  countedInContext,
  labelBeforeFigure,
  moneyPurpose,
  nounBeforeOf,
  objectAfter,
  objectAfterFigure,
  resultsLineLabel,
  sameKindEarlier,
  sameObjectAsPrevious,
  tollBefore,
  type Figure,
  type Labelled,
  type ObjectFinder,
} from './enrich/objectOfFigure.ts';
import { resultsTablePeriod } from './enrich/resultsTablePeriod.ts';
import { scopingPeriod } from './enrich/scopingPeriod.ts';
import { shareRestatedContext } from './enrich/shareRestatedContext.ts';
import { subjectOfClause } from './enrich/subjectOfClause.ts';
import { findQuantities, type Extractor } from './extract/findQuantities.ts';
import { mayHoldQuantity } from './extract/mayHoldQuantity.ts';
import { dropNotFacts } from './extract/notFacts.ts';
import { joinBounds } from './extract/qualifiers.ts';
import { rangeAt, singleOrRangeAt } from './extract/range.ts';
import { readAges } from './extract/readAges.ts';
import { readResultsTables, resultsLabelObject } from './extract/readResultsTables.ts';
import { resolveCurrencyByCountry } from './extract/resolveCurrencyByCountry.ts';
import { resolveValue } from './extract/resolveValue.ts';
import { vagueAt } from './extract/vague.ts';
import type { CountedObject, Fact, ParsedDocument, Period, QuantityMatch, Sentence, SentenceQuantities, Token } from './model.ts';
import { codePointIndex } from './text/codePoints.ts';
import { factId } from './text/ids.ts';
import { tokenize } from './tokens.ts';
import { objectLexicon, usdPerUnit } from './lexicon/index.ts';

type SentenceRefiner = (matches: QuantityMatch[], tokens: Token[]) => QuantityMatch[];
/** Refiners that need the sentences before: "Turnover 3.14 billion stg vs 2.65 billion". */
type DocumentRefiner = (sentences: SentenceQuantities[], text: string) => SentenceQuantities[];
/** What an enricher knows of a figure beyond its row: its sentence, tokens, object and periods. */
export interface FigureContext extends Figure {
  object: CountedObject | null;
  /** Token range of the object when it follows the figure, else empty at the figure's end. */
  objectStart: number;
  objectEnd: number;
  sentenceText: string;
  sentenceStart: number;
  periods: Period[];
  figures: { start: number; end: number }[];
  speaker: { speaker: string | null; speaker_role: string | null };
}
/** An enricher returns the columns it decides; they join the row before the next enricher reads it. */
type Enricher = (fact: Fact, figure: FigureContext) => Partial<Fact>;
/** Refiners over a document's facts: links between figures, and what a part takes from its total. */
type FactRefiner = (facts: Fact[], text: string) => Fact[];

/** Tried in order at each token where a quantity may begin; the first that matches wins. */
export const EXTRACTORS: readonly Extractor[] = [
  vagueAt, // "thousands of", "several hundred": before the numbers, so the vague phrase stays whole
  rangeAt, // "between 5 and 10", "from 3 to 4 million"
  singleOrRangeAt, // "$2.3 billion", "155 square kilometers", "5-10", "two or three"
];

export const SENTENCE_REFINERS: readonly SentenceRefiner[] = [
  joinBounds, // "more than 100 and less than 300" is one range
  dropNotFacts, // before anything reads a value: "AT-4" and "March 17, 2014" never become figures
  readAges, // "aged 16 to 18", "Brian Paré, 38,": years of age, not counts
];

export const DOCUMENT_REFINERS: readonly DocumentRefiner[] = [
  resolveCurrencyByCountry, // "474 billion francs" in a story about France is FRF
  readResultsTables, // "Net 6,150,000 vs 4,743,000" is money in the article's currency
  carryUnit, // then carry it: "Turnover 3.14 billion stg vs 2.65 billion"
];

/** Where the object of a figure is named; the first finder that answers wins. */
export const OBJECT_FINDERS: readonly ObjectFinder[] = [
  ({ tokens }) => resultsLabelObject(tokens), // "Revs 12.1 mln vs 10.5 mln": the line's label, spelled out
  tollBefore, // "the death toll from a storm that struck three countries rose to 70"
  countedInContext, // counts first: "killed 384 Libyans and captured 48", "38 of them"
  resultsLineLabel, // "Civil aircraft 7.7 mln loss": the line's label, not the sign
  objectAfterFigure,
  labelBeforeFigure, // "Pretax profit 182.2 mln"
  nounBeforeOf, // "his family of 10"
  moneyPurpose, // "3.5 billion dlrs for SDI"
  sameObjectAsPrevious, // "down 6.3 pct at 7.45 billion dlrs"
  sameKindEarlier, // "12.1% in Germany, 10.4% in Spain"
  ({ tokens, matches, match, type }) => subjectOfClause(tokens, matches, match, type), // "growth for the whole of 2004 was 1.6%"
];

export const ENRICHERS: readonly Enricher[] = [
  (fact, context) => {
    const predicate = findPredicate(context);
    return { predicate: predicate?.lemma ?? null, ...findAspect(context.tokens, context.match, context.objectEnd, predicate) };
  },
  (fact, { tokens, match, object }) => ({ status: findStatus(tokens, match, fact.predicate, fact.quantity_type === 'money' ? (object?.head ?? null) : null) }),
  // after the predicate: people are casualties, displaced or detained by what happened to them
  (fact, { object, tokens, match }) => ({ category: categorise({ type: fact.quantity_type, unit: fact.unit, object, predicate: fact.predicate, tokens, start: match.start, end: match.end }) }),
  (_fact, { speaker }) => speaker,
  (_fact, { periods, figures, matches, match, sentenceText, sentenceStart }) => {
    const period = scopingPeriod(periods, figures[matches.indexOf(match)]!, figures, sentenceText, sentenceStart);
    return { period_text: period?.text ?? null, period_start: period?.period_start ?? null, period_end: period?.period_end ?? null };
  },
];

export const FACT_REFINERS: readonly FactRefiner[] = [
  flagImplausibleMoney, // a carried currency can make an amount no economy has
  linkFacts, // repeat_of and part_of
  shareRestatedContext, // needs repeat_of: "300 mm (12 inches) of rain" were dumped too
  inheritPeriodOfTotal, // needs part_of
  resultsTablePeriod, // "Nine mths" heads the results lines below it
];

/** Quantities of every sentence, in document order, after the refiners. */
export function findDocumentQuantities(doc: ParsedDocument): { sentence: Sentence; found: SentenceQuantities }[] {
  const index = codePointIndex(doc.text);
  const perSentence = doc.sentences.map((sentence) => {
    const start = index.toUtf16(sentence.start);
    const text = doc.text.slice(start, index.toUtf16(sentence.end));
    if (!mayHoldQuantity(text)) return { tokens: [], matches: [] };
    const tokens = tokenize(text, start);
    const matches = SENTENCE_REFINERS.reduce((ms, refine) => refine(ms, tokens), findQuantities(tokens, EXTRACTORS));
    return { tokens, matches };
  });
  const refined = DOCUMENT_REFINERS.reduce((sentences, refine) => refine(sentences, doc.text), perSentence);
  return doc.sentences.map((sentence, i) => ({ sentence, found: refined[i]! }));
}

/** The first object a finder names; one whose head is junk ("higher", "for") is no object. */
function objectOf(figure: Figure): CountedObject | null {
  for (const find of OBJECT_FINDERS) {
    const object = find(figure);
    if (object && !objectLexicon.junkHeads.has(object.head)) return object;
  }
  return null;
}

/** Every fact of a document, in text order, with its object, category, speaker, period and links. */
export function extractFacts(doc: ParsedDocument): Fact[] {
  const index = codePointIndex(doc.text);
  const facts: Fact[] = [];
  const sentenceTexts = doc.sentences.map((s) => doc.text.slice(index.toUtf16(s.start), index.toUtf16(s.end)));
  const quantities = findDocumentQuantities(doc);
  // a document without figures has no one to attribute them to
  const hasFigures = quantities.some(({ found }) => found.matches.length > 0);
  const speakers = hasFigures ? attributeSpeakers(doc.sentences.map((s, i) => ({ paragraph: s.paragraph, text: sentenceTexts[i]! }))) : [];
  for (const { sentence, found } of quantities) {
    const { tokens, matches } = found;
    if (matches.length === 0) continue;
    const sentenceText = sentenceTexts[sentence.index]!;
    const sentenceStart = index.toUtf16(sentence.start);
    const periods = findPeriods(sentenceText, sentenceStart, doc.published);
    const figures = matches.map((m) => ({ start: tokens[m.start]!.start, end: tokens[m.end - 1]!.end }));
    const done: Labelled[] = [];
    for (const match of matches) {
      const startTok = tokens[match.start]!;
      const endTok = tokens[match.end - 1]!;
      const start = index.toCodePoint(startTok.start);
      const end = index.toCodePoint(endTok.end);
      const resolved = resolveValue(match);
      const figure: Figure = { tokens, matches, match, type: resolved.quantity_type, unit: resolved.unit, done, after: objectAfter(tokens, match, resolved.quantity_type) };
      const object = objectOf(figure);
      done.push({ match, object, type: resolved.quantity_type, unit: resolved.unit });
      const { objectStart, objectEnd } = objectTokens(tokens, match, object);
      // written out, not spread from the figure: spreads here took 5 µs a figure
      const context: FigureContext = { tokens, matches, match, type: figure.type, unit: figure.unit, done, after: figure.after, object, objectStart, objectEnd, sentenceText, sentenceStart, periods, figures, speaker: speakers[sentence.index]! };
      const row: Fact = {
        fact_id: factId(doc.doc_id, start, end),
        doc_id: doc.doc_id,
        paragraph: sentence.paragraph,
        sentence: sentence.index,
        start,
        end,
        mention: doc.text.slice(startTok.start, endTok.end),
        qualifier: resolved.qualifier,
        quantity_type: resolved.quantity_type,
        unit: resolved.unit,
        unit_implied: resolved.unit_implied,
        value: resolved.value,
        low: resolved.low,
        high: resolved.high,
        object: object ? (object.text ?? doc.text.slice(object.start, object.end)) : null,
        object_head: object?.head ?? null,
        category: 'other',
        speaker: null,
        speaker_role: null,
        period_text: null,
        period_start: null,
        period_end: null,
        part_of: null,
        repeat_of: null,
        sentence_text: sentenceText,
        rule: match.rule,
        predicate: null,
        aspect: 'level',
        direction: null,
        status: 'actual',
        same_as: null,
      };
      // the row is this loop's own until pushed: each enricher's columns join it in place (a copy per step was 17% of a worker in garbage collection)
      for (const enrich of ENRICHERS) Object.assign(row, enrich(row, context));
      facts.push(row);
    }
  }
  return FACT_REFINERS.reduce((fs, refine) => refine(fs, doc.text), facts);
}

/** Where the object lies in the tokens: after the figure ("27 people"), or as a label before it. */
function objectTokens(tokens: Token[], match: QuantityMatch, object: CountedObject | null): { objectStart: number; objectEnd: number } {
  const figureEnd = tokens[match.end - 1]!.end;
  if (!object) return { objectStart: match.end, objectEnd: match.end };
  const first = tokens.findIndex((t) => t.start >= object.start);
  if (object.start < figureEnd) return { objectStart: first < 0 ? match.start : first, objectEnd: match.end };
  const after = tokens.findIndex((t) => t.start >= object.end);
  return { objectStart: match.end, objectEnd: after < 0 ? tokens.length : after };
}

// No amount in the news is worth more than this many dollars: world GDP is about 10^14.
const MAX_PLAUSIBLE_USD = 1e14;

/**
 * "1,070 trillion rials" is about $25 billion and plausible; read as pounds it would be
 * 10^15 and is not. Such a row keeps its figure and says so in its rule: "+implausible".
 */
function flagImplausibleMoney(facts: Fact[]): Fact[] {
  return facts.map((f) => {
    if (f.quantity_type !== 'money' || f.unit === null) return f;
    const amount = Math.abs(f.value ?? f.high ?? f.low ?? 0) * (usdPerUnit.get(f.unit) ?? 1);
    return amount > MAX_PLAUSIBLE_USD ? { ...f, rule: `${f.rule}+implausible` } : f;
  });
}

/**
 * "over the past year allocated more than $2.3 billion -- $1.6 billion of which ...": a part
 * with no period of its own covers the period of its total in the same sentence.
 */
function inheritPeriodOfTotal(facts: Fact[]): Fact[] {
  const byId = factsById(facts);
  return facts.map((f) => {
    const total = f.part_of === null ? undefined : byId(f.part_of);
    if (!total || f.period_text !== null || total.sentence !== f.sentence || total.period_text === null) return f;
    return { ...f, period_text: total.period_text, period_start: total.period_start, period_end: total.period_end };
  });
}
