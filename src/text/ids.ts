import { createHash } from 'node:crypto';

/** Stable id: the same source and text give the same id on every run and machine. */
export function documentId(source: string, text: string): string {
  return createHash('sha256').update(source).update('\u0000').update(text).digest('hex').slice(0, 16);
}

/** Stable fact id: the document and the mention's code-point span. */
export function factId(docId: string, start: number, end: number): string {
  return `${docId}-${start}-${end}`;
}
