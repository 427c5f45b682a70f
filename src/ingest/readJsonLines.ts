import type { Document, Reject } from '../model.ts';
import { normaliseNewlines } from './decode.ts';
import { documentId } from '../text/ids.ts';
import { publishedDate } from './publishedDate.ts';

const optionalString = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * One JSON Lines record: `text` required; `title`, `published`, `url`, `id` optional.
 * The source is the record's url, else `path#id`, else `path#line-N`.
 */
export function readJsonLine(path: string, line: string, lineNumber: number): Document | Reject | null {
  if (line.trim() === '') return null;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { source: path, record: lineNumber, reason: `malformed JSON: ${(error as Error).message}` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { source: path, record: lineNumber, reason: 'JSON line is not an object' };
  }
  const fields = record as Record<string, unknown>;
  const id = optionalString(fields.id) ?? (typeof fields.id === 'number' ? String(fields.id) : null);
  const source = optionalString(fields.url) ?? `${path}#${id ?? `line-${lineNumber}`}`;
  if (typeof fields.text !== 'string') {
    return { source, record: lineNumber, reason: 'no "text" string field' };
  }
  const text = normaliseNewlines(fields.text).trimEnd();
  if (text.trim() === '') return { source, record: lineNumber, reason: 'empty text' };
  return {
    doc_id: documentId(source, text),
    source,
    title: optionalString(fields.title),
    published: publishedDate(fields.published ?? fields.date ?? fields.published_at),
    text,
    input_id: id,
  };
}

export function isReject(value: object): value is Reject {
  return 'reason' in value;
}
