import type { Document, Reject } from '../model.ts';

/** Length in Unicode code points (what --max-chars and documents.chars count): a surrogate pair is one character. */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/** The document, or its reject when its text is longer than the --max-chars guard allows (counted in code points). */
export function withinMaxChars(doc: Document, record: number | null, maxChars: number): Document | Reject {
  // at most one code point a UTF-16 unit: only a text longer in units can be over
  if (doc.text.length <= maxChars) return doc;
  const chars = codePointLength(doc.text);
  if (chars <= maxChars) return doc;
  return { source: doc.source, record, reason: `document has ${chars} characters, over --max-chars ${maxChars}` };
}
