import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeUtf8 } from '../src/ingest/decode.ts';
import { documentId } from '../src/text/ids.ts';
import { publishedDate } from '../src/ingest/publishedDate.ts';
import { isReject, readJsonLine } from '../src/ingest/readJsonLines.ts';
import { readPlainText } from '../src/ingest/readPlainText.ts';
import { DEFAULT_ARTICLE } from './helpers.ts';

describe('readPlainText', () => {
  it('takes the first line as title and the rest as the body (the default article)', () => {
    const doc = readPlainText('iraq.txt', readFileSync(DEFAULT_ARTICLE, 'utf8'));
    expect(isReject(doc)).toBe(false);
    if (isReject(doc)) return;
    expect(doc.title).toBe('Iraq militia boss says US not serious about fighting the Islamic State');
    expect(doc.text.startsWith('An image grab taken from a video')).toBe(true);
    expect(doc.text.endsWith('M16 assault rifles.')).toBe(true);
    expect(doc.doc_id).toBe(documentId('iraq.txt', doc.text));
  });

  it('reads a one-line file as all body', () => {
    const doc = readPlainText('one.txt', 'Troops killed 1,269 soldiers.\n');
    expect(!isReject(doc) && doc.title === null && doc.text === 'Troops killed 1,269 soldiers.').toBe(true);
  });

  it('rejects an empty file', () => {
    expect(readPlainText('empty.txt', ' \n\n ')).toEqual({ source: 'empty.txt', record: null, reason: 'empty text' });
  });
});

describe('decodeUtf8', () => {
  it('rejects invalid UTF-8 and NUL bytes, drops a BOM and normalises CRLF', () => {
    expect(decodeUtf8(new Uint8Array([0x41, 0xa3, 0x42]))).toEqual({ ok: false, reason: 'invalid UTF-8' });
    expect(decodeUtf8(new Uint8Array([0x41, 0x00]))).toEqual({ ok: false, reason: 'binary content (NUL bytes)' });
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFa\r\nb\rc'))).toEqual({ ok: true, text: 'a\nb\nc' });
  });
});

describe('readJsonLine', () => {
  it('reads a Reuters corpus record with its id and published date', () => {
    const line = JSON.stringify({ id: 'reuters21578-9209', title: 'CHAD SAYS', published: '1987-03-25T07:15:13', text: 'Troops killed 1,269 Libyan soldiers.' });
    const doc = readJsonLine('reuters.jsonl', line, 1);
    expect(doc).toMatchObject({ source: 'reuters.jsonl#reuters21578-9209', title: 'CHAD SAYS', published: '1987-03-25' });
  });

  it('prefers the url as source and skips blank lines', () => {
    expect(readJsonLine('a.jsonl', JSON.stringify({ url: 'https://example.org/a', text: 'x' }), 2)).toMatchObject({ source: 'https://example.org/a' });
    expect(readJsonLine('a.jsonl', '   ', 3)).toBeNull();
  });

  it('rejects malformed JSON, non-objects and records without text, with the line number', () => {
    expect(readJsonLine('a.jsonl', '{"text": ', 4)).toMatchObject({ source: 'a.jsonl', record: 4 });
    expect((readJsonLine('a.jsonl', '{"text": ', 4) as { reason: string }).reason).toMatch(/^malformed JSON/);
    expect(readJsonLine('a.jsonl', '[1]', 5)).toEqual({ source: 'a.jsonl', record: 5, reason: 'JSON line is not an object' });
    expect(readJsonLine('a.jsonl', '{"title": "x"}', 6)).toEqual({ source: 'a.jsonl#line-6', record: 6, reason: 'no "text" string field' });
    expect(readJsonLine('a.jsonl', '{"text": "  "}', 7)).toEqual({ source: 'a.jsonl#line-7', record: 7, reason: 'empty text' });
  });
});

describe('publishedDate', () => {
  it.each([
    ['1987-03-25T07:15:13', '1987-03-25'],
    ['2015-10-05', '2015-10-05'],
    ['Mon, 05 Oct 2015 10:00:00 GMT', '2015-10-05'],
    ['2015-02-30', null],
    ['soon', null],
    [null, null],
  ])('%s -> %s', (input, expected) => expect(publishedDate(input)).toBe(expected));
});
