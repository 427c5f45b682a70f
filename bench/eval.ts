// `make eval`: scores the extractor against the hand-annotated gold articles in
// tests/gold/ and tests/gold-holdout/, and the judged random audits of corpus rows
// in tests/audit/, and writes bench/eval.md (precision, recall, F1, attribute
// accuracy, links, distinct figures, audit accuracy with 95% intervals, and every
// error, for review). Needs nothing outside the repo: gold files carry their text.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFacts } from '../src/extractFacts.ts';
import {
  ATTRIBUTES,
  CONTEXT_ATTRIBUTES,
  scoreArticle,
  scoreDistinctFigures,
  scoreLinks,
  totals,
  type ArticleScore,
  type GoldFile,
} from '../src/evaluate/scoreAgainstGold.ts';
import { auditAccuracy, readAudit, AUDIT_VERDICTS } from '../src/evaluate/scoreAudit.ts';
import type { Document, Fact } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';
import { scoreCrossDocument } from './crossDocument.ts';

const ROOT = new URL('..', import.meta.url).pathname;
// tests/gold is what the rules are developed against; tests/gold-holdout was annotated by
// someone who never ran the extractor, and its errors are not read while tuning.
const SETS = [
  { name: 'development set (tests/gold)', dir: join(ROOT, 'tests/gold'), showErrors: true },
  { name: 'held-out set (tests/gold-holdout)', dir: join(ROOT, 'tests/gold-holdout'), showErrors: false },
];
const AUDITS = join(ROOT, 'tests/audit');

const pct = (x: number) => (x * 100).toFixed(1);
const ratio = (right: number, all: number) => (all === 0 ? 1 : right / all);

export interface Scored {
  gold: GoldFile;
  facts: Fact[];
  score: ArticleScore;
}

/** The gold files of a folder, each with the extractor's facts for its text and their score. */
export function evaluateFolder(dir: string): Scored[] {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'crossdoc.json').sort() : [];
  return files.map((file) => {
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldFile;
    const doc: Document = { doc_id: gold.id, source: gold.source, title: gold.title ?? null, published: gold.published, text: gold.text };
    for (const g of gold.facts) {
      if ([...doc.text].slice(g.start, g.end).join('') !== g.mention) throw new Error(`${file}: gold offsets of "${g.mention}" do not match the text`);
    }
    const facts = extractFacts(parseDocument(doc));
    return { gold, facts, score: scoreArticle(gold, facts) };
  });
}

const corpusOf = (gold: GoldFile) => (gold.source.includes('modern') ? 'modern' : gold.source.includes('bbc') ? 'BBC' : gold.source.includes('reuters') ? 'Reuters' : 'other');

function reportSet(name: string, scored: Scored[], showErrors: boolean): string[] {
  const all = totals(scored.map((s) => s.score));
  const lines: string[] = [];
  const goldCount = scored.reduce((n, s) => n + s.gold.facts.length, 0);
  const doubtful = scored.reduce((n, s) => n + s.gold.facts.filter((f) => f.doubtful).length, 0);
  const corpora = [...new Set(scored.map((s) => corpusOf(s.gold)))].sort();
  const split = corpora.map((c) => `${scored.filter((s) => corpusOf(s.gold) === c).length} ${c}`).join(', ');
  lines.push(`## ${name}`, '');
  lines.push(`${scored.length} hand-annotated articles (${split}), ${goldCount} gold facts (${doubtful} marked doubtful: found ones count, missed ones are not held against the extractor).`, '');
  lines.push('| measure | score |', '|---|---|');
  lines.push(`| precision | ${pct(all.precision)}% |`, `| recall | ${pct(all.recall)}% |`, `| F1 | ${pct(all.f1)}% |`);
  lines.push(`| exact span (of matched) | ${pct(all.exactSpan)}% |`);
  lines.push(`| attribute accuracy (mean of ${ATTRIBUTES.join(', ')}) | ${pct(all.attributeAccuracy)}% |`);
  for (const a of [...ATTRIBUTES, ...CONTEXT_ATTRIBUTES]) lines.push(`| ${a} | ${pct(all.attributes[a])}% |`);
  const links = scored.map((s) => scoreLinks(s.gold, s.score)).reduce((a, b) => ({ gold: a.gold + b.gold, predicted: a.predicted + b.predicted, right: a.right + b.right }), { gold: 0, predicted: 0, right: 0 });
  lines.push(`| gold links (part_of, repeat_of) right | ${links.right} of ${links.gold} (${pct(ratio(links.right, links.gold))}%); precision ${pct(ratio(links.right, links.predicted))}% of ${links.predicted} |`);
  const distinct = scored.map((s) => scoreDistinctFigures(s.gold, s.facts, s.score)).reduce((a, b) => ({ gold: a.gold + b.gold, predicted: a.predicted + b.predicted, right: a.right + b.right }), { gold: 0, predicted: 0, right: 0 });
  lines.push(`| distinct figures per category (no links, actual): precision | ${pct(ratio(distinct.right, distinct.predicted))}% (${distinct.right} of ${distinct.predicted}) |`);
  lines.push(`| distinct figures per category: recall | ${pct(ratio(distinct.right, distinct.gold))}% (${distinct.right} of ${distinct.gold}) |`);
  lines.push('', '### By corpus', '', '| corpus | articles | precision | recall | F1 | attributes | object_head | category | speaker | predicate | status |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of corpora) {
    const part = scored.filter((s) => corpusOf(s.gold) === c);
    const t = totals(part.map((s) => s.score));
    lines.push(`| ${c} | ${part.length} | ${pct(t.precision)}% | ${pct(t.recall)}% | ${pct(t.f1)}% | ${pct(t.attributeAccuracy)}% | ${pct(t.attributes.object_head)}% | ${pct(t.attributes.category)}% | ${pct(t.attributes.speaker)}% | ${pct(t.attributes.predicate)}% | ${pct(t.attributes.status)}% |`);
  }
  if (!showErrors) {
    lines.push('', 'Errors of the held-out set are not listed: they are not read while tuning.', '');
    return lines;
  }
  lines.push('', '### Per article', '', '| article | gold | found | missed | spurious | precision | recall |', '|---|---|---|---|---|---|---|');
  for (const { gold, score } of scored) {
    const t = totals([score]);
    lines.push(`| ${gold.id} | ${gold.facts.length} | ${score.truePositives} | ${score.falseNegatives.length} | ${score.falsePositives.length} | ${pct(t.precision)}% | ${pct(t.recall)}% |`);
  }
  lines.push('', '### Errors', '');
  for (const { gold, score } of scored) {
    if (score.falseNegatives.length + score.falsePositives.length + score.attributeErrors.length === 0) continue;
    lines.push(`#### ${gold.id}`, '');
    for (const g of score.falseNegatives) lines.push(`- missed: \`${g.mention}\` (${g.object ?? '-'})`);
    for (const p of score.falsePositives) lines.push(`- spurious: \`${p.mention}\` [${p.rule}] in "${p.sentence_text.slice(0, 120)}"`);
    for (const e of score.attributeErrors) {
      lines.push(`- ${e.attribute} of \`${e.gold.mention}\`: expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.got)}`);
    }
    lines.push('');
  }
  return lines;
}

function reportAudits(): string[] {
  const files = existsSync(AUDITS) ? readdirSync(AUDITS).filter((f) => f.endsWith('.csv')).sort() : [];
  const lines = ['## Judged audits (tests/audit)', ''];
  const rows = files.flatMap((f) => readAudit(readFileSync(join(AUDITS, f), 'utf8')).filter((r) => r.judged));
  if (rows.length === 0) return [...lines, 'No judged audit yet.', ''];
  lines.push(`${rows.length} judged rows from ${files.length} samples (${files.join(', ')}). Accuracy with its Wilson 95% interval; each attribute is judged on the rows that are real facts.`, '');
  lines.push('| attribute | right | judged | accuracy | 95% interval |', '|---|---|---|---|---|');
  for (const verdict of [...AUDIT_VERDICTS, 'whole_row'] as const) {
    const a = auditAccuracy(rows, verdict);
    lines.push(`| ${verdict} | ${a.right} | ${a.judged} | ${pct(a.accuracy)}% | ${pct(a.low)}–${pct(a.high)}% |`);
  }
  lines.push('');
  return lines;
}

async function report(): Promise<string> {
  const lines: string[] = ['# Evaluation', '', 'Generated by `make eval`.', ''];
  for (const set of SETS) lines.push(...reportSet(set.name, evaluateFolder(set.dir), set.showErrors));
  lines.push(...(await scoreCrossDocument(join(ROOT, 'tests/gold'))));
  lines.push(...reportAudits());
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await report();
  writeFileSync(join(ROOT, 'bench/eval.md'), text);
  process.stdout.write(text.split('\n').filter((l) => /^(#{1,2} |\| )/.test(l) && !/^\| (article|[a-z0-9-]+-\d+ )/.test(l)).join('\n') + '\n');
}
