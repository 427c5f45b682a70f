import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STYLE, documentSection, renderDocumentPage, renderReport, type ReportSummary } from '../../src/export/renderReport.ts';
import { CATEGORIES, type Document, type Fact, type Reject } from '../../src/model.ts';
import { tempPathFor, writeFileAtomic } from './atomicFile.ts';

/** Documents embedded in report.html; past this, each document gets its own page under report/. */
export const EMBED_LIMIT = 100;
/** Rejects listed in the overview; the rest are counted (rejects.csv has them all). */
const REJECTS_SHOWN = 1000;

export interface ReportWriter {
  addDocument(doc: Document, facts: Fact[]): Promise<void>;
  addReject(reject: Reject): void;
  commit(): Promise<void>;
}

/**
 * Streams documents into output/report.html. Up to EMBED_LIMIT documents are
 * embedded in the one page; a larger corpus gets an index page and one page
 * per document in output/report/, so the browser never loads the whole corpus.
 */
export async function openReportWriter(outDir: string): Promise<ReportWriter> {
  const summary: ReportSummary = {
    documents: [],
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as ReportSummary['byCategory'],
    byMonth: {},
    rejects: [],
  };
  let rejectCount = 0;
  let buffered: { doc: Document; facts: Fact[] }[] = [];
  let paged = false;
  const pagesDir = join(outDir, 'report');
  const pagesTemp = tempPathFor(pagesDir);
  await rm(pagesTemp, { recursive: true, force: true });

  const writePage = async (doc: Document, facts: Fact[]) => {
    await writeFile(join(pagesTemp, `${doc.doc_id}.html`), renderDocumentPage(doc, facts));
  };

  return {
    async addDocument(doc, facts) {
      for (const f of facts) {
        summary.byCategory[f.category]++;
        if (f.period_start) summary.byMonth[f.period_start.slice(0, 7)] = (summary.byMonth[f.period_start.slice(0, 7)] ?? 0) + 1;
      }
      summary.documents.push({ doc_id: doc.doc_id, title: doc.title, source: doc.source, facts: facts.length, href: `#doc-${doc.doc_id}` });
      if (!paged && buffered.length < EMBED_LIMIT) {
        buffered.push({ doc, facts });
        return;
      }
      if (!paged) {
        paged = true;
        await mkdir(pagesTemp, { recursive: true });
        await writeFile(join(pagesTemp, 'style.css'), STYLE);
        for (const b of buffered) await writePage(b.doc, b.facts);
        buffered = [];
      }
      await writePage(doc, facts);
    },
    addReject(reject) {
      rejectCount++;
      if (summary.rejects.length < REJECTS_SHOWN) summary.rejects.push(reject);
    },
    async commit() {
      if (paged) for (const d of summary.documents) d.href = `report/${d.doc_id}.html`;
      if (rejectCount > summary.rejects.length) {
        summary.rejects.push({ source: `… and ${rejectCount - summary.rejects.length} more`, record: null, reason: 'see rejects.csv' });
      }
      const sections = paged ? [] : buffered.map((b) => documentSection(b.doc, b.facts));
      await writeFileAtomic(join(outDir, 'report.html'), renderReport(summary, sections));
      await rm(pagesDir, { recursive: true, force: true });
      if (paged) await rename(pagesTemp, pagesDir);
    },
  };
}
