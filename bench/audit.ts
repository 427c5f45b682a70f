// `make audit [SEED=n] [ROWS=100]`: a seeded random sample of the facts the extractor
// finds on the BBC, Reuters-21578 and modern corpora (../shared/data/news), written to
// tests/audit/sample-<seed>.csv with one empty verdict column per attribute for a judge
// to fill (tests/audit/README.md says how). `make eval` scores every judged sample.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { extractFacts } from '../src/extractFacts.ts';
import { AUDIT_VERDICTS } from '../src/evaluate/scoreAudit.ts';
import type { Document, Fact } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';
import { documentId } from '../src/text/ids.ts';
import { publishedDate } from '../src/ingest/publishedDate.ts';
import { mulberry32 } from '../tests/fuzz/generate.ts';
import { corpusDocuments } from './corpus.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const MODERN = new URL('../../shared/data/news/modern/articles.jsonl', import.meta.url).pathname;

function* modernDocuments(): Generator<Document> {
  for (const line of readFileSync(MODERN, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; title: string | null; published: string | null; text: string };
    yield { doc_id: documentId(r.id, r.text), source: r.id, title: r.title, published: publishedDate(r.published), text: r.text };
  }
}

const corpusOf = (doc: Document) => (doc.source.startsWith('bbc-') ? 'BBC' : doc.source.startsWith('reuters') ? 'Reuters' : 'modern');

/** Reservoir samples of `size` facts per corpus: every fact of a corpus is equally likely. */
class Reservoir {
  readonly rows: { doc: Document; fact: Fact }[] = [];
  private seen = 0;
  constructor(private readonly size: number, private readonly next: () => number) {}
  offer(doc: Document, fact: Fact): void {
    this.seen++;
    if (this.rows.length < this.size) this.rows.push({ doc, fact });
    else {
      const k = Math.floor(this.next() * this.seen);
      if (k < this.size) this.rows[k] = { doc, fact };
    }
  }
}

async function main(): Promise<void> {
  const seed = Number(process.env.SEED ?? Math.floor(Math.random() * 1e6));
  const total = Number(process.env.ROWS ?? 100);
  const next = mulberry32(seed);
  // Equal shares of the three corpora: Reuters alone holds nine facts in ten.
  const sizes = { BBC: Math.ceil(total / 3), Reuters: Math.floor(total / 3), modern: total - Math.ceil(total / 3) - Math.floor(total / 3) };
  const reservoirs = { BBC: new Reservoir(sizes.BBC, next), Reuters: new Reservoir(sizes.Reuters, next), modern: new Reservoir(sizes.modern, next) };
  const lean = (doc: Document): Document => ({ ...doc, text: '' });
  const take = (doc: Document) => {
    for (const fact of extractFacts(parseDocument(doc))) reservoirs[corpusOf(doc)].offer(lean(doc), fact);
  };
  for await (const doc of corpusDocuments()) take(doc);
  for (const doc of modernDocuments()) take(doc);
  const rows = Object.entries(reservoirs).flatMap(([corpus, r]) =>
    r.rows.map(({ doc, fact: f }) => ({
      corpus,
      source: doc.source,
      fact_id: f.fact_id,
      sentence_text: f.sentence_text,
      mention: f.mention,
      value: f.value,
      low: f.low,
      high: f.high,
      qualifier: f.qualifier,
      quantity_type: f.quantity_type,
      unit: f.unit,
      object: f.object,
      category: f.category,
      speaker: f.speaker,
      period_text: f.period_text,
      period_start: f.period_start,
      period_end: f.period_end,
      predicate: f.predicate,
      aspect: f.aspect,
      direction: f.direction,
      status: f.status,
      published: doc.published,
      ...Object.fromEntries(AUDIT_VERDICTS.map((v) => [`ok_${v}`, ''])),
      note: '',
    })),
  );
  const dir = join(ROOT, 'tests/audit');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const path = join(dir, `sample-${seed}.csv`);
  writeFileSync(path, Papa.unparse(rows, { newline: '\n' }) + '\n');
  process.stdout.write(`audit: ${rows.length} rows (seed ${seed}: ${sizes.BBC} BBC, ${sizes.Reuters} Reuters, ${sizes.modern} modern) in ${path}\n`);
}

await main();
