import { numberWords } from '../lexicon/index.ts';
import type { NumberMatch, Token } from '../model.ts';

// "7,276", "2.3", "1986": a thousands group must have exactly three digits.
const wellFormed = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
// "12,34,567.89": Indian grouping (lakh, crore); read the same as without its commas.
const indianGrouped = /^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/;
// "2.310,00", "1.111,11": dotted thousands and a decimal comma. A bare "5,00" or "1,3" is not
// taken: in English copy it is far more often a thousands figure with a digit lost ("$110,00").
const dottedThousands = /^\d{1,3}(?:\.\d{3})+,\d{1,2}$/;

/**
 * Every figure read is made by this one constructor. Made by object literals in several
 * functions, integers from some and fractions from others, V8 kept relearning that `value`
 * may be fractional and deoptimised numberAt about 70 times on the news corpus, recompiling
 * it each time (1.2 of 13.7 s CPU); a class keeps one map for them all.
 */
class ReadNumber implements NumberMatch {
  constructor(
    public start: number,
    public end: number,
    public value: number,
    public form: NumberMatch['form'],
  ) {}
}
const numberMatch = (start: number, end: number, value: number, form: NumberMatch['form']): NumberMatch => new ReadNumber(start, end, value, form);

/** The value of a digit token, or null when its separators are not a number format we can read. */
function digitValue(text: string): number | null {
  if (wellFormed.test(text) || indianGrouped.test(text)) return Number(text.replace(/,/g, ''));
  if (dottedThousands.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  return null;
}

/** No token, or punctuation that ends a clause (not a hyphen or slash that joins words). */
export const endsClause = (t: Token | undefined) => t === undefined || (t.kind === 'punct' && /^[.,;:!?)\]"'”’]$/.test(t.text));
const isGlued = (tokens: Token[], i: number) => tokens[i] !== undefined && !tokens[i]!.spaced;
const isHyphen = (t: Token | undefined) => t !== undefined && (t.text === '-' || t.text === '‐');

function digitsAt(tokens: Token[], i: number): NumberMatch | null {
  const t = tokens[i];
  const parsed = t?.kind === 'number' ? digitValue(t.text) : null;
  if (!t || parsed === null) return null;
  let value = parsed;
  let end = i + 1;
  // "1 414 021 100", "40 000": a space (or narrow no-break space) as thousands separator, only when
  // every further group has exactly three digits and one separator before it, and there are two
  // groups or a round one: "retire 14 767 freighters" is fourteen Boeing 767s, not 14,767.
  if (/^\d{1,3}$/.test(t.text)) {
    let k = end;
    let grouped = value;
    while (tokens[k]?.kind === 'number' && /^\d{3}(?:\.\d+)?$/.test(tokens[k]!.text) && tokens[k]!.start === tokens[k - 1]!.end + 1) {
      grouped = grouped * 1000 + Number(tokens[k]!.text);
      k++;
    }
    const after = tokens[k];
    const clean = after === undefined || !(after.kind === 'number' || (isGlued(tokens, k) && after.kind === 'punct' && /[-/:]/.test(after.text)));
    // one group only when it is round ("40 000", "10 000 dollars"): "14 767" may be fourteen 767s
    const round = k === end + 1 && /00$/.test(tokens[end]!.text);
    if ((k > end + 1 || round) && clean) {
      value = grouped;
      end = k;
    }
  }
  // "6-1/2", "6 1/2": a whole number and a fraction
  const joiner = tokens[end];
  if (joiner && (joiner.text === '-' || joiner.text === ' ' || joiner.spaced) && /^\d+$/.test(t.text)) {
    const k = joiner.text === '-' && !joiner.spaced ? end + 1 : end;
    const [num, slash, den] = [tokens[k], tokens[k + 1], tokens[k + 2]];
    if (
      num?.kind === 'number' && /^\d$/.test(num.text) && slash?.text === '/' && !slash.spaced &&
      den?.kind === 'number' && /^(?:2|3|4|8|16)$/.test(den.text) && !den.spaced && Number(num.text) < Number(den.text) &&
      (k === end ? joiner.kind === 'number' : true)
    ) {
      value += Number(num.text) / Number(den.text);
      end = k + 3;
    }
  }
  const plus = andFractionAt(tokens, end);
  if (plus) {
    value += plus.value;
    end = plus.end;
  }
  const fraction = tokens[end];
  if (fraction?.kind === 'fraction' && !fraction.spaced) {
    value += numberWords.vulgarFractions.get(fraction.text)!;
    end++;
  }
  return numberMatch(i, end, value, 'digits');
}

/**
 * "and a half", "and a quarter", "and three quarters", "and one fourth": a fraction added to the
 * figure before it. Not "200 jobs and a third of the staff": a share of something else.
 */
export function andFractionAt(tokens: Token[], j: number): { value: number; end: number } | null {
  if (tokens[j]?.lower !== 'and') return null;
  const article = tokens[j + 1]?.lower === 'a' || tokens[j + 1]?.lower === 'an';
  const fraction = article && tokens[j + 2]?.lower === 'half' ? { value: 0.5, end: j + 3 } : tokens[j + 1]?.lower === 'half' ? null : fractionWordsAt(tokens, j + 1);
  // not "and a quarter-final"
  const after = tokens[fraction?.end ?? j];
  if (!fraction || after?.lower === 'of' || (isHyphen(after) && !after!.spaced)) return null;
  return { value: fraction.value, end: fraction.end };
}

const isScaleWord = (t: Token | undefined) => t !== undefined && (numberWords.scales.has(t.lower) || numberWords.multiples.has(t.lower));

/**
 * "three", "twenty-five", "one hundred and twenty", "a dozen", "two million", "three lakh crore",
 * "one million and a half". With `digits`, small digit figures may stand for the number words
 * before a scale word ("4 thousand 3 hundred and 21", "6 crore and two hundred").
 */
function wordsAt(tokens: Token[], i: number, digits = false): NumberMatch | null {
  let j = i;
  let total = 0;
  let current = 0;
  let seen = false;
  let last: 'ones' | 'tens' | 'scale' | null = null;
  // The last scale above a hundred: a smaller one adds to it, a larger one multiplies ("lakh crore").
  let bigScale = 0;
  let lastScale = 0;
  let afterAnd = false;
  // Where the figure stood complete before an "and": "between 3 billion and 5 billion" falls back to it.
  let beforeAnd: { end: number; value: number } | null = null;
  const first = tokens[i];
  if (first && (first.lower === 'a' || first.lower === 'an')) {
    const next = tokens[i + 1]?.lower ?? '';
    if (!numberWords.scales.has(next) && !numberWords.multiples.has(next)) return null;
    current = 1;
    seen = true;
    j = i + 1;
    last = 'ones';
  }
  while (j < tokens.length) {
    const token = tokens[j]!;
    const w = token.lower;
    // A digit figure stands in for number words only before a scale word ("3 hundred"), or after
    // "hundred and" ("3 hundred and 21"): "5 million and 20 were hurt" is two figures.
    const digit =
      digits && token.kind === 'number' && /^\d{1,3}$/.test(token.text) &&
      (isScaleWord(tokens[j + 1]) || (afterAnd && lastScale === 100 && Number(token.text) < 100 && Number(token.text) > 0))
        ? Number(token.text)
        : undefined;
    const one = digit ?? numberWords.ones.get(w);
    const ten = digit === undefined ? numberWords.tens.get(w) : undefined;
    const scale = numberWords.scales.get(w);
    const multiple = numberWords.multiples.get(w);
    afterAnd = false;
    if (one !== undefined || ten !== undefined) {
      if (last === 'ones' || (last === 'tens' && ten !== undefined) || (digit !== undefined && last === 'tens')) break;
      current += (one ?? ten)!;
      last = one !== undefined ? 'ones' : 'tens';
      seen = true;
      j++;
      // "twenty-five"
      if (ten !== undefined && isHyphen(tokens[j]) && isGlued(tokens, j) && isGlued(tokens, j + 1)) {
        const unit = numberWords.ones.get(tokens[j + 1]!.lower);
        if (unit !== undefined && unit < 10) {
          current += unit;
          last = 'ones';
          j += 2;
        }
      }
      continue;
    }
    if ((scale !== undefined || multiple !== undefined) && seen) {
      // "3 hundred and 2 hundred" is two figures: a hundred multiplies less than a hundred
      if (scale === 100 && current >= 100) {
        if (beforeAnd) return numberMatch(i, beforeAnd.end, beforeAnd.value, 'words');
        break;
      }
      if (scale === 100 || multiple !== undefined) current = (current || 1) * (scale ?? multiple)!;
      else if (current === 0 && last === 'scale' && scale! > bigScale) {
        total *= scale!;
        bigScale = scale!;
      } else {
        // "two thousand three thousand" is two figures, "3 billion and 5 billion" a range
        if (bigScale > 0 && scale! >= bigScale) {
          if (beforeAnd) return numberMatch(i, beforeAnd.end, beforeAnd.value, 'words');
          break;
        }
        total += (current || 1) * scale!;
        current = 0;
        bigScale = scale!;
      }
      lastScale = scale ?? multiple!;
      last = 'scale';
      j++;
      continue;
    }
    if (w === 'and' && last === 'scale') {
      // "one million and a half", "3 hundred and a quarter"
      const plus = andFractionAt(tokens, j);
      if (plus) {
        const unit = lastScale >= 1000 && current === 0 ? lastScale : 1;
        return numberMatch(i, plus.end, total + current + plus.value * unit, 'words');
      }
      // "one hundred and twenty", "3 hundred and 21", "6 crore and two hundred"
      const next = tokens[j + 1];
      const nextDigit = digits && next?.kind === 'number' && /^\d{1,3}$/.test(next.text) && (isScaleWord(tokens[j + 2]) || (lastScale === 100 && Number(next.text) < 100 && Number(next.text) > 0));
      if (numberWords.ones.has(next?.lower ?? '') || numberWords.tens.has(next?.lower ?? '') || nextDigit) {
        beforeAnd = { end: j, value: total + current };
        afterAnd = true;
        j++;
        continue;
      }
    }
    break;
  }
  if (!seen) return null;
  // "one and a half", "two and a half million" (the scale is read after), "three and one fourth"
  const plus = last !== 'scale' ? andFractionAt(tokens, j) : null;
  if (plus) return numberMatch(i, plus.end, total + current + plus.value, 'words');
  return numberMatch(i, j, total + current, 'words');
}

/** "two-thirds", "a quarter", "half", "one-third", "three quarters". Value as a share of 1. */
function fractionWordsAt(tokens: Token[], i: number): NumberMatch | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.lower === 'half') return numberMatch(i, i + 1, 0.5, 'fraction');
  // "quarter million": a bare quarter only before a scale word
  if (t.lower === 'quarter' && numberWords.scales.has(tokens[i + 1]?.lower ?? '')) return numberMatch(i, i + 1, 0.25, 'fraction');
  const numerator =
    t.lower === 'a' || t.lower === 'an' ? 1 : numberWords.ones.get(t.lower);
  if (numerator === undefined || numerator === 0 || numerator > 9) return null;
  let j = i + 1;
  if (isHyphen(tokens[j]) && isGlued(tokens, j) && isGlued(tokens, j + 1)) j++;
  const share = numberWords.fractions.get(tokens[j]?.lower ?? '');
  if (share === undefined) return null;
  // "a half" is rarely a figure on its own ("a year and a half" is read whole): it counts before a
  // scale word ("a half million") or alone at the end of a clause ("cut by a half.").
  if (share === 0.5 && (t.lower === 'a' || t.lower === 'an')) {
    const before = tokens[i - 1]?.lower;
    if (!isScaleWord(tokens[j + 1]) && !(endsClause(tokens[j + 1]) && before !== 'and')) return null;
  }
  return numberMatch(i, j + 1, numerator * share, 'fraction');
}

/** "3/4", "1/2": a digit fraction (a share of 1); "24/7" and "9/11" are not. */
function digitFractionAt(tokens: Token[], i: number): NumberMatch | null {
  const [n, slash, d] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (n?.kind !== 'number' || slash?.text !== '/' || slash.spaced || d?.kind !== 'number' || d.spaced) return null;
  // "1/40 of the wavelength": any denominator when the fraction is of something (not "11/64 of an inch": a measure)
  const ofSomething = tokens[i + 3]?.lower === 'of' && !/^an?$/.test(tokens[i + 4]?.lower ?? '') && /^\d{1,2}$/.test(n.text) && /^\d{1,3}$/.test(d.text);
  if (!ofSomething && (!/^\d$/.test(n.text) || !/^(?:2|3|4|5|8|10|16)$/.test(d.text))) return null;
  if (Number(n.text) >= Number(d.text) || Number(n.text) === 0) return null;
  if (tokens[i + 3]?.text === '/' || tokens[i - 1]?.text === '/') return null;
  return numberMatch(i, i + 3, Number(n.text) / Number(d.text), 'fraction');
}

/** "one in five", "two out of three": a ratio, read as a share of 1. */
function ratioAt(tokens: Token[], first: NumberMatch): NumberMatch | null {
  const joiner = tokens[first.end]?.lower;
  const out = joiner === 'out' && tokens[first.end + 1]?.lower === 'of';
  if (!(joiner === 'in' && first.value <= 3 && Number.isInteger(first.value)) && !out) return null;
  const from = first.end + (out ? 2 : 1);
  const t = tokens[from];
  const second = t?.kind === 'number' ? digitsAt(tokens, from) : t?.kind === 'word' ? wordsAt(tokens, from) : null;
  if (!second || second.value <= first.value || first.value <= 0) return null;
  // "1 in 2015" is a year; "one in 10 children" is a ratio
  if (second.form === 'digits' && /^\d{4}$/.test(tokens[from]!.text)) return null;
  return numberMatch(first.start, second.end, first.value / second.value, 'fraction');
}

/** "two point five", "nought point nought three" */
function spelledDecimal(tokens: Token[], whole: NumberMatch): NumberMatch {
  if (tokens[whole.end]?.lower !== 'point') return whole;
  let digits = '';
  let j = whole.end + 1;
  while (j < tokens.length) {
    const d = numberWords.ones.get(tokens[j]!.lower);
    if (d === undefined || d > 9) break;
    digits += String(d);
    j++;
  }
  // "two hundred point seventy-one", "nought point eleven": the decimals read as one number
  if (digits === '') {
    const decimals = wordsAt(tokens, j);
    if (decimals && decimals.value >= 10 && decimals.value < 100 && Number.isInteger(decimals.value)) {
      digits = String(decimals.value);
      j = decimals.end;
    }
  }
  return digits === '' ? whole : numberMatch(whole.start, j, whole.value + Number(`0.${digits}`), whole.form);
}

/** The figure that starts at token i, with an optional minus sign ("-4"). */
export function numberAt(tokens: Token[], i: number): NumberMatch | null {
  const t = tokens[i];
  if (!t) return null;
  if ((t.text === '-' || t.text === '−') && tokens[i + 1]?.kind === 'number' && isGlued(tokens, i + 1)) {
    const before = tokens[i - 1];
    // A minus sign stands apart from the word before it: "to -4", not "AT-4"; or follows a
    // currency sign or a comparison ("$-99.99", "<-30").
    if (t.spaced || !before || /^[$€£¥<>≤≥=~]$/.test(before.text)) {
      const n = digitsAt(tokens, i + 1);
      return n && numberMatch(i, n.end, -n.value, n.form);
    }
    return null;
  }
  // "minus 5", "minus one"
  if (t.lower === 'minus' || t.lower === 'negative') {
    const words = tokens[i + 1]?.kind === 'word' ? wordsAt(tokens, i + 1) : null;
    const n = tokens[i + 1]?.kind === 'number' ? digitsAt(tokens, i + 1) : words && spelledDecimal(tokens, words);
    return n && numberMatch(i, n.end, -n.value, n.form);
  }
  // "⅔", "½ teaspoon": a vulgar fraction standing alone (glued to digits it is read by digitsAt)
  if (t.kind === 'fraction' && !(tokens[i - 1]?.kind === 'number' && isGlued(tokens, i))) {
    return numberMatch(i, i + 1, numberWords.vulgarFractions.get(t.text)!, 'fraction');
  }
  // "4 thousand 3 hundred and 21", "3 million and a half": digits with scale words and what follows them
  if (t.kind === 'number' && /^\d{1,3}$/.test(t.text) && isScaleWord(tokens[i + 1])) {
    const mixed = wordsAt(tokens, i, true);
    if (mixed && mixed.end > i + 2) return ratioAt(tokens, mixed) ?? mixed;
  }
  // ".08": a decimal written without its zero
  if (t.text === '.' && (t.spaced || i === 0) && tokens[i + 1]?.kind === 'number' && isGlued(tokens, i + 1) && /^\d+$/.test(tokens[i + 1]!.text)) {
    return numberMatch(i, i + 2, Number(`0.${tokens[i + 1]!.text}`), 'digits');
  }
  const whole = t.kind === 'number' ? digitFractionAt(tokens, i) ?? digitsAt(tokens, i) : t.kind === 'word' ? fractionWordsAt(tokens, i) ?? wordsAt(tokens, i) : null;
  if (!whole) return null;
  if (whole.form === 'fraction') return whole;
  const withDecimals = whole.form === 'words' ? spelledDecimal(tokens, whole) : whole;
  return ratioAt(tokens, withDecimals) ?? withDecimals;
}
