// The cross-document gold (tests/gold/crossdoc.json): the documents of every group run as
// one corpus through the extractor and the end-of-run DuckDB step, and their same_as links
// scored against the gold's, on figures matched to gold facts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { linkAcrossDocuments } from '../pipeline/lib/linkAcrossDocuments.ts';
import { documentOutputs } from '../src/export/documentOutputs.ts';
import { formatCsv } from '../src/export/formatCsv.ts';
import { documentsTable, factsTable } from '../src/export/schema.ts';
import { matchFacts, type GoldFile } from '../src/evaluate/scoreAgainstGold.ts';
import { extractFacts } from '../src/extractFacts.ts';
import type { Document } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';

interface CrossDocGold {
  groups: { event: string; documents: string[]; links: { fact: [string, number]; same_as: [string, number]; doubtful?: boolean }[] }[];
}

const pct = (x: number) => (x * 100).toFixed(1);

export async function scoreCrossDocument(goldDir: string): Promise<string[]> {
  const path = join(goldDir, 'crossdoc.json');
  if (!existsSync(path)) return [];
  const crossdoc = JSON.parse(readFileSync(path, 'utf8')) as CrossDocGold;
  const ids = [...new Set(crossdoc.groups.flatMap((g) => g.documents))];
  const golds = new Map(ids.map((id) => [id, JSON.parse(readFileSync(join(goldDir, `${id}.json`), 'utf8')) as GoldFile]));
  // Input order: by publication, then as the groups list them.
  const ordered = [...ids].sort((a, b) => (golds.get(a)!.published ?? '9999').localeCompare(golds.get(b)!.published ?? '9999'));
  const dir = mkdtempSync(join(tmpdir(), 'newsfacts-crossdoc-'));
  try {
    let documentsCsv = formatCsv(documentsTable.columns, []);
    let factsCsv = formatCsv(factsTable.columns, []);
    const matched = new Map<string, Map<number, string>>();
    ordered.forEach((id) => {
      const gold = golds.get(id)!;
      const doc: Document = { doc_id: id, source: gold.source, title: gold.title ?? null, published: gold.published, text: gold.text };
      const facts = extractFacts(parseDocument(doc));
      const out = documentOutputs(doc, facts, false);
      documentsCsv += out.documentCsv;
      factsCsv += out.factsCsv;
      matched.set(id, new Map(matchFacts(gold.facts, facts).pairs.map((p) => [p.goldIndex, p.predicted.fact_id])));
    });
    const documentsPath = join(dir, 'documents.csv');
    const factsPath = join(dir, 'facts.csv');
    writeFileSync(documentsPath, documentsCsv);
    writeFileSync(factsPath, factsCsv);
    await linkAcrossDocuments({ documentsCsv: documentsPath, factsCsv: factsPath });
    const rows = Papa.parse<Record<string, string>>(readFileSync(factsPath, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const sameAs = new Map(rows.filter((r) => r.same_as).map((r) => [r.fact_id!, r.same_as!]));
    const judged = crossdoc.groups.flatMap((g) => g.links).filter((l) => !l.doubtful);
    const idOf = ([doc, index]: [string, number]) => matched.get(doc)?.get(index);
    const right = judged.filter((l) => {
      const from = idOf(l.fact);
      return from !== undefined && sameAs.get(from) === idOf(l.same_as);
    }).length;
    // Precision: the links the step drew from figures that match gold facts, against the gold's links.
    const goldTargets = new Map(crossdoc.groups.flatMap((g) => g.links).map((l) => [idOf(l.fact), idOf(l.same_as)]));
    const matchedIds = new Set([...matched.values()].flatMap((m) => [...m.values()]));
    const predicted = [...sameAs].filter(([from]) => matchedIds.has(from));
    const correct = predicted.filter(([from, to]) => goldTargets.get(from) === to).length;
    return [
      '## Cross-document set (tests/gold/crossdoc.json)',
      '',
      `${crossdoc.groups.length} events told by ${ids.length} documents, ${judged.length} gold same_as links (doubtful ones left out), run as one corpus through the end-of-run DuckDB step.`,
      '',
      '| measure | score |',
      '|---|---|',
      `| same_as recall | ${pct(judged.length === 0 ? 1 : right / judged.length)}% (${right} of ${judged.length}) |`,
      `| same_as precision | ${pct(predicted.length === 0 ? 1 : correct / predicted.length)}% (${correct} of ${predicted.length}) |`,
      '',
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
