import type { BenchCase, ScopeFile } from './records.ts';

export interface CaseScope {
  /** Reason key when the whole case is out of scope. */
  whole: string | null;
  /** Expected texts (lower case) out of scope, with their reason. */
  dropped: Map<string, string>;
}

/** The cases and results of a suite that bench/peers-scope.json puts out of scope, checked against the suite's input. */
export function scopeOf(suite: string, cases: BenchCase[], scope: ScopeFile): Map<number, CaseScope> {
  const byIndex = new Map<number, CaseScope>();
  for (const entry of scope.suites[suite] ?? []) {
    const c = cases[entry.index];
    if (!c || c.input !== entry.input) throw new Error(`peers-scope.json: ${suite} #${entry.index} does not match the suite's input "${entry.input}"`);
    if (!scope.reasons[entry.reason]) throw new Error(`peers-scope.json: unknown reason "${entry.reason}"`);
    const s = byIndex.get(entry.index) ?? { whole: null, dropped: new Map<string, string>() };
    if (!entry.results) s.whole = entry.reason;
    for (const r of entry.results ?? []) {
      if (!c.expected.some((e) => e.text.toLowerCase() === r.toLowerCase())) throw new Error(`peers-scope.json: ${suite} #${entry.index} has no expected result "${r}"`);
      s.dropped.set(r.toLowerCase(), entry.reason);
    }
    byIndex.set(entry.index, s);
  }
  return byIndex;
}
