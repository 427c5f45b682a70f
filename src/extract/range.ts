import { notFactWords, qualifierPhrases, wordList } from '../lexicon/index.ts';
import type { Qualifier, QuantityMatch, Token } from '../model.ts';
import { gluedAt as glued } from '../tokens.ts';
import { amountAt } from './amount.ts';
import { amountValue } from './resolveValue.ts';

const rangeConnectors: ReadonlySet<string> = wordList('quantity', 'rangeConnectors');
// After these a "32,000 to 1.41 million" is a change and its result, not a range.
const changeWords: ReadonlySet<string> = wordList('quantity', 'changeWords');

function isChangeContext(tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    const w = tokens[k]!.lower;
    if (changeWords.has(w)) return true;
    if (w !== 'by' && w !== 'from' && !qualifierPhrases.matchAt(tokens, k)) return false;
  }
  return false;
}

export function buildMatch(
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
export function rangeAt(tokens: Token[], i: number): QuantityMatch | null {
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

const isYear = (tokens: Token[], part: NonNullable<ReturnType<typeof amountAt>>) =>
  part.amount.scale === 1 && part.currency === null && !part.suffix && /^(?:1[89]\d\d|20\d\d)$/.test(tokens[part.amount.number.start]?.text ?? '');

function orderedRange(
  tokens: Token[],
  start: number,
  parts: NonNullable<ReturnType<typeof amountAt>>[],
  rule: string,
): QuantityMatch | null {
  const [first, second] = parts as [NonNullable<ReturnType<typeof amountAt>>, NonNullable<ReturnType<typeof amountAt>>];
  // "rose from 1.2 mln in 1987 to 1.45 mln tonnes", "on Feb 25 to 4.151 billion dlrs": a year, or a day
  // after its month, ends a date, not a range.
  if (isYear(tokens, first) || isYear(tokens, second) || notFactWords.months.has(tokens[start - 1]?.lower.replace(/\.$/, '') ?? '')) return null;
  // "rose 6.2% to $1.45 billion" is a change and its result: ends in different units are no range.
  const unitOf = (p: typeof first) => p.currency ?? p.suffix?.currency ?? p.suffix?.unit ?? null;
  if (unitOf(first) !== null && unitOf(second) !== null && unitOf(first) !== unitOf(second)) return null;
  if (unitOf(first) !== null && unitOf(second) === null && first.amount.scale === 1) return null;
  // "3 to 4 million": the scale of the upper end carries to the lower, when the lower end read in it stays below.
  // (This finds the scale the text leaves out; the resolver applies it.)
  const carried = first.amount.scale === 1 && second.amount.scale > 1 && amountValue(first.amount) * second.amount.scale < amountValue(second.amount);
  const lower = carried ? { ...first, amount: inScale(first.amount, second.amount.scale) } : first;
  if (!(amountValue(second.amount) > amountValue(lower.amount))) return null;
  return buildMatch(start, second.end, lower.start, second.end, [lower, second], 'range', rule);
}

/** An unscaled end read in a carried scale, with the parts written after its figure: "3.50 to 4 million". */
const inScale = (amount: NonNullable<ReturnType<typeof amountAt>>['amount'], scale: number): NonNullable<ReturnType<typeof amountAt>>['amount'] => ({ ...amount, scale, scaleCarried: true, parts: amount.parts.map((part) => ({ ...part, scale: part.scale * scale })) });

/** A figure at token i, possibly the first end of a range. */
export function singleOrRangeAt(tokens: Token[], i: number): QuantityMatch | null {
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
