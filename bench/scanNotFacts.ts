// `make scan`: runs the extractor over the BBC, Reuters-21578 and modern corpora and counts
// the rows that fall in one of the known error classes (SPEC.md's not-facts and the classes
// of the "Rows an analyst can trust" issue), with examples, so a regression shows up on real
// text, not only in the unit tests. Every check reads the row and its text, never the rule.
import { readFileSync } from 'node:fs';
import { extractFacts } from '../src/extractFacts.ts';
import { usdPerUnit } from '../src/lexicon/index.ts';
import type { Document, Fact } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';
import { documentId } from '../src/text/ids.ts';
import { publishedDate } from '../src/ingest/publishedDate.ts';
import { corpusDocuments } from './corpus.ts';

const MODERN = new URL('../../shared/data/news/modern/articles.jsonl', import.meta.url).pathname;
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const NUMBER_WORD = '(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Hundred|Thousand)';
const DURATION_UNITS = new Set(['yr', 'mo', 'wk', 'd', 'h', 'min']);

interface Row {
  fact: Fact;
  before: string;
  after: string;
  doc: Document;
  sentence: Fact[];
}

const checks: { name: string; test: (r: Row) => boolean }[] = [
  { name: 'year', test: ({ fact }) => /^(?:1[89]\d\d|20\d\d)$/.test(fact.mention) },
  { name: 'date', test: ({ fact, before, after }) => /^\d{1,2}$/.test(fact.mention) && (new RegExp(`${MONTH}\\s*$`).test(before) || new RegExp(`^\\s*(?:of\\s+)?${MONTH}\\b`).test(after)) },
  { name: 'designator', test: ({ fact, before, after }) => (/^\d/.test(fact.mention) && /[A-Za-z]-?$/.test(before)) || (/^[A-Za-z]/.test(after) && !/^(?:bn|m|mln|k|p|s|pc|pct|st|nd|rd|th)\b/.test(after) && /^\d/.test(fact.mention)) },
  { name: 'time', test: ({ fact, after }) => /^\d{1,4}$/.test(fact.mention) && /^\s*(?:GMT|[ap]\.?m\.?\b|hrs\b)/.test(after) },
  { name: 'clock time (09:30, 00:00)', test: ({ fact, before, after }) => /\d:\d\d/.test(fact.mention) || (/^\d{1,2}$/.test(fact.mention) && (/^:\d\d/.test(after) || /\d{1,2}:$/.test(before))) },
  { name: 'year or date glued into a range', test: ({ fact, before }) => fact.qualifier === 'range' && (/\b(?:1[89]\d\d|20\d\d)\b/.test(fact.mention.replace(/,\d{3}/g, '')) || new RegExp(`\\b${MONTH}\\s*$`).test(before) || new RegExp(`\\b${MONTH}\\b`).test(fact.mention)) },
  { name: 'number inside a name, title or model (Six Nations, A380, Air Force One, 100m hurdles, number six)', test: ({ fact, before, after }) =>
    (new RegExp(`^${NUMBER_WORD}$`).test(fact.mention) && /^\s+[A-Z][a-z]/.test(after) && /[a-z,]\s+$/.test(before)) ||
    /\bForce\s+$/.test(before) ||
    (/^\d+$/.test(fact.mention) && /\b(?:Boeing|Airbus|Tupolev|Ilyushin|Antonov|Cessna|Embraer)\s+A?$|\b[A-Z]{1,2}$/.test(before)) ||
    (/^\d+m?$/.test(fact.mention) && /^m?\s+(?:hurdles|final|freestyle|relay|sprint|backstroke|breaststroke|butterfly|medley|dash)\b/.test(after)) ||
    /\b(?:number|No\.)\s+$/i.test(before) },
  { name: 'pronoun one', test: ({ fact, before, after }) => /^one$/i.test(fact.mention) && (/^\s+of\b/.test(after) || /^\s+[a-z]+\s+(?:said|says|told|added)\b/.test(after) || /\b(?:each|no|any|every|the|this|that|which)\s+$/i.test(before)) },
  { name: 'phrasal verb read as a qualifier (handed over 120)', test: ({ fact, before }) => /^over\s/i.test(fact.mention) && /\b(?:handed|hand|hands|handing|turned|turn|turns|took|take|taken|signed|passed|gave|given|carried|ran|run|paid|pay)\s+$/.test(before) },
  { name: 'space-grouped number (14 767)', test: ({ fact }) => /^\d{1,3}(?: \d{3})+$/.test(fact.mention) },
  { name: 'duration that scopes another figure', test: ({ fact, before, sentence }) =>
    fact.unit !== null && DURATION_UNITS.has(fact.unit) && /\b(?:over|in|during|within|for|across)\s+(?:the\s+(?:past|last|next|first)\s+)?$/i.test(before) &&
    sentence.some((f) => f !== fact && f.start < fact.start && !(f.unit !== null && DURATION_UNITS.has(f.unit))) },
  { name: 'implausible amount not flagged (over 10^14 dollars by currencies.json usdPerUnit)', test: ({ fact }) => fact.quantity_type === 'money' && !fact.rule.includes('+implausible') && Math.abs(fact.value ?? fact.high ?? fact.low ?? 0) * (usdPerUnit.get(fact.unit ?? '') ?? 1) > 1e14 },
  { name: 'implausible amount flagged (+implausible in rule)', test: ({ fact }) => fact.rule.includes('+implausible') },
  { name: 'junk object head (up, for, off, higher, new)', test: ({ fact }) => /^(?:up|for|off|higher|lower|new|down|more|less|over|than|about|around|some)$/.test(fact.object_head ?? '') },
  { name: 'speaker is a weekday, month, possessive or contraction', test: ({ fact }) => fact.speaker !== null && (new RegExp(`^(?:${WEEKDAY}|${MONTH})$`).test(fact.speaker) || /['’](?:s|ve|re|ll|d)$/.test(fact.speaker)) },
  { name: 'organisation name cut at "of" (speaker_role ends in "of")', test: ({ fact }) => /\bof$/i.test(fact.speaker_role ?? '') },
  { name: 'period that ends before it starts', test: ({ fact }) => fact.period_start !== null && fact.period_end !== null && fact.period_start > fact.period_end },
  { name: 'relative period resolved with no published date', test: ({ fact, doc }) => doc.published === null && fact.period_start !== null && !/\b(?:1[89]\d\d|20\d\d)\b/.test(fact.period_text ?? '') },
];

function* modernDocuments(): Generator<Document> {
  for (const line of readFileSync(MODERN, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; title: string | null; published: string | null; text: string };
    yield { doc_id: documentId(r.id, r.text), source: r.id, title: r.title, published: publishedDate(r.published), text: r.text };
  }
}

async function* allDocuments(): AsyncGenerator<Document> {
  yield* corpusDocuments();
  yield* modernDocuments();
}

// "wounded dozens", "forced tens of thousands to flee": a vague quantity with no "of" that no fact covers.
const bareVague = /\b(?:dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions|a half-dozen|half a dozen)\b(?!\s+of\b)/g;

const started = performance.now();
let documents = 0;
let facts = 0;
let chars = 0;
const found = new Map<string, string[]>([...checks.map((c) => [c.name, []] as [string, string[]]), ['bare vague quantity missed', []]]);
const byCategory = new Map<string, Map<string, number>>();
for await (const doc of allDocuments()) {
  documents++;
  chars += doc.text.length;
  const cps = [...doc.text];
  const all = extractFacts(parseDocument(doc));
  const corpus = doc.source.startsWith('bbc-') ? 'BBC' : doc.source.startsWith('reuters') ? 'Reuters' : 'modern';
  const counts = byCategory.get(corpus) ?? new Map<string, number>();
  byCategory.set(corpus, counts);
  for (const f of all) {
    facts++;
    counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
    // Context on the same line: in wire tables the next row's month label is no date of this figure.
    const before = cps.slice(Math.max(0, f.start - 14), f.start).join('').split('\n').pop()!;
    const after = cps.slice(f.end, f.end + 14).join('').split('\n')[0]!;
    const row: Row = { fact: f, before, after, doc, sentence: all.filter((g) => g.sentence === f.sentence) };
    for (const c of checks) {
      if (c.test(row)) found.get(c.name)!.push(`${doc.source}: …${before}[${f.mention}]${after}… (head ${f.object_head}; speaker ${f.speaker}; role ${f.speaker_role})`);
    }
  }
  const text = cps.join('');
  for (const m of text.matchAll(bareVague)) {
    const start = [...text.slice(0, m.index)].length;
    if (!all.some((f) => f.start <= start && start < f.end)) found.get('bare vague quantity missed')!.push(`${doc.source}: …${text.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\s+/g, ' ')}…`);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`scanned ${documents} documents, ${(chars / 1e6).toFixed(1)} M chars, ${facts} facts in ${seconds.toFixed(1)} s`);
console.log('\nshare of facts in `other`:');
for (const [corpus, counts] of byCategory) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`  ${corpus}: ${(((counts.get('other') ?? 0) / total) * 100).toFixed(1)}% of ${total}`);
}
const totalOther = [...byCategory.values()].reduce((n, c) => n + (c.get('other') ?? 0), 0);
console.log(`  all: ${((totalOther / facts) * 100).toFixed(1)}% of ${facts}`);
for (const [name, hits] of found) {
  console.log(`\n${name}: ${hits.length}`);
  for (const h of hits.slice(0, Number(process.env.SHOW ?? 8))) console.log(`  ${h.replace(/\s+/g, ' ')}`);
}
