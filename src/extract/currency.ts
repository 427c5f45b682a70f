import { currencyCodes, currencySymbols } from '../lexicon/index.ts';
import type { Token } from '../model.ts';
import { gluedAt as glued } from '../tokens.ts';

/**
 * A currency sign before a figure. A one-letter prefix ("A$", "C$", "S$") counts only
 * glued and in capitals: "a $48.2 million contract" is dollars, not Australian dollars.
 */
export function currencySignAt(tokens: Token[], i: number): { code: string; end: number } | null {
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
export const codeOf = (text: string) => (currencyCodes.has(text) ? (text === 'RMB' ? 'CNY' : text) : null);
