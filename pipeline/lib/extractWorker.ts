// A worker thread's tasks: everything pure about a batch of documents (parse,
// extract, render), so the main thread only reads inputs and appends text.
import { documentOutputs, documentRow, type DocumentOutputs } from '../../src/export/documentOutputs.ts';
import { extractFacts } from '../../src/extractFacts.ts';
import type { Document, Fact } from '../../src/model.ts';
import { isFailed, type Failed } from './failed.ts';
import { isHtmlPage, readHtmlPage, type HtmlPage } from '../../src/ingest/readHtml.ts';
import { parseDocument } from '../../src/text/parseDocument.ts';

export const extractDocument = (doc: Document): Fact[] => extractFacts(parseDocument(doc));


function guard<T>(doc: Document, task: (doc: Document) => T): T | Failed {
  try {
    return task(doc);
  } catch (error) {
    const message = ((error as Error).message ?? String(error)).split('\n')[0];
    return { failed: { source: doc.source, record: null, reason: `extraction failed: ${message}` } };
  }
}

/** A batch for a worker: documents, and HTML pages to read first (Readability is slow enough to share out). */
export interface Batch {
  items: (Document | HtmlPage)[];
  maxChars: number;
  /** How many of the items, from the first, get a section of the HTML report (it shows the first documents of a run). */
  sections: number;
}

function each<T>({ items, maxChars }: Batch, task: (doc: Document, index: number) => T): (T | Failed)[] {
  return items.map((item, index) => {
    const doc = isHtmlPage(item) ? guardPage(item, maxChars) : item;
    return isFailed(doc) ? doc : guard(doc, (d) => task(d, index));
  });
}

function guardPage(page: HtmlPage, maxChars: number): Document | Failed {
  const read = readHtmlPage(page, maxChars);
  return 'reason' in read ? { failed: read } : read;
}

/** For `run`: each document's CSV rows and report section. */
export function tables(batch: Batch): (DocumentOutputs | Failed)[] {
  return each(batch, (d, index) => documentOutputs(d, extractDocument(d), index < batch.sections));
}

/** One document's records for `map`: a tagged JSON line for the document, then one per fact. */
export interface MapOutput {
  doc_id: string;
  source: string;
  facts: number;
  lines: string;
}

export function records(batch: Batch): (MapOutput | Failed)[] {
  return each(batch, (doc) => {
    const facts = extractDocument(doc);
    const lines = [JSON.stringify({ table: 'documents', ...documentRow(doc, facts.length) })];
    for (const fact of facts) lines.push(JSON.stringify({ table: 'facts', ...fact }));
    return { doc_id: doc.doc_id, source: doc.source, facts: facts.length, lines: lines.join('\n') + '\n' };
  });
}

export const tasks = { tables, records };
export type TaskName = keyof typeof tasks;
