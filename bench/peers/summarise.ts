// The scores of a suite, and its failures grouped into classes.
import type { CaseResult, Failure, FailureKind, SuiteResult } from './records.ts';

export interface Summary {
  cases: number;
  inScope: number;
  passed: number;
  passedRaw: number;
  negatives: number;
  negativesWithAnyFact: number;
  notSupportedJs: number;
  notSupportedJsPassed: number;
  extras: number;
}

export function summarise({ cases }: SuiteResult): Summary {
  const inScope = cases.filter((c) => !c.outOfScope);
  const negatives = inScope.filter((c) => c.bench.expected.length === 0);
  const ns = inScope.filter((c) => c.bench.notSupportedJs);
  return {
    cases: cases.length,
    inScope: inScope.length,
    passed: inScope.filter((c) => c.pass).length,
    passedRaw: cases.filter((c) => c.passRaw).length,
    negatives: negatives.length,
    negativesWithAnyFact: negatives.filter((c) => c.facts.length > 0).length,
    notSupportedJs: ns.length,
    notSupportedJsPassed: ns.filter((c) => c.pass).length,
    extras: inScope.reduce((n, c) => n + c.extras.length, 0),
  };
}

export type ClassMember = { c: CaseResult; failure: Failure };

/** Failures grouped by what the text does (the tag); the kinds say how we got it wrong. */
export interface FailureClass {
  tag: string;
  failures: ClassMember[];
  caseCount: number;
}

export function failureClasses(cases: CaseResult[]): FailureClass[] {
  const classes = new Map<string, FailureClass>();
  for (const c of cases) {
    if (c.outOfScope || c.pass) continue;
    const seen = new Set<string>();
    for (const failure of c.failures) {
      const cls = classes.get(failure.tag) ?? { tag: failure.tag, failures: [], caseCount: 0 };
      cls.failures.push({ c, failure });
      if (!seen.has(failure.tag)) cls.caseCount++;
      seen.add(failure.tag);
      classes.set(failure.tag, cls);
    }
  }
  return [...classes.values()].sort((a, b) => b.caseCount - a.caseCount || b.failures.length - a.failures.length || a.tag.localeCompare(b.tag));
}

/** "partial 14, missed 12": how the failures of a class went wrong. */
export function kindCounts(cls: FailureClass): string {
  const counts = new Map<FailureKind, number>();
  for (const { failure } of cls.failures) counts.set(failure.kind, (counts.get(failure.kind) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
}

/** Examples of a class: one per kind first, then in order; distinct cases where possible. */
export function examples(cls: FailureClass, n: number): ClassMember[] {
  const picked: ClassMember[] = [];
  const take = (m: ClassMember) => picked.length < n && !picked.includes(m) && picked.push(m);
  const kinds = new Set<FailureKind>();
  for (const m of cls.failures) if (!kinds.has(m.failure.kind)) kinds.add(m.failure.kind) && take(m);
  const cases = new Set(picked.map((m) => m.c));
  for (const m of cls.failures) if (!cases.has(m.c)) cases.add(m.c) && take(m);
  for (const m of cls.failures) take(m);
  return picked;
}
