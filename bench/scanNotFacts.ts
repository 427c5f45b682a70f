// `make scan`: runs the extractor over the whole news corpus and prints every fact that
// looks like one of SPEC.md's not-facts (a year, a date, a designator, a time), so a
// regression in the not-fact rules shows up on real text, not only on the unit tests.
import { extractFacts } from '../src/extractFacts.ts';
import { parseDocument } from '../src/text/parseDocument.ts';
import { corpusDocuments } from './corpus.ts';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const checks: { name: string; test: (mention: string, before: string, after: string) => boolean }[] = [
  { name: 'year', test: (m) => /^(?:1[89]\d\d|20\d\d)$/.test(m) },
  { name: 'date', test: (m, before, after) => /^\d{1,2}$/.test(m) && (new RegExp(`${MONTH}\\s*$`).test(before) || new RegExp(`^\\s*(?:of\\s+)?${MONTH}\\b`).test(after)) },
  { name: 'designator', test: (m, before, after) => /^\d/.test(m) && /[A-Za-z]-?$/.test(before) || /^[A-Za-z]/.test(after) && !/^(?:bn|m|mln|k|p|s|pc|pct|st|nd|rd|th)\b/.test(after) && /^\d/.test(m) },
  { name: 'time', test: (m, _b, after) => /^\d{1,4}$/.test(m) && /^\s*(?:GMT|[ap]\.?m\.?\b|hrs\b)|^:\d\d/.test(after) },
];

const started = performance.now();
let documents = 0;
let facts = 0;
let chars = 0;
const found = new Map<string, string[]>(checks.map((c) => [c.name, []]));
for await (const doc of corpusDocuments()) {
  documents++;
  chars += doc.text.length;
  for (const f of extractFacts(parseDocument(doc))) {
    facts++;
    // Context on the same line: in wire tables the next row's month label is no date of this figure.
    const before = doc.text.slice(Math.max(0, f.start - 12), f.start).split('\n').pop()!;
    const after = doc.text.slice(f.end, f.end + 12).split('\n')[0]!;
    for (const c of checks) {
      if (c.test(f.mention, before, after)) found.get(c.name)!.push(`${doc.source}: …${before}[${f.mention}]${after}…`);
    }
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`scanned ${documents} documents, ${(chars / 1e6).toFixed(1)} M chars, ${facts} facts in ${seconds.toFixed(1)} s (${(chars / 1e6 / seconds).toFixed(2)} M chars/s, one core)`);
for (const [name, hits] of found) {
  console.log(`\n${name}: ${hits.length}`);
  for (const h of hits.slice(0, Number(process.env.SHOW ?? 15))) console.log(`  ${h.replace(/\s+/g, ' ')}`);
}
