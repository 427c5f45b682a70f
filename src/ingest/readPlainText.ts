import type { Document, Reject } from '../model.ts';
import { datelineDate } from './datelineDate.ts';
import { documentId } from '../text/ids.ts';

/**
 * A plain-text article: the first line is the headline, the rest the body.
 * A file of one line is all body. Offsets index the body only. The published date
 * is the one a dateline at the top of the body states, if any.
 */
export function readPlainText(source: string, content: string): Document | Reject {
  const withoutLeadingBlank = content.replace(/^\s*\n/, '');
  const newline = withoutLeadingBlank.indexOf('\n');
  const firstLine = newline < 0 ? withoutLeadingBlank : withoutLeadingBlank.slice(0, newline);
  const rest = newline < 0 ? '' : withoutLeadingBlank.slice(newline + 1);
  const hasBody = rest.trim().length > 0;
  const title = hasBody ? firstLine.trim() || null : null;
  const text = (hasBody ? rest : firstLine).replace(/^\s*\n/, '').trimEnd();
  if (text.trim().length === 0) return { source, record: null, reason: 'empty text' };
  return { doc_id: documentId(source, text), source, title, published: datelineDate(text), text };
}
