// Scores the extractor on peers' English test suites (microsoft/Recognizers-Text,
// nielstron/quantulum3; see ../shared/data/peers/SOURCES.md) and writes bench/peers.md:
// pass shares per suite, over all cases and over the cases in scope for a news-fact
// extractor (bench/peers-scope.json), and the failure classes with examples.
//
//   cd /work/main && npx tsx bench/peers.ts
//
// One generic runner; each suite is an adapter that turns its cases into
// `BenchCase`s (expected spans in code points, a target value or interval, the
// units that count as right) and says which of our facts are of the kind the
// peer reports. The matching rules are stated in RULES (peers/report.ts) and in the report.
import { writeFileSync } from 'node:fs';
import { REPORT_FILE, SCOPE_FILE, readJson } from './peers/files.ts';
import type { ScopeFile } from './peers/records.ts';
import { plainTable, report, tableRow } from './peers/report.ts';
import { runSuite } from './peers/runSuite.ts';
import { SUITES } from './peers/suites.ts';

function main() {
  const scope = readJson<ScopeFile>(SCOPE_FILE);
  const unknown = Object.keys(scope.suites).filter((id) => !SUITES.some((s) => s.id === id));
  if (unknown.length) throw new Error(`peers-scope.json: unknown suites ${unknown.join(', ')}`);
  const results = SUITES.map((suite) => runSuite(suite, scope));
  writeFileSync(REPORT_FILE, report(results, scope));
  console.log(plainTable(results.map(tableRow)));
  console.log(`\nwrote ${REPORT_FILE}`);
}

main();
