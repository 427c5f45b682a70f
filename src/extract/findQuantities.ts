import { attachedOnlyUnits, compoundUnits, currencyCodes, currencyNationalities, currencySubunits, currencySymbols, currencyWords, dimensionWords, numberWords, percentWords, pointWords, qualifierPhrases, qualifierSuffixes, quantityWords, unitPhrases, vaguePhrases, wordList } from '../lexicon/index.ts';
import type { Amount, Qualifier, QuantityMatch } from '../model.ts';
import { andFractionAt, endsClause, numberAt } from './numbers.ts';
import type { NumberMatch } from '../model.ts';
import type { Token } from '../model.ts';

const rangeConnectors: ReadonlySet<string> = wordList('quantity', 'rangeConnectors');
// After these a "32,000 to 1.41 million" is a change and its result, not a range.
const changeWords: ReadonlySet<string> = wordList('quantity', 'changeWords');

const glued = (tokens: Token[], i: number) => tokens[i] !== undefined && !tokens[i]!.spaced;

/** The scale word after a figure: "2.3 billion", "$2.3bn", "15 mln", "10k", "US$ 1MM". */
function scaleAfter(tokens: Token[], i: number, hasCurrency: boolean, figure?: NumberMatch): { scale: number; end: number } | null {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return null;
  // "one and a half million"
  if (t.lower === 'and' && tokens[i + 1]?.lower === 'a' && tokens[i + 2]?.lower === 'half') return null;
  const full = numberWords.scales.get(t.lower) ?? numberWords.multiples.get(t.lower);
  if (full !== undefined) return { scale: full, end: i + 1 };
  // "1MM" (finance), "$2.174T": capitals only, lower case they are millimetres and tonnes
  const upper = numberWords.upperCaseScales.get(t.text);
  if (upper !== undefined && (t.text !== 'T' || (hasCurrency && !t.spaced))) return { scale: upper, end: i + 1 };
  const abbreviated = numberWords.abbreviatedScales.get(t.lower);
  if (abbreviated === undefined) return null;
  const next = tokens[i + 1];
  // A figure written with decimals or thousands groups is an amount, not a label ("1.2b", not "2b").
  const written = figure !== undefined && figure.form === 'digits' && /[.,]/.test(tokens[figure.start]?.text ?? '');
  // "mln", "bn" stand alone in wire copy; "m", "b", "k" must be glued ("£5m"), unless an amount
  // written with decimals ends the clause with one ("2.33 k").
  if (t.lower.length === 1 && t.spaced && !(written && endsClause(next) && t.lower !== 'b')) return null;
  // "110.00B/115.00A": bid and asked marks in price tables
  if (t.lower.length === 1 && next?.text === '/' && !next.spaced) return null;
  // "5m people", "10M." is millions; "100m sprint", "1m is equal to 10 dm" is metres; "3M" (one digit) a company.
  if (t.lower === 'm' && !hasCurrency) {
    // (a unit after it makes it a scale too: "110m tons", "2m barrels" cannot be metres)
    const plural = next?.kind === 'word' && ((next.lower.length > 3 && /[a-z][^s]s$/.test(next.lower)) || irregularPlurals.has(next.lower));
    const capitalAlone = t.text === 'M' && endsClause(next) && figure !== undefined && (written || /^\d{2,}$/.test(tokens[figure.start]?.text ?? ''));
    if (!plural && !capitalAlone && next?.lower !== 'of') return null;
  }
  // "1.2b users", "1.2b." is billions; "802.11b wireless" a standard
  if (t.lower === 'b' && !hasCurrency) {
    const counted = (next?.kind === 'word' && /[a-z][^s]s$/.test(next.lower)) || next?.lower === 'of' || endsClause(next);
    if (!(written && t.text === 'b' && !t.spaced && counted)) return null;
  }
  return { scale: abbreviated, end: i + 1 };
}

// Plurals a counted noun takes without an s: "20m people" is millions of people, not metres.
const irregularPlurals: ReadonlySet<string> = wordList('quantity', 'irregularPlurals');

// "five pounds of explosives", "weighs 25 pounds", "lost 20 pounds": a weight, not sterling.
const weightCues: ReadonlySet<string> = wordList('quantity', 'weightCues');
function isWeight(tokens: Token[], end: number): boolean {
  if (tokens[end]?.lower === 'of' || tokens[end]?.lower === 'each') return !currencyWords.matchAt(tokens, end + 1);
  return tokens.some((t) => weightCues.has(t.lower)) && !tokens.some((t) => t.text === '£' || t.lower === 'sterling' || t.lower === 'stg');
}

interface Suffix {
  end: number;
  currency?: string;
  subunit?: boolean;
  unit?: string;
  /** A scale inside or after the currency: "30 MUSD", "75 USD million". */
  scale?: number;
  /** The currency word as written, when no nationality qualified it ("francs"). */
  word?: string;
}

/**
 * A currency sign before a figure. A one-letter prefix ("A$", "C$", "S$") counts only
 * glued and in capitals: "a $48.2 million contract" is dollars, not Australian dollars.
 */
function currencySignAt(tokens: Token[], i: number): { code: string; end: number } | null {
  const first = tokens[i]!;
  // "AUD$15", "usd$ 15": a currency code glued to the dollar sign says which dollar
  const code = first.kind === 'word' && /^[a-z]{3}$/i.test(first.text) ? codeOf(first.text.toUpperCase()) : null;
  if (code && tokens[i + 1]?.text === '$' && glued(tokens, i + 1)) return { code, end: i + 2 };
  const symbol = currencySymbols.matchAt(tokens, i);
  if (!symbol) return null;
  // Lower-cased wire copy writes "c $ 16.4 million"; only a letter that is itself a word (the
  // article in "a $48.2 million contract", the possessive in "company ' s $ 5 million") needs the capital and the glue.
  const isWord = first.lower === 'a' || (first.lower === 's' && /^['’]$/.test(tokens[i - 1]?.text ?? ''));
  if (/^[a-z]\$$/i.test(symbol.phrase) && isWord && (first.text !== first.text.toUpperCase() || !glued(tokens, i + 1))) {
    return null;
  }
  return { code: symbol.value, end: symbol.end };
}

/** An ISO code as written, or null ("RMB" is the yuan's code in copy). */
const codeOf = (text: string) => (currencyCodes.has(text) ? (text === 'RMB' ? 'CNY' : text) : null);

/** A currency word ("dlrs", "Iraqi dinars"), percent, or unit after the figure. */
function suffixAfter(tokens: Token[], i: number, gluedToFigure: boolean, figureStart = -1): Suffix | null {
  const t = tokens[i];
  if (!t) return null;
  // "Iraqi dinars", "Swiss francs", "U.S. dlrs"
  const nationality = currencyNationalities.matchAt(tokens, i);
  if (nationality) {
    const word = currencyWords.matchAt(tokens, nationality.end);
    if (word) {
      const stem = word.phrase.replace(/s$/, '');
      const code = nationality.value[stem] ?? nationality.value[word.phrase] ?? word.value;
      return { end: word.end, currency: code };
    }
  }
  // "420 million Finnish markka": a nationality the lexicon does not list still names the currency word's own code
  if (t.kind === 'word' && /^\p{Lu}\p{Ll}+$/u.test(t.text)) {
    const word = currencyWords.matchAt(tokens, i + 1);
    if (word && !/^pounds?$/.test(word.phrase)) return { end: word.end, currency: word.value };
  }
  const points = pointWords.matchAt(tokens, i);
  if (points) return { end: points.end, unit: points.value };
  const percent = percentWords.matchAt(tokens, i);
  if (percent && !(percent.phrase === 'pc' && t.spaced)) return { end: percent.end, unit: '%' };
  // "3 USD50 cards": a code glued to the next figure belongs to that figure
  const prefixOfNext = t.kind === 'word' && tokens[i + 1]?.kind === 'number' && glued(tokens, i + 1);
  const code = t.kind === 'word' && !prefixOfNext ? codeOf(t.text) : null;
  if (code) {
    // "75 USD million"
    const scale = numberWords.scales.get(tokens[i + 1]?.lower ?? '');
    return scale ? { end: i + 2, currency: code, scale } : { end: i + 1, currency: code };
  }
  const word = prefixOfNext ? null : currencyWords.matchAt(tokens, i);
  if (word) {
    // "five pounds of explosives" is a weight.
    if (/^pounds?$/.test(word.phrase) && isWeight(tokens, word.end)) return { end: word.end, unit: 'lb' };
    return { end: word.end, currency: word.value, word: word.phrase };
  }
  // "30 MUSD", "120 MEUR": millions of a currency, business shorthand
  const millions = /^M([A-Z]{3})$/.exec(t.text);
  if (t.kind === 'word' && millions && currencyCodes.has(millions[1]!)) return { end: i + 1, currency: millions[1]!, scale: 1e6 };
  // "10 €", "100 ₡" (a dollar or pound sign never follows the figure in English)
  if (t.kind === 'symbol' && !['%', '°', '$', '£'].includes(t.text)) {
    const symbol = currencySymbols.matchAt(tokens, i);
    if (symbol && symbol.end === i + 1) return { end: i + 1, currency: symbol.value };
  }
  const subunit = currencySubunits.matchAt(tokens, i);
  // "51.4p" must be glued; "28 cts" may not be.
  if (subunit && !(subunit.phrase === 'p' && !gluedToFigure)) return { end: subunit.end, currency: subunit.value, subunit: true };
  const unit = unitPhrases.matchAt(tokens, i);
  if (unit) return { end: unit.end, unit: unit.value };
  const symbol = attachedOnlyUnits.get(t.text);
  if (gluedToFigure) {
    if (symbol && (tokens[i + 1] === undefined || tokens[i + 1]!.spaced)) return { end: i + 1, unit: symbol };
  }
  // "2 in thick", "3 m x 4 m": "in" and a spaced one-letter symbol are too often words; before a size word they are units
  if ((symbol === 'm' || t.text === 'in') && isSizeWord(tokens, i + 1, t.text === 'in')) return { end: i + 1, unit: symbol ?? 'in' };
  // ... and after one: the "4 m" of "3 m x 4 m"
  const connector = tokens[figureStart - 1];
  if ((symbol === 'm' || t.text === 'in') && connector && /^(?:x|×|by)$/.test(connector.lower) && tokens[figureStart - 2]?.text === t.text) return { end: i + 1, unit: symbol ?? 'in' };
  return null;
}

/** "high", "wide", "in diameter"; with `adjectiveOnly` false also "x 4", "by 4" (the other side of a size). */
function isSizeWord(tokens: Token[], i: number, adjectiveOnly: boolean): boolean {
  const size = dimensionWords.matchAt(tokens, i);
  if (!size) return false;
  if (!/^(?:x|×|by)$/.test(size.phrase)) return true;
  return !adjectiveOnly && numberAt(tokens, size.end) !== null;
}

/** "5 ft 2 in", "12 m 20 cm", "5 feet and 2 inches": the smaller part of a measure in two units, in the larger unit. */
function compoundPartAt(tokens: Token[], i: number, unit: string): { value: number; end: number } | null {
  const parts = compoundUnits.get(unit);
  if (!parts) return null;
  const from = tokens[i]?.lower === 'and' ? i + 1 : i;
  const n = tokens[from]?.kind === 'number' || tokens[from]?.kind === 'word' ? numberAt(tokens, from) : null;
  if (!n || n.form === 'fraction' || n.value <= 0) return null;
  const t = tokens[n.end];
  // "in" is an inch only here, after feet and a figure
  const small = t?.lower === 'in' && unit === 'ft' ? { value: 'in', end: n.end + 1 } : unitPhrases.matchAt(tokens, n.end);
  if (!small) return null;
  const factor = parts[small.value];
  if (factor === undefined || n.value * factor >= 1) return null;
  return { value: n.value * factor, end: small.end };
}

/** A figure with scale, currency and unit: "$2.3 billion", "3.5 billion dlr", "155 square kilometers", "12%". */
function amountAt(tokens: Token[], i: number): { start: number; end: number; amount: Amount; suffix: Suffix | null; currency: string | null } | null {
  let start = i;
  let currency: string | null = null;
  let prefixScale = 1;
  const t = tokens[i];
  // "$-99.99": a minus sign between the currency sign and the figure
  const figureAt = (k: number) => tokens[k]?.kind === 'number' || (/^[-−]$/.test(tokens[k]?.text ?? '') && glued(tokens, k) && tokens[k + 1]?.kind === 'number' && glued(tokens, k + 1));
  if (t && (t.kind === 'symbol' || t.kind === 'word')) {
    const symbol = currencySignAt(tokens, i);
    const millions = t.kind === 'word' ? /^M([A-Z]{3})$/.exec(t.text) : null;
    if (symbol && figureAt(symbol.end)) {
      currency = symbol.code;
      i = symbol.end;
    } else if (millions && codeOf(millions[1]!) && tokens[i + 1]?.kind === 'number') {
      // "MAUD 60", like "30 MUSD": millions of a currency
      currency = codeOf(millions[1]!);
      prefixScale = 1e6;
      i = i + 1;
    } else if (t.kind === 'word' && currencyCodes.has(t.text) && tokens[i + 1]?.kind === 'number') {
      currency = t.text === 'RMB' ? 'CNY' : t.text;
      i = i + 1;
    } else if (t.kind === 'word' && /^[A-Z]{3}$/.test(t.text) && currencyCodes.has(t.text) && tokens[i + 1]?.kind === 'number' && glued(tokens, i + 1)) {
      // "USD115"
      currency = t.text;
      i = i + 1;
    }
  }
  const number = numberAt(tokens, i);
  if (!number) return null;
  let end = number.end;
  let scale = prefixScale;
  const hyphenScale = tokens[end]?.text === '-' && glued(tokens, end) && glued(tokens, end + 1) && numberWords.scales.has(tokens[end + 1]?.lower ?? '');
  const scaled = scaleAfter(tokens, hyphenScale ? end + 1 : end, currency !== null, number);
  if (scaled) {
    scale = scaled.scale;
    end = scaled.end;
    // "half million", "a quarter million": a figure, not a share
    if (number.form === 'fraction') number.form = 'digits';
    // "3 million and a half"
    const plus = andFractionAt(tokens, end);
    if (plus) {
      number.value += plus.value;
      end = plus.end;
    }
  } else if (number.form === 'fraction' && (tokens[end]?.lower === 'a' || tokens[end]?.lower === 'an') && unitPhrases.matchAt(tokens, end + 1)) {
    // "half a meter", "a quarter of a mile" is left out
    number.form = 'digits';
    end += 1;
  } else if (number.form === 'fraction' && (tokens[end]?.lower === 'a' || tokens[end]?.lower === 'an' || tokens[end + 1]?.lower === 'a')) {
    // "half a million", "two thirds of a million"
    const skip = tokens[end]?.lower === 'of' ? 2 : 1;
    const after = scaleAfter(tokens, end + skip, currency !== null);
    if (after) {
      scale = after.scale;
      end = after.end;
      number.form = 'digits';
    }
  }
  // "seven-week", "45-year-old", "10-km": a hyphen glues the unit to the figure.
  let suffixStart = end;
  if ((tokens[end]?.text === '-' || tokens[end]?.text === '‐') && glued(tokens, end) && glued(tokens, end + 1)) {
    const hyphenated = suffixAfter(tokens, end + 1, true);
    if (hyphenated?.unit || hyphenated?.currency) suffixStart = end + 1;
  }
  if (suffixStart > end && number.form === 'fraction') return null;
  const suffix = suffixAfter(tokens, suffixStart, glued(tokens, suffixStart), number.start);
  if (suffix) end = suffix.end;
  if (suffix?.scale) scale *= suffix.scale;
  // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
  if (suffix?.currency && !suffix.subunit) {
    const from = tokens[end]?.lower === 'and' ? end + 1 : end;
    const cents = numberAt(tokens, from);
    const sub = cents && currencySubunits.matchAt(tokens, cents.end);
    if (cents && sub && sub.value === suffix.currency && cents.value < 100) {
      number.value += cents.value / (100 * scale);
      end = sub.end;
    }
  }
  // "5 ft 2 in": one measure in two units
  if (suffix?.unit && scale === 1 && !(suffixStart > number.end)) {
    const part = compoundPartAt(tokens, end, suffix.unit);
    if (part) {
      number.value += part.value;
      end = part.end;
    }
  }
  // "a 19-year-old man": the age includes "-old"
  if (suffix?.unit && suffixStart > number.end && tokens[end]?.text === '-' && tokens[end + 1]?.lower === 'old' && glued(tokens, end) && glued(tokens, end + 1)) {
    end += 2;
  }
  if (number.form === 'fraction' && !suffix) {
    // "two-thirds of the budget", "one third": a share. "a third" or "half" alone is too often
    // an ordinal or a word ("a third term", "half the time"): they need "of", a bound before
    // them ("more than half the people") or, with an article, the end of the clause ("cut by a third.").
    const article = /^(a|an|half)$/.test(tokens[number.start]!.lower);
    // not "more than half a century", "up to a quarter point", "some half-dozen"
    const next = tokens[end];
    const measured = next !== undefined && (/^(?:a|an|point|points)$/.test(next.lower) || (next.text === '-' && glued(tokens, end)));
    // "by a third." is a change; "by a third party" an ordinal
    const byShare = tokens[start - 1]?.lower === 'by' && endsClause(next);
    const bounded = (qualifierPhrases.matchBefore(tokens, start) !== null || byShare) && !measured;
    // "a half" alone ends its clause ("cut by a half."); fractionWordsAt has checked it
    const alone = tokens[number.start]!.lower !== 'half' && number.value === 0.5 && endsClause(next);
    if (next?.lower !== 'of' && article && !bounded && !alone) return null;
  }
  return { start, end, amount: { number, scale, scaleCarried: false }, suffix, currency };
}

function isChangeContext(tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    const w = tokens[k]!.lower;
    if (changeWords.has(w)) return true;
    if (w !== 'by' && w !== 'from' && !qualifierPhrases.matchAt(tokens, k)) return false;
  }
  return false;
}

function buildMatch(
  start: number,
  end: number,
  coreStart: number,
  coreEnd: number,
  parts: NonNullable<ReturnType<typeof amountAt>>[],
  qualifier: Qualifier,
  rule: string,
): QuantityMatch {
  const currency = parts.map((p) => p.currency ?? p.suffix?.currency).find((c) => c) ?? null;
  const unit = parts.map((p) => p.suffix?.unit).find((u) => u) ?? null;
  const share = parts.some((p) => p.amount.number.form === 'fraction') && !unit && !currency;
  return {
    start,
    end,
    coreStart,
    coreEnd,
    qualifier,
    amounts: parts.map((p) => p.amount),
    vagueLow: null,
    currency,
    subunit: parts.some((p) => p.suffix?.subunit === true),
    currencyImplied: false,
    currencyWord: parts.map((p) => p.suffix?.word).find((w) => w) ?? null,
    unit: share ? '%' : unit,
    shareOfWhole: share,
    rule,
  };
}

function kindOf(match: QuantityMatch): string {
  if (match.currency) return 'money';
  if (match.unit === '%' || match.unit === 'pp' || match.unit === 'bp') return 'percent';
  if (match.unit) return 'measure';
  return 'count';
}

/** "between 5 and 10", "from 3 to 4 million", "5-10", "two or three". */
function rangeAt(tokens: Token[], i: number): QuantityMatch | null {
  const opener = tokens[i]?.lower;
  if (opener === 'between' || opener === 'from') {
    const first = amountAt(tokens, i + 1);
    const joiner = first && tokens[first.end]?.lower;
    if (!first || joiner !== (opener === 'between' ? 'and' : 'to')) return null;
    if (opener === 'from' && isChangeContext(tokens, i)) return null;
    const second = amountAt(tokens, first.end + 1);
    if (!second) return null;
    return orderedRange(tokens, i, [first, second], `range/${opener}`);
  }
  return null;
}

function orderedRange(
  tokens: Token[],
  start: number,
  parts: NonNullable<ReturnType<typeof amountAt>>[],
  rule: string,
): QuantityMatch | null {
  const [first, second] = parts as [NonNullable<ReturnType<typeof amountAt>>, NonNullable<ReturnType<typeof amountAt>>];
  // "rose 6.2% to $1.45 billion" is a change and its result: ends in different units are no range.
  const unitOf = (p: typeof first) => p.currency ?? p.suffix?.currency ?? p.suffix?.unit ?? null;
  if (unitOf(first) !== null && unitOf(second) !== null && unitOf(first) !== unitOf(second)) return null;
  if (unitOf(first) !== null && unitOf(second) === null && first.amount.scale === 1) return null;
  // "3 to 4 million": the scale of the upper end carries to the lower.
  if (first.amount.scale === 1 && second.amount.scale > 1 && first.amount.number.value < second.amount.number.value) {
    first.amount.scale = second.amount.scale;
    first.amount.scaleCarried = true;
  }
  const low = first.amount.number.value * first.amount.scale;
  const high = second.amount.number.value * second.amount.scale;
  if (!(high > low)) return null;
  const match = buildMatch(start, second.end, first.start, second.end, parts, 'range', rule);
  return match;
}

/** A figure at token i, possibly the first end of a range. */
function singleOrRangeAt(tokens: Token[], i: number): QuantityMatch | null {
  const first = amountAt(tokens, i);
  if (!first) return null;
  const connector = tokens[first.end];
  // "8- to 16-meter", "the 200- to 300-seat sector": the first end's hyphen waits for the unit of the second
  if (connector && (connector.text === '-' || connector.text === '‐') && glued(tokens, first.end) && /^(?:to|or)$/.test(tokens[first.end + 1]?.lower ?? '') && !first.suffix) {
    const second = amountAt(tokens, first.end + 2);
    const range = second ? orderedRange(tokens, i, [first, second], 'range/suspended-hyphen') : null;
    if (range) return range;
  }
  if (connector && rangeConnectors.has(connector.lower)) {
    const second = amountAt(tokens, first.end + 1);
    const hyphen = connector.text === '-' || connector.text === '–' || connector.text === '~';
    const spacedAlike = !hyphen || connector.spaced === (tokens[first.end + 1]?.spaced ?? false);
    const smallWords = connector.lower !== 'or' || (first.amount.number.form === 'words' && second?.amount.number.form === 'words');
    if (second && spacedAlike && smallWords && !(connector.lower === 'to' && isChangeContext(tokens, i))) {
      const range = orderedRange(tokens, i, [first, second], hyphen ? 'range/hyphen' : `range/${connector.lower}`);
      if (range) return range;
    }
  }
  const match = buildMatch(i, first.end, first.amount.number.start, first.amount.number.end, [first], 'exact', '');
  const kind = kindOf(match);
  const form = first.amount.number.form;
  const detail = match.currency
    ? first.currency
      ? first.amount.scale > 1 ? 'symbol-scale' : 'symbol'
      : first.suffix?.subunit ? 'subunit' : first.amount.scale > 1 ? 'word-scale' : 'word'
    : match.shareOfWhole
      ? 'fraction-word'
      : form === 'words'
        ? 'number-words'
        : first.amount.scale > 1
          ? 'digits-scale'
          : 'digits';
  match.rule = `${kind}/${detail}`;
  return match;
}

/** "thousands of", "tens of thousands of tonnes", "several", "dozens of". */
function vagueAt(tokens: Token[], i: number): QuantityMatch | null {
  const vague = vaguePhrases.matchAt(tokens, i);
  if (!vague) return null;
  const previous = tokens[i - 1];
  if (previous && (previous.kind === 'number' || numberWords.ones.has(previous.lower))) return null;
  let end = vague.end;
  const next = tokens[end];
  if (!next) return null;
  let unit: string | null = null;
  let currency: string | null = null;
  if (next.lower === 'of') {
    const suffix = suffixAfter(tokens, end + 1, false);
    if (suffix && !suffix.subunit) {
      unit = suffix.unit ?? null;
      currency = suffix.currency ?? null;
      end = suffix.end;
    }
  } else if (vague.phrase === 'several' || vague.phrase.startsWith('several') || vague.phrase.startsWith('a few')) {
    // "several ships", "several hundred troops": must count something.
    if (next.kind !== 'word' || numberWords.scales.has(next.lower)) return null;
    const suffix = suffixAfter(tokens, end, false);
    if (suffix && !suffix.subunit) {
      unit = suffix.unit ?? null;
      currency = suffix.currency ?? null;
      end = suffix.end;
    }
  } else if (next.kind !== 'word' || ['of', 'were', 'are', 'have', 'had', 'more', 'fled', 'died', 'more'].indexOf(next.lower) < 0) {
    // "hundreds were killed" counts; "thousands" followed by anything else is too loose.
    if (!(next.kind === 'word' && /^(were|are|have|had|more|died|fled|gathered|marched|protested|joined)$/.test(next.lower))) return null;
  }
  return {
    start: i,
    end,
    coreStart: i,
    coreEnd: vague.end,
    qualifier: 'vague',
    amounts: [],
    vagueLow: vague.value,
    currency,
    subunit: false,
    currencyImplied: false,
    currencyWord: null,
    unit,
    shareOfWhole: false,
    rule: `vague/${currency ? 'money' : unit ? 'measure' : 'count'}`,
  };
}

/** Adds the qualifier written before the quantity ("more than", "about", "up to"). */
function withQualifier(tokens: Token[], match: QuantityMatch, floor: number): QuantityMatch {
  if (match.qualifier === 'vague' || match.qualifier === 'range') return match;
  const qualifier = qualifierPhrases.matchBefore(tokens, match.start);
  if (!qualifier || qualifier.start < floor) return match;
  // ">" closing a ticker ("Boeing Co <BA> 767") is no comparison: a sign must stand apart from the word before.
  if (!/\p{L}/u.test(qualifier.phrase) && qualifier.start > 0 && !tokens[qualifier.start]!.spaced) return match;
  return { ...match, start: qualifier.start, qualifier: qualifier.value, rule: `${match.rule}+qualifier` };
}

/** A qualifier written after the figure: "500 or more", "100 or less". */
function withSuffixQualifier(tokens: Token[], match: QuantityMatch): QuantityMatch {
  // "about five hundred or more": the bound after the figure wins over a hedge before it
  if (match.qualifier !== 'exact' && match.qualifier !== 'approximate') return match;
  const suffix = qualifierSuffixes.matchAt(tokens, match.end);
  if (!suffix) return match;
  // "200 or greater than 190", "5000 or less than 6000": the comparison belongs to the next figure
  if (/^(?:than|to)$/.test(tokens[suffix.end]?.lower ?? '') && numberAt(tokens, suffix.end + 1) !== null) return match;
  // "plus" must be glued or spaced after a figure alone ("40-plus", "40 plus"), never "40 plus 2"
  if (suffix.phrase === 'plus' && numberAt(tokens, suffix.end) !== null) return match;
  return { ...match, end: suffix.end, qualifier: suffix.value, rule: `${match.rule}+qualifier` };
}

/** "greater than 100 and smaller than 300", "at most 100 and at least 20": two bounds of one range. */
function joinBounds(found: QuantityMatch[], tokens: Token[]): QuantityMatch[] {
  const lower = new Set(['more_than', 'at_least']);
  const upper = new Set(['less_than', 'at_most']);
  const out: QuantityMatch[] = [];
  for (let k = 0; k < found.length; k++) {
    const a = found[k]!;
    const b = found[k + 1];
    const joined = b && b.start === a.end + 1 && /^(and|but)$/.test(tokens[a.end]!.lower) && a.amounts.length === 1 && b.amounts.length === 1;
    const ordered = joined && ((lower.has(a.qualifier) && upper.has(b.qualifier)) || (upper.has(a.qualifier) && lower.has(b.qualifier)));
    // "more than 40 and less than 10" are two open bounds, not a range
    const [lo, hi] = lower.has(a.qualifier) ? [a, b] : [b, a];
    const value = (m: QuantityMatch | undefined) => (m ? m.amounts[0]!.number.value * m.amounts[0]!.scale : NaN);
    if (!ordered || (a.unit ?? a.currency) !== (b.unit ?? b.currency) || !(value(lo) < value(hi))) {
      out.push(a);
      continue;
    }
    const [low, high] = lower.has(a.qualifier) ? [a, b] : [b, a];
    out.push({ ...a, end: b.end, coreEnd: b.coreEnd, qualifier: 'range', amounts: [low.amounts[0]!, high.amounts[0]!], rule: 'range/bounds' });
    k++;
  }
  return out;
}

// No quantity starts more than this many tokens before its first number or quantity word
// ("between U.S$ -5": opener, a currency sign of up to four tokens, a minus sign).
const MAX_LEAD = 8;

/** For each token, the index of the first number or quantity word at or after it (tokens.length if none). */
function nextQuantityTokens(tokens: Token[]): Int32Array {
  const next = new Int32Array(tokens.length + 1);
  next[tokens.length] = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    next[i] = t.kind === 'number' || t.kind === 'fraction' || (t.kind === 'word' && quantityWords.has(t.lower)) ? i : next[i + 1]!;
  }
  return next;
}

// Words other than numbers and quantity words that a quantity can begin with (vagueAt, rangeAt,
// amountAt and numberAt, which start at the token they are given): range openers, minus, the
// article of "a dozen" and "a third", bare fractions, the first words of vague phrases and of
// currency signs ("US $"), and currency codes, also as millions ("MUSD 30").
const leadWords: ReadonlySet<string> = new Set([
  'between', 'from', 'minus', 'negative', 'a', 'an', 'half', 'quarter',
  ...vaguePhrases.firstWords,
  ...currencySymbols.firstWords,
  ...[...currencyCodes].flatMap((code) => [code.toLowerCase(), `m${code.toLowerCase()}`]),
]);

/** Every quantity in a sentence's tokens, left to right, not overlapping. */
export function findQuantities(tokens: Token[]): QuantityMatch[] {
  const found: QuantityMatch[] = [];
  const next = nextQuantityTokens(tokens);
  let floor = 0;
  for (let i = 0; i < tokens.length; i++) {
    // most tokens are far from any number: skip to where one could start
    if (next[i]! - i > MAX_LEAD) i = next[i]! - MAX_LEAD;
    if (i >= tokens.length) break;
    // a quantity begins at a number or quantity word (next[i] === i), a symbol or punctuation, or a lead word
    const t = tokens[i]!;
    if (next[i] !== i && t.kind === 'word' && !leadWords.has(t.lower)) continue;
    const match = vagueAt(tokens, i) ?? rangeAt(tokens, i) ?? singleOrRangeAt(tokens, i);
    if (!match) continue;
    const qualified = withSuffixQualifier(tokens, withQualifier(tokens, match, floor));
    found.push(qualified);
    floor = qualified.end;
    i = qualified.end - 1;
  }
  return joinBounds(found, tokens);
}
