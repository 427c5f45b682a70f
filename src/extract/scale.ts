/** Scale words after a figure: "billion", "bn", "mln", "k", "MM". */
import { numberWords, wordList } from '../lexicon/index.ts';
import type { NumberMatch, Token } from '../model.ts';
import { endsClause } from './numbers.ts';

/** The scale word after a figure: "2.3 billion", "$2.3bn", "15 mln", "10k", "US$ 1MM". */
export function scaleAfter(tokens: Token[], i: number, hasCurrency: boolean, figure?: NumberMatch): { scale: number; end: number } | null {
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
