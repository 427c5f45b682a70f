// How facts, expected results and failures are written in the report.
import type { Fact } from '../../src/model.ts';
import { CodePointText } from './codePointText.ts';
import type { Expected } from './records.ts';
import type { ClassMember, FailureClass } from './summarise.ts';

export const pct = (n: number, d: number) => (d === 0 ? '–' : `${((n / d) * 100).toFixed(1)}%`);
const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(10))));
export const quote = (s: string) => `\`${s.replace(/`/g, "'").replace(/\s+/g, ' ')}\``;

export function describeFact(f: Fact): string {
  const unit = f.unit ? ` ${f.unit}` : '';
  let value: string;
  if (f.qualifier === 'range') value = `${f.low === null ? '?' : num(f.low)}–${f.high === null ? '?' : num(f.high)}`;
  else if (f.value === null) value = `≥${f.low === null ? '?' : num(f.low)}`;
  else value = num(f.value);
  const qualifier = f.qualifier === 'exact' ? '' : ` (${f.qualifier})`;
  return `${quote(f.mention)} = ${value}${unit}${qualifier}`;
}

function describeTarget(e: Expected): string {
  const t = e.target;
  if (!t) return `${quote(e.text)} (no figure)`;
  const units = e.units.filter((u) => !u.alt && u.unit !== '*' && u.unit !== null).map((u) => (u.factor === 1 ? u.unit : `${u.unit}×${u.factor}`));
  const unit = units.length ? ` ${units.slice(0, 3).join('|')}` : '';
  if (t.kind === 'point') return `${quote(e.text)} = ${num(t.value)}${unit}`;
  const lo = t.low === null ? '' : num(t.low);
  const hi = t.high === null ? '' : num(t.high);
  return `${quote(e.text)} = ${t.lowOpen ? '(' : '['}${lo},${hi}${t.highOpen ? ')' : ']'}${unit}`;
}

/** The input, shortened around the span of interest. */
export function excerpt(input: string, at: { start: number; end: number } | null): string {
  const text = new CodePointText(input);
  const chars = [...input];
  if (chars.length <= 140 || !at) return quote(chars.length <= 140 ? input : chars.slice(0, 140).join('') + '…');
  const from = Math.max(0, at.start - 60);
  const to = Math.min(chars.length, at.end + 60);
  return quote(`${from > 0 ? '…' : ''}${text.slice(from, to)}${to < chars.length ? '…' : ''}`);
}

export function describeFailure({ c, failure }: ClassMember): string {
  const where = failure.expected ?? failure.produced[0] ?? null;
  const produced = failure.produced.length ? failure.produced.map(describeFact).join('; ') : 'nothing';
  const expected = failure.expected ? describeTarget(failure.expected) : 'nothing';
  const js = c.bench.notSupportedJs ? ' (upstream: NotSupported javascript)' : '';
  return `  - ${failure.kind}: #${c.bench.index} ${excerpt(c.bench.input, where)}${js} — expected ${expected}; produced ${produced}`;
}

/** The distinct details of a class, most frequent first: "cubic feet ×2, ml". */
export function detailList(cls: FailureClass): string {
  const counts = new Map<string, number>();
  for (const { failure } of cls.failures) if (failure.detail) counts.set(failure.detail, (counts.get(failure.detail) ?? 0) + 1);
  if (!counts.size) return '';
  const items = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([d, n]) => `${quote(d)}${n > 1 ? ` ×${n}` : ''}`);
  return ` — ${items.join(', ')}`;
}
