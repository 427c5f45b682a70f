// A worker thread's task: the pure extraction of a batch of documents.
import { extractFacts } from '../../src/extractFacts.ts';
import type { Document, Fact } from '../../src/model.ts';
import { parseDocument } from '../../src/text/parseDocument.ts';

export default function extractBatch(documents: Document[]): Fact[][] {
  return documents.map((doc) => extractFacts(parseDocument(doc)));
}
