import { attachedOnlyUnits, compoundUnits, currencyCodes, currencyNationalities, currencySubunits, currencySymbols, currencyWords, dimensionWords, numberWords, percentWords, pointWords, unitPhrases, wordList } from '../lexicon/index.ts';
import type { Token } from '../model.ts';
import { gluedAt as glued } from '../tokens.ts';
import { numberAt } from './numbers.ts';
import { codeOf } from './currency.ts';

// "five pounds of explosives", "weighs 25 pounds", "lost 20 pounds": a weight, not sterling.
const weightCues: ReadonlySet<string> = wordList('quantity', 'weightCues');
function isWeight(tokens: Token[], end: number): boolean {
  if (tokens[end]?.lower === 'of' || tokens[end]?.lower === 'each') return !currencyWords.matchAt(tokens, end + 1);
  return tokens.some((t) => weightCues.has(t.lower)) && !tokens.some((t) => t.text === '£' || t.lower === 'sterling' || t.lower === 'stg');
}

export interface Suffix {
  end: number;
  currency?: string;
  subunit?: boolean;
  unit?: string;
  /** A scale inside or after the currency: "30 MUSD", "75 USD million". */
  scale?: number;
  /** The currency word as written, when no nationality qualified it ("francs"). */
  word?: string;
}

/** A currency word ("dlrs", "Iraqi dinars"), percent, or unit after the figure. */
export function suffixAfter(tokens: Token[], i: number, gluedToFigure: boolean, figureStart = -1): Suffix | null {
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

/** "5 ft 2 in", "12 m 20 cm", "5 feet and 2 inches": the smaller part of a measure in two units, and its factor to the larger unit. */
export function compoundPartAt(tokens: Token[], i: number, unit: string): { value: number; scale: number; end: number } | null {
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
  return { value: n.value, scale: factor, end: small.end };
}
