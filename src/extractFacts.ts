// The extraction pipeline for one parsed document: an ordered list of steps.
// Extractors find spans in a sentence; refiners take the list and return a new one.
import { categorise } from './enrich/categorise.ts';
import { attributeSpeakers } from './enrich/attributeSpeakers.ts';
import { findObject, findObjectBefore, tableLabel } from './enrich/findObject.ts';
import type { CountedObject, SentenceQuantities } from './model.ts';
import { singularHead } from './enrich/singularHead.ts';
import { categoryLexicon, objectLexicon, wordList } from './lexicon/index.ts';
import { findPeriods } from './enrich/findPeriods.ts';
import type { Period } from './model.ts';
import { linkFacts } from './enrich/linkFacts.ts';
import { carryUnit } from './extract/carryUnit.ts';
import { resolveCurrencyByCountry } from './extract/resolveCurrencyByCountry.ts';
import { findQuantities } from './extract/findQuantities.ts';
import type { QuantityMatch } from './model.ts';
import { mayHoldQuantity } from './extract/mayHoldQuantity.ts';
import { dropNotFacts } from './extract/notFacts.ts';
import { resolveValue } from './extract/resolveValue.ts';
import { tokenize } from './text/tokenize.ts';
import type { Token } from './model.ts';
import { factId } from './text/ids.ts';
import type { Fact, ParsedDocument } from './model.ts';
import { codePointIndex } from './text/codePoints.ts';

type SentenceRefiner = (matches: QuantityMatch[], tokens: Token[]) => QuantityMatch[];

const sentenceRefiners: SentenceRefiner[] = [
  dropNotFacts, // before anything reads a value: "AT-4" and "March 17, 2014" never become figures
];

/** Quantities of every sentence, in document order, after the refiners. */
export function findDocumentQuantities(doc: ParsedDocument): { sentence: ParsedDocument['sentences'][number]; found: SentenceQuantities }[] {
  const index = codePointIndex(doc.text);
  const perSentence = doc.sentences.map((sentence) => {
    const start = index.toUtf16(sentence.start);
    const end = index.toUtf16(sentence.end);
    const text = doc.text.slice(start, end);
    if (!mayHoldQuantity(text)) return { sentence, found: { tokens: [], matches: [] } };
    const tokens = tokenize(text, start);
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
  // "the 10-warhead MX missile": a count glued to a noun counts that noun
  const glued = tokens[match.end];
  const word = tokens[match.end + 1];
  if (type === 'count' && glued && /^[-‐]$/.test(glued.text) && !glued.spaced && word?.kind === 'word' && !word.spaced && /^\p{Ll}+$/u.test(word.text) && word.text.length > 1 && !/^(strong|odd|plus|mln|bln|million|billion|trillion|thousand|hundred)$/.test(word.lower) && !objectLexicon.stop.has(word.lower) && !/(?:ed|ing)$/.test(word.lower)) {
    // "two-passenger helicopters" count passengers, but are helicopters for the category
    const rest = tokens[match.end + 2]?.spaced ? findObject(tokens, match.end + 2) : null;
    return { start: word.start, end: word.end, words: [word], head: singularHead(word.text), ...(rest ? { categoryHead: rest.categoryHead ?? rest.head } : {}) };
  }
  return findObject(tokens, match.end);
}

// Heads that say when or how, not what: "$1.13bn for the three months", "£5m in recent years".
const notPurposes: ReadonlySet<string> = wordList('figure', 'notPurposes');
// What money "in" names: "more than £5m in donations", "$3bn in new loans", "$5m in cash".
const moneyIn: ReadonlySet<string> = wordList('figure', 'moneyIn');

/** The purpose a money figure is for: "approved 3.5 billion dlrs for SDI", "provides 474 billion francs for defence expenditure". */
function moneyPurpose(tokens: Token[], match: QuantityMatch): CountedObject | null {
  let j = match.end;
  if (/[a-z]{3}ly$/.test(tokens[j]?.lower ?? '') && tokens[j + 1]?.lower === 'for') j++;
  const prep = tokens[j]?.lower;
  if (prep !== 'for' && prep !== 'in') return null;
  j++;
  if (prep === 'for' && /^(a|an|the|its|their|his|her|our)$/.test(tokens[j]?.lower ?? '')) j++;
  const first = tokens[j];
  if (!first || first.kind !== 'word') return null;
  const object = findObject(tokens, j);
  if (!object || notPurposes.has(object.head)) return null;
  const words = object.words.filter((t) => t.kind === 'word');
  if (prep === 'in') {
    // "£5m in December", "$2bn in London": only a lower-case noun of money
    if (words.some((t) => !/^\p{Ll}+$/u.test(t.text))) return null;
    if (!moneyIn.has(words[words.length - 1]!.lower)) return null;
    return object;
  }
  // "paid £27m for Rooney": a name is whom it was paid for, not what the money is
  if (words.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text))) return null;
  return object;
}

interface Labelled {
  match: QuantityMatch;
  object: CountedObject | null;
  type: Fact['quantity_type'];
  unit: string | null;
}

// "Exports were down 6.3 pct at 7.45 billion dlrs": a figure right after another shares its label.
function sameObjectAsPrevious(done: Labelled[], match: QuantityMatch): CountedObject | null {
  const previous = done[done.length - 1];
  if (!previous || match.start - previous.match.end > 3) return null;
  // a label, not a counted thing: "10 km" does not measure the "three divisions" counted before it
  if (previous.match.currency === null && previous.match.unit === null) return null;
  return previous.object;
}

/**
 * A percent, money or measure figure with no label of its own takes the label of the nearest
 * earlier figure of the same kind and unit in the sentence: "the UK's jobless rate rose to 4.7% ...
 * compared with 12.1% in Germany, 10.4% in Spain", "Reserves were just 5.77 billion barrels in 1974,
 * rose sharply to 40.19 billion in 1978".
 */
function sameKindEarlier(done: Labelled[], tokens: Token[], match: QuantityMatch, type: Fact['quantity_type'], unit: string | null): CountedObject | null {
  // only a figure that continues a list or comparison: "compared with 12.1% in Germany, 10.4% in Spain and 9.7%",
  // "up from November's 4.2%"; not "its second biggest shareholder with 25.01%"
  let k = match.start - 1;
  if (/['’]s$/.test(tokens[k]?.lower ?? '') || tokens[k]?.lower === 'the') k--;
  const before = tokens[k]?.lower ?? '';
  const compared = before === 'with' && /^(compared|comparison|together)$/.test(tokens[k - 1]?.lower ?? '');
  // "flattened out at 72 billion", but not "a shortage it estimated at 1.60 billion"
  const at = before === 'at' && !/(?:ed|ing)$/.test(tokens[k - 1]?.lower ?? '');
  if (!compared && !at && !/^(to|from|and|,|vs|versus|against|after|than)$/.test(before)) return null;
  for (let i = done.length - 1; i >= 0; i--) {
    const d = done[i]!;
    if (tokens.slice(d.match.end, match.start).some((t) => t.text === ';' || t.text === ':')) return null;
    if (d.type === type && d.unit === unit) return d.object;
  }
  return null;
}

const chainWords: ReadonlySet<string> = wordList('figure', 'chainWords');
// Participles that stand for the people of an earlier count: "29 Chadian soldiers were killed and 58 wounded".
const casualtyParticiples: ReadonlySet<string> = wordList('figure', 'casualtyParticiples');
const ellipsisWords: ReadonlySet<string> = wordList('figure', 'ellipsisWords');
const tokenAfter = (tokens: Token[], object: CountedObject) => {
  const i = tokens.findIndex((t) => t.start >= object.end);
  return i < 0 ? tokens.length : i;
};
const countsPeople = (object: CountedObject) => {
  const last = object.words.filter((t) => t.kind === 'word').pop();
  return categoryLexicon.people.has(object.head) || /^(personnel|casualties)$/.test(categoryLexicon.headWords.get(object.head) ?? '') || (last !== undefined && /^\p{Lu}\p{Ll}+(?:ans|ians|is|ese|s)$/u.test(last.text));
};

/**
 * The thing a count with no noun of its own counts, from the figures around it:
 * "rose 32,000 to 1.41 million", "cutting Scotland's six single-battalion regiments to five",
 * "killed 384 Libyans and captured 48", "sank six Iranian out of 28 Iranian boats", "58 wells ..., 38 of them".
 */
function countFromContext(done: Labelled[], tokens: Token[], matches: QuantityMatch[], match: QuantityMatch, own: CountedObject | null): CountedObject | null {
  // "six Iranian out of 28 Iranian boats", "four out of five voters"
  const afterOwn = own ? tokenAfter(tokens, own) : match.end;
  const next = matches[matches.indexOf(match) + 1];
  if (next && tokens[afterOwn]?.lower === 'out' && tokens[afterOwn + 1]?.lower === 'of' && next.start === afterOwn + 2) {
    const theirs = findObject(tokens, next.end);
    if (theirs && (!own || (own.words.length === 1 && theirs.words.some((t) => t.lower === own.words[0]!.lower)))) return theirs;
  }
  if (own) return null;
  const previous = [...done].reverse().find((d) => d.type === 'count');
  if (!previous?.object) return null;
  // "38 of them", "50 of whom"
  if (tokens[match.end]?.lower === 'of' && /^(them|whom|these|those)$/.test(tokens[match.end + 1]?.lower ?? '')) return previous.object;
  const from = Math.max(previous.match.end, tokenAfter(tokens, previous.object));
  const between = tokens.slice(from, match.start);
  // "rose 32,000 to 1.41 million", "regiments to five", "4.56 billion after 3.55 billion"
  if (between.length === 1 && chainWords.has(between[0]!.lower)) return previous.object;
  if (between.length === 2 && /^(up|down)$/.test(between[0]!.lower) && between[1]!.lower === 'from') return previous.object;
  // "29 Chadian soldiers were killed and 58 wounded", "45 people were killed in Lwarai Mandi ... and 23 died"
  if (between.length > 12 || !countsPeople(previous.object) || !between.some((t) => /^(and|or)$/.test(t.lower))) return null;
  for (let i = 0; i < between.length; i++) {
    const t = between[i]!;
    if (ellipsisWords.has(t.lower) || categoryLexicon.casualtyCues.matchAt(between, i) || (t.kind === 'word' && /ed$/.test(t.lower))) continue;
    // "in Lwarai Mandi in North Waziristan Tribal Agency": a place
    if (/^(in|at|near|on)$/.test(t.lower) && /^\p{Lu}/u.test(between[i + 1]?.text ?? '')) {
      while (i + 1 < between.length && /^\p{Lu}/u.test(between[i + 1]!.text)) i++;
      continue;
    }
    return null;
  }
  return previous.object;
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

const signWords: ReadonlySet<string> = wordList('figure', 'signWords');

/** The object of a figure: after it, else from its label or the figures around it. */
function objectOf(done: Labelled[], tokens: Token[], matches: QuantityMatch[], match: QuantityMatch, type: Fact['quantity_type'], unit: string | null): CountedObject | null {
  const after = objectAfter(tokens, match, type);
  if (type === 'count') {
    // "58 wounded" after "29 Chadian soldiers were killed and": the participle is not what is counted
    const own = after && after.words.length === 1 && casualtyParticiples.has(after.head) ? null : after;
    return countFromContext(done, tokens, matches, match, own) ?? after ?? findObjectBefore(tokens, match.start, true);
  }
  // "Civil aircraft 7.7 mln loss vs 2.5 mln loss": in a results line "loss" is the sign, the line names the thing
  if (after && type === 'money' && after.words.length === 1 && signWords.has(after.words[0]!.lower)) {
    return tableLabel(tokens, match.start) ?? (tokens[match.start - 1]?.lower === 'vs' ? sameObjectAsPrevious(done, match) : null) ?? after;
  }
  // Money, percents and measures are often labelled before the figure ("Pretax profit 182.2 mln").
  return (
    after ??
    findObjectBefore(tokens, match.start) ??
    (type === 'money' ? moneyPurpose(tokens, match) : null) ??
    sameObjectAsPrevious(done, match) ??
    sameKindEarlier(done, tokens, match, type, unit)
  );
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
    const done: Labelled[] = [];
    for (const match of found.matches) {
      const startTok = tokens[match.start]!;
      const endTok = tokens[match.end - 1]!;
      const start = index.toCodePoint(startTok.start);
      const end = index.toCodePoint(endTok.end);
      const resolved = resolveValue(match);
      const object = objectOf(done, tokens, found.matches, match, resolved.quantity_type, resolved.unit);
      done.push({ match, object, type: resolved.quantity_type, unit: resolved.unit });
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
