// Everything the writers need from one document, rendered as text where the
// document was extracted (a worker thread), so the main thread only appends.
import type { Category, Document, DocumentRow, Fact } from '../model.ts';
import { codePointLength } from '../text/codePoints.ts';
import { formatCsv } from './formatCsv.ts';
import { documentSection } from './renderReport.ts';
import { documentsTable, factsTable } from './schema.ts';

export interface DocumentOutputs {
  doc_id: string;
  title: string | null;
  source: string;
  facts: number;
  /** The document's row of documents.csv (with CRLF). */
  documentCsv: string;
  /** Its rows of facts.csv, in text order ('' when none). */
  factsCsv: string;
  byCategory: Partial<Record<Category, number>>;
  /** Facts per month of period_start ("2014-08"). */
  byMonth: Record<string, number>;
  /** Its section of the HTML report (null for a document past the report's limit). */
  section: string | null;
}

export const documentRow = (doc: Document, factCount: number): DocumentRow => ({
  doc_id: doc.doc_id,
  source: doc.source,
  title: doc.title,
  published: doc.published,
  text: doc.text,
  input_id: doc.input_id ?? null,
  duplicate_of: null,
  chars: codePointLength(doc.text),
  fact_count: factCount,
});

export function documentOutputs(doc: Document, facts: Fact[], inReport = true): DocumentOutputs {
  const byCategory: Partial<Record<Category, number>> = {};
  const byMonth: Record<string, number> = {};
  for (const f of facts) {
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    if (f.period_start) byMonth[f.period_start.slice(0, 7)] = (byMonth[f.period_start.slice(0, 7)] ?? 0) + 1;
  }
  return {
    doc_id: doc.doc_id,
    title: doc.title,
    source: doc.source,
    facts: facts.length,
    documentCsv: formatCsv(documentsTable.columns, [documentRow(doc, facts.length)], false),
    factsCsv: formatCsv(factsTable.columns, facts, false),
    byCategory,
    byMonth,
    section: inReport ? documentSection(doc, facts) : null,
  };
}
