import { describe, expect, it } from 'vitest';
import { codePointLength, withinMaxChars } from '../src/ingest/maxChars.ts';
import type { Document } from '../src/model.ts';

const doc = (text: string): Document => ({ doc_id: 'd', source: 's', title: null, published: null, text });

describe('withinMaxChars', () => {
  it('counts code points, as its message says: an emoji is one character, not two UTF-16 units', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(withinMaxChars(doc('😀'.repeat(10)), null, 10)).toEqual(doc('😀'.repeat(10)));
    expect(withinMaxChars(doc('😀'.repeat(11)), 4, 10)).toEqual({ source: 's', record: 4, reason: 'document has 11 characters, over --max-chars 10' });
  });

  it('keeps a document at the limit: 2,000,000 characters, and 1,250,000 Cyrillic ones', () => {
    expect(withinMaxChars(doc('x'.repeat(2_000_000)), null, 2_000_000)).toHaveProperty('doc_id');
    expect(withinMaxChars(doc('Ж'.repeat(1_250_000)), null, 2_000_000)).toHaveProperty('doc_id');
  });
});
