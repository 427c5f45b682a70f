import { currencyCodes, currencySymbols, quantityWords, vaguePhrases } from '../lexicon/index.ts';
import type { QuantityMatch, Token } from '../model.ts';
import { withQualifier, withSuffixQualifier } from './qualifiers.ts';

/** Finds the quantity that begins at token i, or null: one of the pipeline's EXTRACTORS. */
export type Extractor = (tokens: Token[], i: number) => QuantityMatch | null;

// No quantity starts more than this many tokens before its first number or quantity word
// ("between U.S$ -5": opener, a currency sign of up to four tokens, a minus sign).
const MAX_LEAD = 8;

/**
 * For each token, the index of the first number or quantity word at or after it (tokens.length if none).
 * A plain array: an Int32Array of more than 16 elements gets a buffer outside the heap, 0.5 µs a sentence.
 */
function nextQuantityTokens(tokens: Token[]): number[] {
  const next = new Array<number>(tokens.length + 1);
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

/**
 * Every quantity in a sentence's tokens, left to right, not overlapping: at each
 * token where one may begin, the first extractor of the list that matches wins,
 * and the qualifier written before or after it joins the match.
 */
export function findQuantities(tokens: Token[], extractors: readonly Extractor[]): QuantityMatch[] {
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
    let match: QuantityMatch | null = null;
    for (const extract of extractors) {
      match = extract(tokens, i);
      if (match) break;
    }
    if (!match) continue;
    const qualified = withSuffixQualifier(tokens, withQualifier(tokens, match, floor));
    found.push(qualified);
    floor = qualified.end;
    i = qualified.end - 1;
  }
  return found;
}
