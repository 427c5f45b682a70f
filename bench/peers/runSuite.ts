// The generic runner: every case of a suite through the extractor, matched against what
// the peer expects, with the cases and results out of scope set aside.
import { factsOf } from '../../tests/helpers.ts';
import { CodePointText } from './codePointText.ts';
import { diagnose, falsePositiveTag, overlaps } from './diagnose.ts';
import { factMatches } from './matching.ts';
import type { BenchCase, CaseResult, Expected, Failure, ScopeFile, SuiteAdapter, SuiteResult } from './records.ts';
import { scopeOf, type CaseScope } from './scope.ts';

function runCase(suite: SuiteAdapter, bench: BenchCase, scope: CaseScope | undefined): CaseResult {
  const facts = factsOf(bench.input);
  const text = new CodePointText(bench.input);
  const matched = (e: Expected) => facts.some((f) => factMatches(f, e, text, suite.spanPolicy));
  const negative = bench.expected.length === 0;
  const relevant = facts.filter(suite.relevant);

  const passRaw = negative ? relevant.length === 0 : bench.expected.every(matched);

  const kept = bench.expected.filter((e) => !scope?.dropped.has(e.text.toLowerCase()));
  const droppedTexts = bench.expected.filter((e) => !kept.includes(e)).map((e) => e.text);
  const outOfScope = scope?.whole ?? (!negative && kept.length === 0 ? [...scope!.dropped.values()][0]! : null);
  for (const e of kept) {
    if (!e.target && !outOfScope) throw new Error(`${suite.id} #${bench.index}: expected "${e.text}" states no figure; list it in peers-scope.json`);
  }

  const failures: Failure[] = negative
    ? relevant.map((f) => ({ kind: 'false positive' as const, tag: falsePositiveTag(bench.input, f), expected: null, produced: [f] }))
    : kept.filter((e) => !matched(e)).map((e) => diagnose(e, facts, text));
  const extras = negative ? [] : relevant.filter((f) => !kept.some((e) => overlaps(f, e)));
  return { bench, facts, outOfScope, droppedTexts, passRaw, pass: failures.length === 0, failures, extras };
}

export function runSuite(suite: SuiteAdapter, scope: ScopeFile): SuiteResult {
  const cases = suite.load();
  const scopes = scopeOf(suite.id, cases, scope);
  return { suite, cases: cases.map((c) => runCase(suite, c, scopes.get(c.index))) };
}
