import { numberWords } from '../lexicon/index.ts';
import type { Token } from './tokenize.ts';

/** A figure found at a token position, before any scale word or unit. */
export interface NumberMatch {
  /** Token range [start, end). */
  start: number;
  end: number;
  value: number;
  form: 'digits' | 'words' | 'fraction';
}

// "7,276", "2.3", "1986": a thousands group must have exactly three digits.
const wellFormed = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

const isGlued = (tokens: Token[], i: number) => tokens[i] !== undefined && !tokens[i]!.spaced;
const isHyphen = (t: Token | undefined) => t !== undefined && (t.text === '-' || t.text === '‐');

function digitsAt(tokens: Token[], i: number): NumberMatch | null {
  const t = tokens[i];
  if (t?.kind !== 'number' || !wellFormed.test(t.text)) return null;
  let value = Number(t.text.replace(/,/g, ''));
  let end = i + 1;
  // "1 500", "1 414 021 100": a space (or narrow no-break space) as thousands separator,
  // only when every further group has exactly three digits and one separator before it.
  if (/^\d{1,3}$/.test(t.text)) {
    let k = end;
    let grouped = value;
    while (tokens[k]?.kind === 'number' && /^\d{3}(?:\.\d+)?$/.test(tokens[k]!.text) && tokens[k]!.start === tokens[k - 1]!.end + 1) {
      grouped = grouped * 1000 + Number(tokens[k]!.text);
      k++;
    }
    const after = tokens[k];
    const clean = after === undefined || !(after.kind === 'number' || (isGlued(tokens, k) && after.kind === 'punct' && /[-/:]/.test(after.text)));
    if (k > end && clean) {
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
  if (tokens[end]?.lower === 'and' && tokens[end + 1]?.lower === 'a' && tokens[end + 2]?.lower === 'half') {
    value += 0.5;
    end += 3;
  }
  const fraction = tokens[end];
  if (fraction?.kind === 'fraction' && !fraction.spaced) {
    value += numberWords.vulgarFractions.get(fraction.text)!;
    end++;
  }
  return { start: i, end, value, form: 'digits' };
}

/** "three", "twenty-five", "one hundred and twenty", "a dozen", "two million". */
function wordsAt(tokens: Token[], i: number): NumberMatch | null {
  let j = i;
  let total = 0;
  let current = 0;
  let seen = false;
  let last: 'ones' | 'tens' | 'scale' | null = null;
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
    const w = tokens[j]!.lower;
    const one = numberWords.ones.get(w);
    const ten = numberWords.tens.get(w);
    const scale = numberWords.scales.get(w);
    const multiple = numberWords.multiples.get(w);
    if (one !== undefined || ten !== undefined) {
      if (last === 'ones' || (last === 'tens' && ten !== undefined)) break;
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
      if (scale === 100 || multiple !== undefined) current = (current || 1) * (scale ?? multiple)!;
      else {
        total += (current || 1) * scale!;
        current = 0;
      }
      last = 'scale';
      j++;
      continue;
    }
    // "one hundred and twenty"
    if (w === 'and' && last === 'scale') {
      const next = tokens[j + 1]?.lower ?? '';
      if (numberWords.ones.has(next) || numberWords.tens.has(next)) {
        j++;
        continue;
      }
    }
    break;
  }
  if (!seen) return null;
  // "one and a half", "two and a half million" (the scale is read after)
  if (tokens[j]?.lower === 'and' && tokens[j + 1]?.lower === 'a' && tokens[j + 2]?.lower === 'half') {
    return { start: i, end: j + 3, value: total + current + 0.5, form: 'words' };
  }
  return { start: i, end: j, value: total + current, form: 'words' };
}

/** "two-thirds", "a quarter", "half", "one-third", "three quarters". Value as a share of 1. */
function fractionWordsAt(tokens: Token[], i: number): NumberMatch | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.lower === 'half') return { start: i, end: i + 1, value: 0.5, form: 'fraction' };
  const numerator =
    t.lower === 'a' || t.lower === 'an' ? 1 : numberWords.ones.get(t.lower);
  if (numerator === undefined || numerator === 0 || numerator > 9) return null;
  let j = i + 1;
  if (isHyphen(tokens[j]) && isGlued(tokens, j) && isGlued(tokens, j + 1)) j++;
  const share = numberWords.fractions.get(tokens[j]?.lower ?? '');
  if (share === undefined) return null;
  // "a half" is not how English writes it; "one half" is.
  if (share === 0.5 && (t.lower === 'a' || t.lower === 'an')) return null;
  return { start: i, end: j + 1, value: numerator * share, form: 'fraction' };
}

/** "3/4", "1/2": a digit fraction (a share of 1); "24/7" and "9/11" are not. */
function digitFractionAt(tokens: Token[], i: number): NumberMatch | null {
  const [n, slash, d] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (n?.kind !== 'number' || slash?.text !== '/' || slash.spaced || d?.kind !== 'number' || d.spaced) return null;
  if (!/^\d$/.test(n.text) || !/^(?:2|3|4|5|8|10|16)$/.test(d.text) || Number(n.text) >= Number(d.text)) return null;
  if (tokens[i + 3]?.text === '/' || tokens[i - 1]?.text === '/') return null;
  return { start: i, end: i + 3, value: Number(n.text) / Number(d.text), form: 'fraction' };
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
  return { start: first.start, end: second.end, value: first.value / second.value, form: 'fraction' };
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
  return digits === '' ? whole : { ...whole, end: j, value: whole.value + Number(`0.${digits}`) };
}

/** The figure that starts at token i, with an optional minus sign ("-4"). */
export function numberAt(tokens: Token[], i: number): NumberMatch | null {
  const t = tokens[i];
  if (!t) return null;
  if ((t.text === '-' || t.text === '−') && tokens[i + 1]?.kind === 'number' && isGlued(tokens, i + 1)) {
    const before = tokens[i - 1];
    // A minus sign stands apart from the word before it: "to -4", not "AT-4".
    if (t.spaced || !before) {
      const n = digitsAt(tokens, i + 1);
      return n && { ...n, start: i, value: -n.value };
    }
    return null;
  }
  // "minus 5", "minus one"
  if (t.lower === 'minus' || t.lower === 'negative') {
    const n = tokens[i + 1]?.kind === 'number' ? digitsAt(tokens, i + 1) : wordsAt(tokens, i + 1);
    return n && { ...n, start: i, value: -n.value };
  }
  // ".08": a decimal written without its zero
  if (t.text === '.' && (t.spaced || i === 0) && tokens[i + 1]?.kind === 'number' && isGlued(tokens, i + 1) && /^\d+$/.test(tokens[i + 1]!.text)) {
    return { start: i, end: i + 2, value: Number(`0.${tokens[i + 1]!.text}`), form: 'digits' };
  }
  const whole = t.kind === 'number' ? digitFractionAt(tokens, i) ?? digitsAt(tokens, i) : t.kind === 'word' ? fractionWordsAt(tokens, i) ?? wordsAt(tokens, i) : null;
  if (!whole) return null;
  if (whole.form === 'fraction') return whole;
  const withDecimals = whole.form === 'words' ? spelledDecimal(tokens, whole) : whole;
  return ratioAt(tokens, withDecimals) ?? withDecimals;
}
