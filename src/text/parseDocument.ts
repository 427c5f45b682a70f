import type { Document, ParsedDocument, Sentence } from '../model.ts';
import { codePointIndex } from './codePoints.ts';
import { splitParagraphs, splitSentences } from './segment.ts';

/** Paragraphs and sentences of a document, every span in code points. */
export function parseDocument(doc: Document): ParsedDocument {
  const index = codePointIndex(doc.text);
  const toCp = ({ start, end }: { start: number; end: number }) => ({
    start: index.toCodePoint(start),
    end: index.toCodePoint(end),
  });
  const paragraphs16 = splitParagraphs(doc.text);
  const sentences: Sentence[] = [];
  splitSentences(doc.text, paragraphs16).forEach((spans, p) => {
    for (const s of spans) sentences.push({ index: sentences.length, paragraph: p, ...toCp(s) });
  });
  return { ...doc, paragraphs: paragraphs16.map(toCp), sentences };
}
