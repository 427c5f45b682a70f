// A worker thread's tasks: everything pure about a batch of documents (parse,
// extract, render), so the main thread only reads inputs and appends text.
import { documentOutputs, documentRow, type DocumentOutputs } from '../../src/export/documentOutputs.ts';
import { extractFacts } from '../../src/extractFacts.ts';
import type { Document, Fact } from '../../src/model.ts';
import type { Failed } from './failed.ts';
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

/** For `run`: each document's CSV rows and report section. */
export function tables(documents: Document[]): (DocumentOutputs | Failed)[] {
  return documents.map((doc) => guard(doc, (d) => documentOutputs(d, extractDocument(d))));
}

/** One document's records for `map`: a tagged JSON line for the document, then one per fact. */
export interface MapOutput {
  doc_id: string;
  facts: number;
  lines: string;
}

export function records(documents: Document[]): (MapOutput | Failed)[] {
  return documents.map((doc) => guard(doc, () => {
    const facts = extractDocument(doc);
    const lines = [JSON.stringify({ table: 'documents', ...documentRow(doc, facts.length) })];
    for (const fact of facts) lines.push(JSON.stringify({ table: 'facts', ...fact }));
    return { doc_id: doc.doc_id, facts: facts.length, lines: lines.join('\n') + '\n' };
  }));
}

export const tasks = { tables, records };
export type TaskName = keyof typeof tasks;
