import { durationUnits, notFactWords, objectLexicon, wordList } from '../lexicon/index.ts';
import type { QuantityMatch } from '../model.ts';
import type { Token } from '../model.ts';

// The not-facts of SPEC.md: dates, years, times, designators, ordinals,
// reference numbers, phone numbers. Each check names why, for tests and review.

const isMonth = (t: Token | undefined) => t !== undefined && notFactWords.months.has(t.lower.replace(/\.$/, ''));
const isWeekday = (t: Token | undefined) => t !== undefined && notFactWords.weekdays.has(t.lower);
const glued = (t: Token | undefined) => t !== undefined && !t.spaced;

function yearLike(match: QuantityMatch, tokens: Token[]): boolean {
  if (match.amounts.length === 0 || match.currency) return false;
  // "1986 YEAR" (a results heading) is a year; "1986 years" would be a duration.
  const singularYear = match.unit === 'yr' && tokens[match.amounts[0]!.number.end]?.lower === 'year';
  if (match.unit && !singularYear) return false;
  return match.amounts.every((a) => {
    const t = tokens[a.number.start]!;
    return a.scale === 1 && a.number.form === 'digits' && /^\d{4}$/.test(t.text) && Number(t.text) >= 1800 && Number(t.text) <= 2099;
  });
}

/** "S&P" before "500": the glued run of tokens ending at k, as one word token. */
function gluedWord(tokens: Token[], k: number): Token | undefined {
  const last = tokens[k];
  if (!last || last.kind !== 'word') return last;
  let j = k;
  while (j > 0 && glued(tokens[j]) && (tokens[j - 1]!.text === '&' || tokens[j]!.text === '&') && j > k - 3) j--;
  if (j === k) return last;
  const text = tokens.slice(j, k + 1).map((t) => t.text).join('');
  return { ...last, text, lower: text.toLowerCase(), start: tokens[j]!.start };
}

/** Words that may follow a name's number ("Half-Life 2 is out") but never a counted figure's noun. */
const nameFollowers: ReadonlySet<string> = wordList('notFact', 'nameFollowers');

/** Why the quantity is not a fact, or null when it is one. */
export function notFactReason(match: QuantityMatch, tokens: Token[]): string | null {
  if (match.amounts.length === 0) return null;
  const first = match.amounts[0]!.number;
  const last = match.amounts[match.amounts.length - 1]!.number;
  const firstToken = tokens[first.start]!;
  const before = tokens[first.start - 1];
  const afterFigure = tokens[last.end];

  // "AT-4", "F-16", "Su-24", "COVID-19", "M16", "G7", "L-39": a figure glued to letters before it
  // that are not part of the mention ("USD115" is a currency code and its amount).
  const beforeInMention = first.start - 1 >= match.start && (match.currency !== null || before?.text === '-');
  if (glued(firstToken) && before && !beforeInMention) {
    if (before.kind === 'word' || before.kind === 'number') return 'designator';
    if ((before.text === '-' || before.text === '/' || before.text === '.') && tokens[first.start - 2] && glued(before)) {
      const stem = tokens[first.start - 2]!;
      if (stem.kind === 'word' || stem.kind === 'number') return before.text === '/' ? 'date or code' : 'designator';
    }
  }
  // "issn%280024", "?q=30%25": URL escapes and query strings
  if (glued(firstToken) && before !== undefined && ['%', '=', '&', '?', '#', '_'].includes(before.text)) return 'url or code';
  // "24703L202", "24703 L-202": the figure runs on into letters and digits
  const next = tokens[match.end];
  if (next && glued(next) && (next.kind === 'number' || next.kind === 'word')) return 'designator';
  if (next?.text === '-' && glued(next) && tokens[match.end + 1]?.kind === 'number' && glued(tokens[match.end + 1]) && match.unit) return 'designator';
  // "+1-222-2222-2222", "555-123-4567": three or more digit groups joined by hyphens
  if (afterFigure?.text === '-' && glued(afterFigure) && tokens[last.end + 1]?.kind === 'number' && tokens[last.end + 2]?.text === '-' && glued(tokens[last.end + 2])) {
    return 'phone number';
  }
  if (before?.text === '+' && glued(firstToken) && afterFigure?.text === '-') return 'phone number';
  // "5th", "101st", "1980s", "737MAX", "4x4": letters glued after the figure that are not its unit.
  if (afterFigure && glued(afterFigure) && afterFigure.kind === 'word' && match.end === last.end) {
    return notFactWords.ordinalSuffixes.has(afterFigure.lower) ? 'ordinal' : 'designator';
  }
  // "1986/87", "24/7", "9/11"
  if (afterFigure && afterFigure.text === '/' && glued(afterFigure) && tokens[last.end + 1]?.kind === 'number' && glued(tokens[last.end + 1])) {
    return 'date or code';
  }
  // "10:30", "0800 GMT", "3 pm", and the minutes of "10:30" and "00:00"
  if (afterFigure && afterFigure.text === ':' && glued(afterFigure) && tokens[last.end + 1]?.kind === 'number') return 'time';
  if (before?.text === ':' && glued(before) && glued(firstToken) && tokens[first.start - 2]?.kind === 'number') return 'time';
  if (!match.unit && !match.currency && notFactWords.timeWords.matchAt(tokens, match.coreEnd)) return 'time';
  // "a three-pronged thrust", "a two-way race", "six-figure earnings": a description, not a count
  if (match.end === last.end && afterFigure?.text === '-' && glued(afterFigure) && objectLexicon.compoundAdjectives.has(tokens[last.end + 1]?.lower ?? '') && glued(tokens[last.end + 1])) {
    return 'compound adjective';
  }
  // "767-300", "125-800": two figures joined by a hyphen that are no range are a model number or a score
  if (match.amounts.length === 1 && afterFigure?.text === '-' && glued(afterFigure) && tokens[last.end + 1]?.kind === 'number' && glued(tokens[last.end + 1]) && match.end === last.end) {
    return 'designator';
  }
  if (match.amounts.length === 1 && before?.text === '-' && glued(firstToken) && glued(before) && tokens[first.start - 2]?.kind === 'number') {
    return 'designator';
  }
  // "Boeing Co <BA> 767", "IBM Corp <IBM> 3270": a bare integer after a ticker is a model number
  if (before?.text === '>' && !glued(firstToken) && !match.currency && !match.unit && match.amounts[0]!.scale === 1 && /^\d+$/.test(firstToken.text)) {
    return 'designator';
  }
  // "555-1234"
  if (
    match.amounts.length === 2 &&
    /^\d{3}$/.test(firstToken.text) &&
    /^\d{4}$/.test(tokens[last.start]!.text) &&
    glued(tokens[last.start])
  ) {
    return 'phone number';
  }
  // "March 17, 2014", "17 March", "August 2014", "Jan. 9"
  if (!match.currency && !match.unit) {
    if (isMonth(before) || (before?.text === '.' && isMonth(tokens[first.start - 2]))) return 'date';
    if (isMonth(afterFigure) || (afterFigure?.text === 'of' && isMonth(tokens[last.end + 1]))) return 'date';
    if (before?.text === ',' && tokens[first.start - 2]?.kind === 'number' && isMonth(tokens[first.start - 3])) return 'date';
    if (isWeekday(before)) return 'date';
    // "by Sepember 30, 1987": a day between a capitalised word and ", <year>" is a date even when the month is misspelt
    const comma = tokens[last.end];
    const year = tokens[last.end + 1];
    if (
      match.amounts.length === 1 && /^(?:[1-9]|[12]\d|3[01])$/.test(firstToken.text) && before?.kind === 'word' && /^\p{Lu}\p{Ll}{2,}\.?$/u.test(before.text) &&
      comma?.text === ',' && year !== undefined && /^(?:1[89]\d\d|20\d\d)$/.test(year.text)
    ) {
      return 'date';
    }
  }
  if (yearLike(match, tokens)) return 'year';
  // "under water by 2100": a later year after a preposition of time
  if (!match.currency && !match.unit && match.amounts.length === 1 && /^21\d\d$/.test(firstToken.text) && /^(?:by|in|until|till|before|after|since|from|to)$/.test(before?.lower ?? '')) return 'year';
  // "Article 5", "Resolution 2254", "Boeing 737", "No. 10", "S&P 500": a reference number, not a quantity.
  const label = before?.text === '.' ? tokens[first.start - 2] : gluedWord(tokens, first.start - 1);
  // "BAe 146", and "BAe 125-800" as a hyphenated pair
  const plainInteger = match.amounts.every((a) => a.scale === 1 && /^\d+$/.test(tokens[a.number.start]!.text)) && (match.amounts.length === 1 || match.rule === 'range/hyphen');
  if (label && label.kind === 'word' && notFactWords.labels.has(label.lower) && !match.currency && !match.unit && plainInteger) {
    const capitalised = /^\p{Lu}/u.test(label.text);
    if (capitalised || ['no', 'nos', 'page', 'pages', 'article', 'section', 'chapter', 'paragraph', 'clause'].includes(label.lower)) {
      return 'reference number';
    }
  }
  // "Half-Life 2 is out", "Spider-Man 2 on UMD", "followed by Maroon 5 and Snow Patrol": a small number
  // closing a capitalised name (a title, a band, a sequel) with nothing counted after it is part of the name.
  if (
    match.amounts.length === 1 && match.start === first.start && !match.currency && !match.unit && plainInteger &&
    /^\d{1,2}$/.test(firstToken.text) && before?.kind === 'word' && before.end === firstToken.start - 1 &&
    /^\p{Lu}[\p{L}-]*\p{Ll}/u.test(before.text) && first.start - 1 > 0 && !isMonth(before) && !isWeekday(before) &&
    tokens[first.start - 2] !== undefined && !/^[.!?"“:]$/.test(tokens[first.start - 2]!.text)
  ) {
    const next = tokens[first.end];
    // (at a clause end it is more likely a gapped figure: "Britain sent 3 warships and France 2.")
    if (next !== undefined && nameFollowers.has(next.lower)) return 'name number';
  }
  // "Six Nations", "the Seven Years' War", "Air Force One", "One Flew Over the Cuckoo's Nest": a number word
  // written with a capital inside a sentence, next to another capitalised word, is part of a name.
  if (first.form === 'words' && /^\p{Lu}\p{Ll}/u.test(firstToken.text) && !match.currency && !match.unit && match.amounts.length === 1) {
    const startsSentence = before === undefined || /^[.!?"“:(]$/.test(before.text);
    const nextWord = tokens[first.end];
    if (!startsSentence && ((nextWord?.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(nextWord.text)) || (before?.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(before.text)))) return 'name number';
  }
  // "number six", "No. 1 hit", "in at number 11", "lot number 54238": a chart position or a reference
  if (first.form === 'words' && (before?.lower === 'number' || (before?.text === '.' && tokens[first.start - 2]?.lower === 'no'))) return 'chart position';
  if (before?.lower === 'number' && match.start === first.start && match.amounts.length === 1 && !match.currency && !match.unit && /^\d+$/.test(firstToken.text)) return 'chart position';
  // "100m hurdles", "the 60m final", "an impressive 400m victory": a race named by its distance;
  // "took silver in the 800m in", "the men's 1500m behind": the race itself, with nothing it measures after it
  // ("60m" before "hurdles" is metres, not the 60 million the BBC's "m" would make of it)
  const metres = match.unit === 'm' || (match.currency === null && match.unit === null && match.amounts.length === 1 && tokens[match.end - 1]?.lower === 'm' && glued(tokens[match.end - 1]) && /^\d+$/.test(firstToken.text));
  if (metres && notFactWords.raceEvents.has(tokens[match.end]?.lower ?? '')) return 'race name';
  if (match.unit === 'm' && match.amounts.length === 1 && /^(?:the|men['’]s|women['’]s|'s|’s)$/.test(before?.lower ?? '') && tokens[match.end]?.lower !== 'of' && !(tokens[match.end]?.kind === 'word' && /^\p{Ll}+s$/u.test(tokens[match.end]!.text))) return 'race name';
  // "ranked 106 in the world", "Henman, seeded three", "slipped to eight in the world": a position, not a count
  const plain = !match.currency && !match.unit && match.amounts.length === 1;
  if (plain && notFactWords.rankVerbs.has(before?.lower ?? '')) return 'chart position';
  if (plain && afterFigure?.lower === 'in' && tokens[last.end + 1]?.lower === 'the' && tokens[last.end + 2]?.lower === 'world') return 'chart position';
  // "faces Igor Andreev in the last 16", "reached the last eight of the Heineken Cup": a round, not a count
  if (plain && before?.lower === 'last' && tokens[first.start - 2]?.lower === 'the' && (afterFigure === undefined || afterFigure.kind === 'punct' || notFactWords.roundFollowers.has(afterFigure.lower))) return 'round name';
  // "in the last three months of 2004", "over the past two years", "a five-year period": the period, not a fact.
  if (match.unit && durationUnits.has(match.unit)) {
    const scopeWords = ['last', 'past', 'next', 'previous', 'coming', 'first', 'final', 'recent', 'preceding', 'following', 'latest'];
    const lead = [tokens[match.start - 1]?.lower, tokens[match.start - 2]?.lower];
    if (lead.some((w) => w !== undefined && scopeWords.includes(w))) return 'period';
    if (tokens[match.end]?.lower === 'period' || tokens[match.end]?.lower === 'ago') return 'period';
    // "in the six months to end-September", "the 34 weeks ended February 21": a reporting period
    const to = tokens[match.end]?.lower ?? '';
    const then = tokens[match.end + 1];
    if (/^(?:to|ended|ending|through|thru)$/.test(to) && then !== undefined && (isMonth(then) || /^end\b/.test(then.lower) || /^(?:mid|end)-/.test(then.lower))) return 'period';
  }
  // "one of the severest blows", "one another", "no one": "one" as a pronoun.
  if (first.form === 'words' && match.amounts.length === 1 && firstToken.lower === 'one' && first.end === first.start + 1) {
    const next = tokens[first.end];
    if (!next || next.kind !== 'word' || ['of', 'another', 'day', 'time', 'way', 'thing', 'side', 'hand', 'point', 'after', 'by'].includes(next.lower)) {
      if (!match.currency && !match.unit) return 'pronoun one';
    }
    if (!match.unit && !match.currency && before && ['the', 'this', 'that', 'no', 'any', 'every', 'each', 'which', 'someone', 'anyone', 'everyone', 'no-one'].includes(before.lower)) {
      return 'pronoun one';
    }
    // "from one place to another", "an American one and", "their original one failed": a pronoun after its adjective
    if (!match.unit && !match.currency && next?.kind === 'word' && tokens.slice(first.end, first.end + 4).some((t) => t.lower === 'another')) return 'pronoun one';
    if (!match.unit && !match.currency && before?.kind === 'word' && /^\p{L}+$/u.test(before.text) && ['a', 'an', 'the', 'their', 'its', 'his', 'her', 'our', 'most'].includes(tokens[first.start - 2]?.lower ?? '') && next !== undefined && notFactWords.afterPronounOne.has(next.lower)) return 'pronoun one';
    // "one witness told reporters", "one banker said": an unnamed source, not a count of one
    const speech = tokens[first.end + 1];
    if (!match.unit && !match.currency && next?.kind === 'word' && speech && notFactWords.speechVerbs.has(speech.lower)) return 'pronoun one';
  }
  return null;
}

const isDuration = (m: QuantityMatch) => m.unit !== null && durationUnits.has(m.unit);
const { clauseBreaks } = notFactWords;

/**
 * "20% of trains over three days", "killed 40 people during two days of fighting": a duration
 * after over, during, within, in, with another figure before it in the clause, is that figure's
 * period, not a fact of its own.
 */
function scopesAnother(match: QuantityMatch, matches: QuantityMatch[], tokens: Token[]): boolean {
  if (!isDuration(match) || match.qualifier === 'range') return false;
  // "by $30 billion over five years": the preposition read as the qualifier "over" still scopes
  let k = notFactWords.scopePrepositions.has(tokens[match.start]?.lower ?? '') ? match.start : match.start - 1;
  if (tokens[k]?.lower === 'the') k--;
  if (!notFactWords.scopePrepositions.has(tokens[k]?.lower ?? '')) return false;
  return matches.some((other) => other !== match && other.end <= k && !isDuration(other) && !tokens.slice(other.end, k).some((t) => clauseBreaks.has(t.lower)));
}

/** Refiner: drops the not-facts. */
export function dropNotFacts(matches: QuantityMatch[], tokens: Token[]): QuantityMatch[] {
  return matches.filter((m) => notFactReason(m, tokens) === null && !scopesAnother(m, matches, tokens));
}
