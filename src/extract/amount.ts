import { currencyCodes, currencySubunits, numberWords, qualifierPhrases, unitPhrases } from '../lexicon/index.ts';
import type { Amount, Token } from '../model.ts';
import { gluedAt as glued } from '../tokens.ts';
import { andFractionAt, endsClause, numberAt } from './numbers.ts';
import { scaleAfter } from './scale.ts';
import { currencySignAt, codeOf } from './currency.ts';
import { suffixAfter, compoundPartAt } from './suffix.ts';
import type { Suffix } from './suffix.ts';

/** A figure with scale, currency and unit: "$2.3 billion", "3.5 billion dlr", "155 square kilometers", "12%". */
export function amountAt(tokens: Token[], i: number): { start: number; end: number; amount: Amount; suffix: Suffix | null; currency: string | null } | null {
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
  let andFraction: number | null = null;
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
      andFraction = plus.value;
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
  // "3 million and a half": a fraction of the scale
  const parts: Amount['parts'] = andFraction === null ? [] : [{ value: andFraction, scale }];
  // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
  if (suffix?.currency && !suffix.subunit) {
    const from = tokens[end]?.lower === 'and' ? end + 1 : end;
    const cents = numberAt(tokens, from);
    const sub = cents && currencySubunits.matchAt(tokens, cents.end);
    if (cents && sub && sub.value === suffix.currency && cents.value < 100) {
      parts.push({ value: cents.value, scale: 0.01 });
      end = sub.end;
    }
  }
  // "5 ft 2 in": one measure in two units
  if (suffix?.unit && scale === 1 && !(suffixStart > number.end)) {
    const part = compoundPartAt(tokens, end, suffix.unit);
    if (part) {
      parts.push({ value: part.value, scale: part.scale });
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
  return { start, end, amount: { number, scale, scaleCarried: false, parts }, suffix, currency };
}
