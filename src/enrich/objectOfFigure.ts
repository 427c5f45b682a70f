// Where the thing a figure counts or measures is named: after it, before it as a
// label, in what money is for, or in the figures around it. Each finder returns
// the object or null; the pipeline tries them in the order of OBJECT_FINDERS.
import { categoryLexicon, objectLexicon, wordList } from '../lexicon/index.ts';
import type { CountedObject, QuantityMatch, QuantityType, Token } from '../model.ts';
import { labelBefore } from './labelBefore.ts';
import { objectFrom } from './objectFrom.ts';
import { singularHead } from './singularHead.ts';
import { tableLabel } from './tableLabel.ts';

/** A figure being labelled: its tokens, its match, and the figures before it in the sentence. */
export interface Figure {
  tokens: Token[];
  matches: QuantityMatch[];
  match: QuantityMatch;
  type: QuantityType;
  unit: string | null;
  done: Labelled[];
  /** The noun phrase right after the figure, if any (read once, used by several finders). */
  after: CountedObject | null;
}

export type ObjectFinder = (figure: Figure) => CountedObject | null;

// A measure names what it measures after "of" ("155 square kilometers of territory") or as a
// hyphenated modifier ("a 100-kg bomb"); "some 230 km north" measures nothing named.
export function objectAfter(tokens: Token[], match: QuantityMatch, type: QuantityType): CountedObject | null {
  // "more than 300 mm (12 inches) of rain": what the figure measures follows its conversion
  const next = pastConversions(tokens, match.end);
  if (type === 'measure' && tokens[next]?.lower !== 'of') {
    const hyphenated = tokens.slice(match.coreStart, match.end).some((t) => t.text === '-' && !t.spaced);
    if (!hyphenated) return null;
  }
  // "the 10-warhead MX missile": a count glued to a noun counts that noun
  const glued = tokens[match.end];
  const word = tokens[match.end + 1];
  if (type === 'count' && glued && /^[-‐]$/.test(glued.text) && !glued.spaced && word?.kind === 'word' && !word.spaced && /^\p{Ll}+$/u.test(word.text) && word.text.length > 1 && !/^(strong|odd|plus|mln|bln|million|billion|trillion|thousand|hundred)$/.test(word.lower) && !objectLexicon.stop.has(word.lower) && !/(?:ed|ing)$/.test(word.lower)) {
    // "two-passenger helicopters" count passengers, but are helicopters for the category
    const rest = tokens[match.end + 2]?.spaced ? objectFrom(tokens, match.end + 2) : null;
    return { start: word.start, end: word.end, words: [word], head: singularHead(word.text), ...(rest ? { categoryHead: rest.categoryHead ?? rest.head } : {}) };
  }
  return objectFrom(tokens, next);
}

const MAX_CONVERSIONS = 12;
/** "$2bn (1.53bn euros; £1.05bn) settlement", "25bn rupees ($250m; £135m) of loans": past the brackets that convert the figure. */
function pastConversions(tokens: Token[], k: number): number {
  if (tokens[k]?.text !== '(') return k;
  for (let j = k + 1; j < Math.min(tokens.length, k + MAX_CONVERSIONS); j++) {
    if (tokens[j]!.text === ')') return tokens.slice(k + 1, j).some((t) => t.kind === 'number') ? j + 1 : k;
  }
  return k;
}

// Heads that say when or how, not what: "$1.13bn for the three months", "£5m in recent years".
const notPurposes: ReadonlySet<string> = wordList('figure', 'notPurposes');
// What money "in" names: "more than £5m in donations", "$3bn in new loans", "$5m in cash".
const moneyIn: ReadonlySet<string> = wordList('figure', 'moneyIn');

/** The purpose a money figure is for: "approved 3.5 billion dlrs for SDI", "provides 474 billion francs for defence expenditure". */
function purposeOf(tokens: Token[], match: QuantityMatch): CountedObject | null {
  let j = match.end;
  if (/[a-z]{3}ly$/.test(tokens[j]?.lower ?? '') && tokens[j + 1]?.lower === 'for') j++;
  const prep = tokens[j]?.lower;
  if (prep !== 'for' && prep !== 'in') return null;
  j++;
  if (prep === 'for' && /^(a|an|the|its|their|his|her|our)$/.test(tokens[j]?.lower ?? '')) j++;
  const first = tokens[j];
  if (!first || first.kind !== 'word') return null;
  const object = objectFrom(tokens, j);
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

/** A figure already placed in the sentence, with the object found for it. */
export interface Labelled {
  match: QuantityMatch;
  object: CountedObject | null;
  type: QuantityType;
  unit: string | null;
}

// "Exports were down 6.3 pct at 7.45 billion dlrs": a figure right after another shares its label.
function previousObject(done: Labelled[], match: QuantityMatch): CountedObject | null {
  const previous = done[done.length - 1];
  if (!previous || match.start - previous.match.end > 3) return null;
  // a label, not a counted thing: "10 km" does not measure the "three divisions" counted before it
  if (previous.match.currency === null && previous.match.unit === null) return null;
  return previous.object;
}

const continuesList: ReadonlySet<string> = wordList('figure', 'continuesList');

/**
 * A percent, money or measure figure with no label of its own takes the label of the nearest
 * earlier figure of the same kind and unit in the sentence: "the UK's jobless rate rose to 4.7% ...
 * compared with 12.1% in Germany, 10.4% in Spain", "Reserves were just 5.77 billion barrels in 1974,
 * rose sharply to 40.19 billion in 1978".
 */
function earlierOfSameKind(done: Labelled[], tokens: Token[], match: QuantityMatch, type: QuantityType, unit: string | null): CountedObject | null {
  // only a figure that continues a list or comparison: "compared with 12.1% in Germany, 10.4% in Spain and 9.7%",
  // "up from November's 4.2%"; not "its second biggest shareholder with 25.01%"
  let k = match.start - 1;
  // "down from the third quarter's 5.1%", "up from November's 4.2%": past the owner of the figure
  if (/['’]s$/.test(tokens[k]?.lower ?? '')) {
    let j = k - 1;
    while (j >= 0 && j > k - 4 && tokens[j]!.kind === 'word' && !continuesList.has(tokens[j]!.lower) && tokens[j]!.lower !== 'the') j--;
    k = tokens[j]?.lower === 'the' ? j - 1 : continuesList.has(tokens[j]?.lower ?? '') ? j : k - 1;
  } else if (tokens[k]?.lower === 'the') k--;
  const before = tokens[k]?.lower ?? '';
  const compared = before === 'with' && /^(compared|comparison|together)$/.test(tokens[k - 1]?.lower ?? '');
  // "flattened out at 72 billion", but not "a shortage it estimated at 1.60 billion"
  const at = before === 'at' && !/(?:ed|ing)$/.test(tokens[k - 1]?.lower ?? '');
  if (!compared && !at && !continuesList.has(before)) return null;
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
    const theirs = objectFrom(tokens, next.end);
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

const signWords: ReadonlySet<string> = wordList('figure', 'signWords');

/** Counts: "58 wounded" after "29 Chadian soldiers were killed and", "38 of them", "rose 32,000 to 1.41 million". */
export const countedInContext: ObjectFinder = ({ done, tokens, matches, match, type, after }) => {
  if (type !== 'count') return null;
  // "58 wounded": the participle is not what is counted
  const own = after && after.words.length === 1 && casualtyParticiples.has(after.head) ? null : after;
  return countFromContext(done, tokens, matches, match, own);
};

/** "Civil aircraft 7.7 mln loss vs 2.5 mln loss": in a results line "loss" is the sign, the line names the thing. */
export const resultsLineLabel: ObjectFinder = ({ done, tokens, match, type, after }) => {
  if (!after || type !== 'money' || after.words.length !== 1 || !signWords.has(after.words[0]!.lower)) return null;
  return tableLabel(tokens, match.start) ?? (tokens[match.start - 1]?.lower === 'vs' ? previousObject(done, match) : null) ?? after;
};

/** "2,000 AT-4 anti-tank missiles", "155 square kilometers of territory". */
export const objectAfterFigure: ObjectFinder = ({ after }) => after;

/** "his family of 10", "unemployment of more than five million": a count after "of" counts the noun before it. */
export const nounBeforeOf: ObjectFinder = ({ tokens, matches, match, type }) => {
  if (type !== 'count' || tokens[match.start - 1]?.lower !== 'of') return null;
  const noun = tokens[match.start - 2];
  // "two of the 14 fires", "a total of 12": a figure or an amount noun is no label
  if (!noun || noun.kind !== 'word' || !/^\p{Ll}+$/u.test(noun.text) || matches.some((m) => m.end === match.start - 1) || objectLexicon.stop.has(noun.lower) || objectLexicon.partitives.has(noun.lower) || amountLabels.has(noun.lower)) return null;
  return { start: noun.start, end: noun.end, words: [noun], head: singularHead(noun.text) };
};
const amountLabels: ReadonlySet<string> = wordList('object', 'amountNouns');

/** "Pretax profit 182.2 mln", "the death toll rose to 87". */
export const labelBeforeFigure: ObjectFinder = ({ tokens, match, type }) => labelBefore(tokens, match.start, type === 'count');

/** "approved 3.5 billion dlrs for SDI", "more than £5m in donations". */
export const moneyPurpose: ObjectFinder = ({ tokens, match, type }) => (type === 'money' ? purposeOf(tokens, match) : null);

/** "Exports were down 6.3 pct at 7.45 billion dlrs": a figure right after another shares its label. */
export const sameObjectAsPrevious: ObjectFinder = ({ done, match, type }) => (type === 'count' ? null : previousObject(done, match));

/** "compared with 12.1% in Germany, 10.4% in Spain": a list or comparison continues the label. */
export const sameKindEarlier: ObjectFinder = ({ done, tokens, match, type, unit }) => (type === 'count' ? null : earlierOfSameKind(done, tokens, match, type, unit));

// "the death toll from a storm that struck three countries rose to 70": a count that completes a
// clause about a toll counts what the toll counts, whatever noun phrase stands nearer.
const { tollVerbs } = objectLexicon;

/** "The death toll ... rose to 70", "the toll stands at 81": the toll is the object. */
export const tollBefore: ObjectFinder = ({ tokens, match, type }) => {
  if (type !== 'count') return null;
  let k = match.start - 1;
  if (/^(?:to|at)$/.test(tokens[k]?.lower ?? '')) k--;
  if (!tollVerbs.has(tokens[k]?.lower ?? '')) return null;
  for (let j = k - 1; j >= Math.max(0, k - 15); j--) {
    if (/^[;:.]$/.test(tokens[j]!.text)) return null;
    // the longest toll phrase ending here: "death toll", not "toll"
    const toll = [j - 2, j - 1, j].map((i) => (i >= 0 ? objectLexicon.tollNouns.matchAt(tokens, i) : null)).find((t) => t !== null && t.end === j + 1) ?? objectLexicon.tollNouns.matchAt(tokens, j);
    if (toll) {
      j = toll.end - toll.phrase.split(' ').length;
      const words = tokens.slice(j, toll.end);
      return { start: words[0]!.start, end: words[words.length - 1]!.end, words, head: toll.phrase.split(' ').pop()! === 'dead' ? 'dead' : singularHead(words[words.length - 1]!.text) };
    }
  }
  return null;
};
