import { writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentOutputs } from '../../src/export/documentOutputs.ts';
import { STYLE, renderDocumentPage, renderReport, type ReportSummary } from '../../src/export/renderReport.ts';
import { CATEGORIES, type Category, type Reject } from '../../src/model.ts';
import { tempPathFor, writeFileAtomic } from './atomicFile.ts';

/** Documents embedded in report.html; past this, documents go to pages under report/. */
export const EMBED_LIMIT = 100;
/** Documents a page under report/: one file per document measured at 0.2 ms of main-thread time each (a fifth of a 22,000-document run). */
export const PAGE_DOCUMENTS = 50;
/** Documents listed in the index; the rest are reached page by page ("next page"), so memory stays flat on any corpus. */
export const INDEX_LIMIT = 10_000;
/**
 * Documents shown in the report by default (--report-documents): rendering every document of a
 * large corpus took a seventh of the run and would write about 7 GB of pages for 1 GB of text;
 * the tables hold every document either way.
 */
export const REPORT_DOCUMENTS = 10_000;
/** Rejects listed in the overview; the rest are counted (rejects.csv has them all). */
const REJECTS_SHOWN = 1000;

export interface ReportWriter {
  addDocument(out: DocumentOutputs): Promise<void>;
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
    documentCount: 0,
    notShown: 0,
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as ReportSummary['byCategory'],
    byMonth: {},
    rejects: [],
  };
  let rejectCount = 0;
  let buffered: DocumentOutputs[] = [];
  let paged = false;
  const pagesDir = join(outDir, 'report');
  const pagesTemp = tempPathFor(pagesDir);
  await rm(pagesTemp, { recursive: true, force: true });

  let page: DocumentOutputs[] = [];
  let pages = 0;
  const pageName = (n: number) => `${String(n).padStart(5, '0')}.html`;
  // Synchronous on purpose: a few hundred large writes, no await per page.
  const flushPage = (last: boolean) => {
    if (page.length === 0) return;
    pages++;
    const title = `Documents ${(pages - 1) * PAGE_DOCUMENTS + 1}–${(pages - 1) * PAGE_DOCUMENTS + page.length}`;
    const sections = page.map((p) => p.section!);
    writeFileSync(join(pagesTemp, pageName(pages)), renderDocumentPage({ title, source: '' }, sections.join('\n'), pages > 1 ? pageName(pages - 1) : null, last ? null : pageName(pages + 1)));
    page = [];
  };
  const writePage = (out: DocumentOutputs, entry: ReportSummary['documents'][number]) => {
    if (page.length >= PAGE_DOCUMENTS) flushPage(false);
    entry.href = `report/${pageName(pages + 1)}#doc-${out.doc_id}`;
    page.push(out);
  };

  return {
    async addDocument(out) {
      for (const [category, n] of Object.entries(out.byCategory)) summary.byCategory[category as Category] += n;
      for (const [month, n] of Object.entries(out.byMonth)) summary.byMonth[month] = (summary.byMonth[month] ?? 0) + n;
      summary.documentCount++;
      if (out.section === null) {
        summary.notShown++;
        return;
      }
      const entry = { doc_id: out.doc_id, title: out.title, source: out.source, facts: out.facts, href: `#doc-${out.doc_id}` };
      if (summary.documents.length < INDEX_LIMIT) summary.documents.push(entry);
      if (!paged && buffered.length < EMBED_LIMIT) {
        buffered.push(out);
        return;
      }
      if (!paged) {
        paged = true;
        await mkdir(pagesTemp, { recursive: true });
        await writeFile(join(pagesTemp, 'style.css'), STYLE);
        buffered.forEach((b, i) => writePage(b, summary.documents[i]!));
        buffered = [];
      }
      writePage(out, entry);
    },
    addReject(reject) {
      rejectCount++;
      if (summary.rejects.length < REJECTS_SHOWN) summary.rejects.push(reject);
    },
    async commit() {
      flushPage(true);
      if (rejectCount > summary.rejects.length) {
        summary.rejects.push({ source: `… and ${rejectCount - summary.rejects.length} more`, record: null, reason: 'see rejects.csv' });
      }
      const sections = paged ? [] : buffered.map((b) => b.section!);
      await writeFileAtomic(join(outDir, 'report.html'), renderReport(summary, sections));
      await rm(pagesDir, { recursive: true, force: true });
      if (paged) await rename(pagesTemp, pagesDir);
    },
  };
}
