import { numberWords, vagueBareAfter, vaguePhrases } from '../lexicon/index.ts';
import type { QuantityMatch, Token } from '../model.ts';
import { suffixAfter } from './suffix.ts';

/** "thousands of", "tens of thousands of tonnes", "several", "dozens of". */
export function vagueAt(tokens: Token[], i: number): QuantityMatch | null {
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
  } else {
    // "hundreds were killed", "wounded dozens", "affecting millions", "forced tens of thousands to flee":
    // a bare phrase counts where it stands as a noun; "thousands" before anything else is too loose.
    const afterVerb = previous?.kind === 'word' && /^\p{Ll}+(?:ed|ing)$/u.test(previous.text);
    if (!(next.kind === 'word' && vagueBareAfter.has(next.lower)) && !afterVerb) return null;
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
