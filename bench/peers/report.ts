// bench/peers.md: the table of suites, the scoring rules, and per suite its scope, failure
// classes with examples, and extra facts.
import type { CaseResult, ScopeFile, SuiteResult } from './records.ts';
import { describeFact, describeFailure, detailList, excerpt, pct, quote } from './describe.ts';
import { examples, failureClasses, kindCounts, summarise, type FailureClass } from './summarise.ts';

const MAX_CLASSES = 10;
const EXAMPLES_PER_CLASS = 3;

export function tableRow(r: SuiteResult): string[] {
  const s = summarise(r);
  const target = r.suite.target === undefined ? '–' : `≥${r.suite.target * 100}% ${s.inScope && s.passed / s.inScope >= r.suite.target ? 'met' : 'not met'}`;
  return [r.suite.id, String(s.cases), String(s.inScope), String(s.passed), pct(s.passed, s.inScope), String(s.passedRaw), pct(s.passedRaw, s.cases), String(s.extras), target];
}

const TABLE_HEAD = ['suite', 'cases', 'in scope', 'passed', 'share in scope', 'passed (all, full gold)', 'share overall', 'extra facts', 'target'];

function markdownTable(rows: string[][]): string[] {
  return [`| ${TABLE_HEAD.join(' | ')} |`, `|${TABLE_HEAD.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function plainTable(rows: string[][]): string {
  const all = [TABLE_HEAD, ...rows];
  const widths = TABLE_HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

const RULES = [
  'A case passes when every expected result (minus those out of scope) has a fact of ours that matches it, and, for a case with empty `Results`, when we produce no fact of the kind the peer reports (column "relevant" below).',
  'Value: relative tolerance 1e-6. Percent: 12 for "12%". NumberRange: interval notation; a two-sided interval matches our `low`/`high` (open or closed ends not compared, peers differ on them), a one-sided one also needs the qualifier (`(30,)` more_than, `[30,)` at_least, `(,30)` less_than, `(,30]` at_most), a degenerate `[20,20]` an exact 20. quantulum3 ranges (value ± uncertainty) match our `low`/`high`.',
  'Unit: Currency needs our ISO code to equal the peer\'s `isoCurrency`; without one the peer\'s name is mapped (`Dollar` any dollar code, `Pound` GBP, `Franc` any franc, `Cent` USD/EUR × 0.01 so "50 cents" = 0.5 USD, `Pence`/`Penny` GBP × 0.01). Dimension and quantulum3 unit names are mapped to our symbols (tables in bench/peers/units.ts; units our lexicon lacks get their usual symbol). quantulum3 `dimensionless` needs a plain count (a fraction may also be our percent × 100: "two thirds" = 66.67 %); `dozen` = count × 12. Number: any unit (the model also reports the number inside "$20" and "3 years"); a fraction may be our percent × 100.',
  'Span (offsets converted to code points): exact, or our span = a qualifier phrase + the expected span ("about $ 14 million" for "$ 14 million"), or the expected span = a qualifier/equality phrase + ours ("equal to 20" for "20"), or our range contains the expected figure as one of its ends ("eight to 10 feet" for "10 feet"), or our span adds a rate ("500,000 barrels a day" for "500,000 barrels"). Number and NumberRange (whose spans leave units out): our span may contain the expected one ("$20" for "20", "more than thirty years" for "more than thirty").',
  'quantulum3 gives no offsets: each `surface` is located in order in the input (whole-token occurrences first).',
  'Extra facts: facts of the relevant kind in in-scope positive cases that overlap no in-scope expected span. Reported, never failed.',
  '"share overall" scores every case against the full peer gold (nothing out of scope); "share in scope" scores the in-scope cases with out-of-scope results removed. Cases marked NotSupported for javascript upstream stay in scope and are counted separately.',
];

function suiteSection(r: SuiteResult): string[] {
  const s = summarise(r);
  const lines = [`## ${r.suite.id}`, '', `Source: \`${r.suite.file}\`. Relevant facts: ${r.suite.relevantDoc}.`, ''];
  lines.push(`- ${s.cases} cases, ${s.inScope} in scope, ${s.passed} passed (${pct(s.passed, s.inScope)} in scope; ${s.passedRaw} = ${pct(s.passedRaw, s.cases)} of all cases against the full gold).`);
  if (s.negatives) lines.push(`- Negative cases (empty \`Results\`) in scope: ${s.negatives}; under the strict reading "no fact at all" ${s.negativesWithAnyFact} of them would fail.`);
  if (s.notSupportedJs) lines.push(`- In scope and NotSupported for javascript upstream: ${s.notSupportedJs}, of which we pass ${s.notSupportedJsPassed}.`);
  const outOfScope = r.cases.filter((c) => c.outOfScope);
  const byReason = new Map<string, CaseResult[]>();
  for (const c of outOfScope) byReason.set(c.outOfScope!, [...(byReason.get(c.outOfScope!) ?? []), c]);
  if (outOfScope.length) {
    const parts = [...byReason.entries()].map(([reason, cs]) => `${reason} ${cs.length} (we pass ${cs.filter((c) => c.passRaw).length})`);
    lines.push(`- Out of scope: ${outOfScope.length} cases — ${parts.join(', ')}.`);
  }
  const partial = r.cases.filter((c) => !c.outOfScope && c.droppedTexts.length);
  if (partial.length) lines.push(`- In-scope cases with some results out of scope: ${partial.map((c) => `#${c.bench.index} (${c.droppedTexts.map(quote).join(', ')})`).join(', ')}.`);

  const classes = failureClasses(r.cases);
  lines.push('', `### Failure classes (${r.cases.filter((c) => !c.outOfScope && !c.pass).length} failing in-scope cases)`, '');
  if (!classes.length) lines.push('None.');
  for (const cls of classes.slice(0, MAX_CLASSES)) {
    const results = cls.failures.length > cls.caseCount ? `, ${cls.failures.length} results` : '';
    lines.push(`- **${cls.tag}**: ${cls.caseCount} case${cls.caseCount === 1 ? '' : 's'}${results} (${kindCounts(cls)})${detailList(cls)}`);
    lines.push(...examples(cls, EXAMPLES_PER_CLASS).map(describeFailure));
  }
  const rest = classes.slice(MAX_CLASSES);
  if (rest.length) {
    const cases = (cls: FailureClass) => [...new Set(cls.failures.map((f) => `#${f.c.bench.index}`))].join(', ');
    lines.push(`- Further classes: ${rest.map((cls) => `${cls.tag} (${kindCounts(cls)}: ${cases(cls)})`).join('; ')}.`);
  }

  const extras = r.cases.filter((c) => !c.outOfScope && c.extras.length);
  if (extras.length) {
    lines.push('', `### Extra facts (${s.extras}, not failed)`, '');
    for (const c of extras.slice(0, 8)) lines.push(`- #${c.bench.index} ${excerpt(c.bench.input, c.extras[0]!)}: ${c.extras.map(describeFact).join('; ')}`);
    if (extras.length > 8) lines.push(`- … and ${extras.slice(8).reduce((n, c) => n + c.extras.length, 0)} more in ${extras.length - 8} cases.`);
  }
  lines.push('');
  return lines;
}

export function report(results: SuiteResult[], scope: ScopeFile): string {
  const rows = results.map(tableRow);
  const lines = ['# Peer test suites', '', 'Our extractor scored on the English test suites of microsoft/Recognizers-Text and nielstron/quantulum3 (`../shared/data/peers/`, see SOURCES.md there). Generated by `npx tsx bench/peers.ts`; the cases judged out of scope for a news-fact extractor, each with its reason, are in `bench/peers-scope.json`.', ''];
  lines.push(...markdownTable(rows), '');
  lines.push('## How cases are scored', '', ...RULES.map((r) => `- ${r}`), '');
  lines.push('Out-of-scope reasons:', '', ...Object.entries(scope.reasons).map(([k, v]) => `- \`${k}\`: ${v}`), '');
  for (const r of results) lines.push(...suiteSection(r));
  return lines.join('\n');
}
