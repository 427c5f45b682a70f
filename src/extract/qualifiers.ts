import { phrasalOver, qualifierPhrases, qualifierSuffixes } from '../lexicon/index.ts';
import type { QuantityMatch, Token } from '../model.ts';
import { numberAt } from './numbers.ts';
import { amountValue } from './resolveValue.ts';

/** Adds the qualifier written before the quantity ("more than", "about", "up to"). */
export function withQualifier(tokens: Token[], match: QuantityMatch, floor: number): QuantityMatch {
  if (match.qualifier === 'vague' || match.qualifier === 'range') return match;
  const qualifier = qualifierPhrases.matchBefore(tokens, match.start);
  if (!qualifier || qualifier.start < floor) return match;
  // "handed over 120 prisoners": the particle of a phrasal verb is no "more than"
  if (qualifier.phrase === 'over' && phrasalOver.has(tokens[qualifier.start - 1]?.lower ?? '')) return match;
  // ">" closing a ticker ("Boeing Co <BA> 767") is no comparison: a sign must stand apart from the word before.
  if (!/\p{L}/u.test(qualifier.phrase) && qualifier.start > 0 && !tokens[qualifier.start]!.spaced) return match;
  return { ...match, start: qualifier.start, qualifier: qualifier.value, rule: `${match.rule}+qualifier` };
}

/** A qualifier written after the figure: "500 or more", "100 or less". */
export function withSuffixQualifier(tokens: Token[], match: QuantityMatch): QuantityMatch {
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
export function joinBounds(found: QuantityMatch[], tokens: Token[]): QuantityMatch[] {
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
    const value = (m: QuantityMatch | undefined) => (m ? amountValue(m.amounts[0]!) : NaN);
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
