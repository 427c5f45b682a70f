// Whether a fact of ours matches an expected result: its span (by the suite's span policy),
// its unit and its value (a point within tolerance, or an interval's bounds and qualifier).
import type { Fact, Qualifier } from '../../src/model.ts';
import type { CodePointText } from './codePointText.ts';
import type { Expected, Interval, SpanPolicy, Target, UnitOption } from './records.ts';

const TOLERANCE = 1e-6;

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));

// Words that qualify a figure. Peers that leave them out of their span (Currency,
// Dimension, Percent, quantulum) still match our span that includes them, and a
// peer span that includes one ("equal to 20") matches ours without it.
const QUALIFIER_PHRASE = new RegExp(
  '^(?:' +
    [
      '(?:just |well )?(?:more|less|fewer|greater|higher|lower) th[ae]n',
      '(?:just |well )?(?:over|above|under|below)',
      'about', 'around', 'roughly', 'approximately', 'approx\\.', 'nearly', 'almost', 'some', 'circa', 'close to', 'more or less',
      '(?:an )?estimated', 'a reported',
      'at least', 'at most', 'up to', 'as (?:many|much|high|few|little) as', '(?:no|not) (?:more|less|fewer) than',
      'in excess of', 'upwards? of', 'exceeding', '(?:a )?(?:minimum|maximum) of',
      'from', 'between',
      '(?:is )?equal(?:s|ing)?(?: to)?',
    ].join('|') +
    ')$',
  'i',
);
const RATE_SUFFIX = /^\s+(?:a|an|per)\s+(?:day|week|month|year|hour)$/i;
// The other end of a range of ours, when it is a bare figure: "eight to " in "eight to 10 feet".
// A unit or symbol there ("2 % to $ 1.45 billion") means the range joins two different quantities.
const RANGE_HEAD = /^(?:between\s+|from\s+)?(?:[\p{L}\d.,-]+\s+)*?[\p{L}\d.,]+-?\s*(?:to|and|-|–)\s*$/u;
const RANGE_TAIL = /^\s*(?:to|and|-|–)\s*(?:[\p{L}\d.,-]+\s+)*?[\p{L}\d.,-]+$/u;

const isQualifierGap = (gap: string) => gap === '' || QUALIFIER_PHRASE.test(gap.trim());

/** Our range has the expected quantity at one end and a bare figure at the other ("eight to 10 feet" for "10 feet"). */
export function rangeEndsWith(f: Fact, e: Expected, text: CodePointText): boolean {
  if (f.qualifier !== 'range') return false;
  if (f.end === e.end && f.start < e.start) return RANGE_HEAD.test(text.slice(f.start, e.start));
  return f.start === e.start && f.end > e.end && RANGE_TAIL.test(text.slice(e.end, f.end));
}

function spanAccepted(f: Fact, e: Expected, text: CodePointText, policy: SpanPolicy): boolean {
  if (f.start === e.start && f.end === e.end) return true;
  const ours = f.start <= e.start && f.end >= e.end;
  // The peer's span includes a qualifier ours leaves out ("equal to 20" vs "20").
  if (f.end === e.end && e.start < f.start && isQualifierGap(text.slice(e.start, f.start))) return true;
  if (policy === 'contains') return ours;
  if (!ours) return false;
  const rightOk = f.end === e.end || RATE_SUFFIX.test(text.slice(e.end, f.end));
  return (rightOk && isQualifierGap(text.slice(f.start, e.start))) || rangeEndsWith(f, e, text);
}

// Values.

function pointMatches(f: Fact, value: number): boolean {
  if (f.value !== null && close(f.value, value)) return true;
  // One end of a range of ours ("8 to 10 feet" holds "10 feet").
  return f.qualifier === 'range' && [f.low, f.high].some((b) => b !== null && close(b, value));
}

const lowBound = (open: boolean): Qualifier => (open ? 'more_than' : 'at_least');
const highBound = (open: boolean): Qualifier => (open ? 'less_than' : 'at_most');

function intervalMatches(f: Fact, t: Interval, factor: number): boolean {
  const low = t.low === null ? null : t.low * factor;
  const high = t.high === null ? null : t.high * factor;
  if (low !== null && high !== null) {
    if (close(low, high)) return f.qualifier === 'exact' && f.value !== null && close(f.value, low);
    // Two-sided: bounds only; peers differ on whether "between 20 and 30" is [20,30] or [20,30).
    return f.low !== null && f.high !== null && close(f.low, low) && close(f.high, high);
  }
  if (low !== null) return f.high === null && f.low !== null && close(f.low, low) && f.qualifier === lowBound(t.lowOpen);
  if (high !== null) return f.low === null && f.high !== null && close(f.high, high) && f.qualifier === highBound(t.highOpen);
  return false;
}

export function valueMatches(f: Fact, target: Target, factor: number): boolean {
  return target.kind === 'point' ? pointMatches(f, target.value * factor) : intervalMatches(f, target, factor);
}

export const unitMatches = (f: Fact, u: UnitOption) => u.unit === '*' || f.unit === u.unit;

export function factMatches(f: Fact, e: Expected, text: CodePointText, policy: SpanPolicy): boolean {
  const target = e.target;
  if (!target || !spanAccepted(f, e, text, policy)) return false;
  return e.units.some((u) => unitMatches(f, u) && valueMatches(f, target, u.factor));
}
