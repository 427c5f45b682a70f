import type { Document, Reject } from '../model.ts';

/** The document, or its reject when its text is longer than the --max-chars guard allows. */
export function withinMaxChars(doc: Document, record: number | null, maxChars: number): Document | Reject {
  if (doc.text.length <= maxChars) return doc;
  return { source: doc.source, record, reason: `document has ${doc.text.length} characters, over --max-chars ${maxChars}` };
}
