import { describe, expect, it } from 'vitest';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { documentId } from '../src/text/ids.ts';
import { isReject } from '../src/ingest/readJsonLines.ts';
import { readDelimited, type DelimitedColumns } from '../src/ingest/readDelimited.ts';
import type { Document, Reject } from '../src/model.ts';
import { PICKS, articleRows, originals, toDelimited } from './fixtures/delimited/make-fixtures.ts';

const FIXTURES = new URL('./fixtures/delimited/', import.meta.url).pathname;
const ORIGINALS = originals();

type Out = Document | Reject;

async function collect(
  source: string,
  input: NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>,
  delimiter: ',' | '\t' = ',',
  columns?: DelimitedColumns,
): Promise<Out[]> {
  const out: Out[] = [];
  for await (const item of readDelimited(source, input, { delimiter, columns })) out.push(item);
  return out;
}

/** A Readable yielding the bytes in pieces of `size`, so pieces cut through rows and characters. */
function pieces(bytes: Uint8Array, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(Buffer.from(bytes.subarray(i, i + size)));
  return Readable.from(parts);
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

function expectOriginals(out: Out[], source: string): void {
  expect(out.filter(isReject)).toEqual([]);
  expect(out).toHaveLength(ORIGINALS.length);
  out.forEach((item, i) => {
    const doc = item as Document;
    const original = ORIGINALS[i]!;
    expect(doc.text).toBe(original.text); // byte for byte: paragraphs, quotes, commas, £
    expect(doc.title).toBe(original.title);
    expect(doc.published).toBe(PICKS[i]!.date);
    expect(doc.source).toBe(`${source}#${original.id}`);
    expect(doc.doc_id).toBe(documentId(doc.source, doc.text));
  });
}

describe('readDelimited on real BBC articles', () => {
  it('the fixtures are what make-fixtures.ts writes', () => {
    expect(readFileSync(`${FIXTURES}articles.csv`, 'utf8')).toBe(toDelimited(articleRows(), ','));
    expect(readFileSync(`${FIXTURES}articles.tsv`, 'utf8')).toBe(toDelimited(articleRows(), '\t'));
    // The bodies really do hold what makes CSV hard.
    expect(ORIGINALS.every((a) => a.text.includes('\n\n') && a.text.includes(','))).toBe(true);
    expect(ORIGINALS.some((a) => a.text.startsWith('"'))).toBe(true);
  });

  it('reads articles.csv (headline/body found by default) from a file stream', async () => {
    const out = await collect('articles.csv', createReadStream(`${FIXTURES}articles.csv`, { highWaterMark: 1000 }));
    expectOriginals(out, 'articles.csv');
  });

  it('reads articles.tsv (RFC 4180 quoting with tabs)', async () => {
    expectOriginals(await collect('articles.tsv', createReadStream(`${FIXTURES}articles.tsv`), '\t'), 'articles.tsv');
  });

  it('reads the same text whatever the chunking: bytes cut through rows and multi-byte characters, or strings', async () => {
    const bytes = readFileSync(`${FIXTURES}articles.csv`);
    for (const size of [1, 7, 4096]) expectOriginals(await collect('articles.csv', pieces(bytes, size)), 'articles.csv');
    const text = bytes.toString('utf8');
    async function* strings() {
      for (let i = 0; i < text.length; i += 333) yield text.slice(i, i + 333);
    }
    expectOriginals(await collect('articles.csv', strings()), 'articles.csv');
  });

  it('normalises CRLF line ends, in row ends and inside quoted fields', async () => {
    const windows = toDelimited(articleRows(), ',').replaceAll('\n', '\r\n'); // every line end CRLF
    expectOriginals(await collect('crlf.csv', pieces(utf8(windows), 511)), 'crlf.csv');
    const excel = toDelimited(articleRows(), ',', '\r\n'); // CRLF between rows, LF inside fields
    expectOriginals(await collect('excel.csv', pieces(utf8(excel), 511)), 'excel.csv');
    const crlfTsv = toDelimited(articleRows(), '\t').replaceAll('\n', '\r\n');
    expectOriginals(await collect('crlf.tsv', Readable.from([utf8(crlfTsv)]), '\t'), 'crlf.tsv');
  });

  it('drops a UTF-8 BOM, also when it is split across chunks or given as a string', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(`${FIXTURES}articles.csv`)]);
    expectOriginals(await collect('bom.csv', Readable.from([withBom])), 'bom.csv');
    expectOriginals(await collect('bom.csv', pieces(withBom, 2)), 'bom.csv');
    expectOriginals(await collect('bom.csv', Readable.from([`\uFEFF${readFileSync(`${FIXTURES}articles.csv`, 'utf8')}`])), 'bom.csv');
  });
});

describe('readDelimited rejects', () => {
  it('numbers rejects by data row (header not counted), counting a multi-line record once', async () => {
    const out = await collect('ragged.csv', createReadStream(`${FIXTURES}ragged.csv`));
    expect(out.filter(isReject)).toEqual([
      { source: 'ragged.csv', record: 2, reason: 'Too few fields: expected 4 fields but parsed 3 (TooFewFields)' },
      { source: 'ragged.csv', record: 4, reason: 'Too many fields: expected 4 fields but parsed 5 (TooManyFields)' },
      { source: 'ragged.csv#bbc-tech-277', record: 6, reason: 'empty text' },
      { source: 'ragged.csv', record: 7, reason: 'Too many fields: expected 4 fields but parsed 5 (TooManyFields)' },
    ]);
    const docs = out.filter((o): o is Document => !isReject(o));
    expect(docs.map((d) => d.source)).toEqual([
      'ragged.csv#bbc-business-101',
      'ragged.csv#bbc-politics-105',
      'ragged.csv#bbc-tech-177',
      'ragged.csv#bbc-tech-177b',
    ]);
    expect(docs[1]!.text).toBe(
      'UK Muslims should accept that people of Islamic appearance are more likely to be stopped and searched by police, a Home Office minister has said.\n\n' +
        'Hazel Blears said innocent Muslims would be targeted because of the search for Islamic extremists. Her comments have been described as "irresponsible" by the Muslim Council of Britain.',
    );
    expect(docs.map((d) => d.published)).toEqual(['2005-03-02', '2005-03-01', '2005-01-11', '2005-01-11']);
  });

  it('rejects an unterminated quote at the end of the file with its row, after the rows before it', async () => {
    const csv = `${toDelimited(articleRows().slice(0, 3), ',')}bbc-x,Unfinished,2005-01-01,"He said it would cost £5m, and then\n`;
    const out = await collect('cut.csv', pieces(utf8(csv), 1000));
    expect(out.slice(0, 2).map((o) => (o as Document).text)).toEqual([ORIGINALS[0]!.text, ORIGINALS[1]!.text]);
    expect(out.slice(2)).toEqual([{ source: 'cut.csv', record: 3, reason: 'Quoted field unterminated (MissingQuotes)' }]);
  });

  it('rejects a malformed quote with its row number', async () => {
    const csv = 'id,body\n1,"He said "no" twice",\n2,Fine.\n';
    const out = await collect('q.csv', Readable.from([csv]));
    expect(out[0]).toMatchObject({ source: 'q.csv', record: 1 });
    expect((out[0] as Reject).reason).toMatch(/InvalidQuotes/);
  });

  it('rejects the whole file, once, when there is no text column, naming the headers and --text-column', async () => {
    const csv = toDelimited([['id', 'headline', 'published'], ['bbc-business-001', 'Ad sales boost Time Warner profit', '2005-01-19']], ',');
    const out = await collect('notext.csv', Readable.from([csv]));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ source: 'notext.csv', record: null });
    const reason = (out[0] as Reject).reason;
    expect(reason).toContain('"id", "headline", "published"');
    expect(reason).toContain('--text-column');
  });

  it('rejects the file when a named column does not exist', async () => {
    const csv = readFileSync(`${FIXTURES}articles.csv`);
    const noText = await collect('articles.csv', Readable.from([csv]), ',', { text: 'article_body' });
    expect(noText).toHaveLength(1);
    expect(noText[0]).toMatchObject({ source: 'articles.csv', record: null });
    expect((noText[0] as Reject).reason).toContain('"article_body"');
    expect((noText[0] as Reject).reason).toContain('--text-column');
    expect((noText[0] as Reject).reason).toContain('"body"');
    const noTitle = await collect('articles.csv', Readable.from([csv]), ',', { title: 'title' });
    expect(noTitle).toEqual([{ source: 'articles.csv', record: null, reason: expect.stringContaining('no column "title" for the title') }]);
  });

  it('yields nothing for a header-only file and one reject for an empty file', async () => {
    expect(await collect('head.csv', Readable.from([utf8('id,headline,published,body\r\n')]))).toEqual([]);
    expect(await collect('head.tsv', Readable.from(['id\theadline\tpublished\tbody']), '\t')).toEqual([]);
    expect(await collect('empty.csv', Readable.from([]))).toEqual([{ source: 'empty.csv', record: null, reason: 'empty file: no header row' }]);
    expect(await collect('empty.csv', Readable.from([Buffer.from([0xef, 0xbb, 0xbf])]))).toEqual([
      { source: 'empty.csv', record: null, reason: 'empty file: no header row' },
    ]);
  });

  it('rejects rows with invalid UTF-8 or NUL bytes and reads the rest; keeps a genuine U+FFFD', async () => {
    const rows = articleRows();
    const head = utf8(toDelimited(rows.slice(0, 2), ','));
    const latin1Row = Buffer.concat([utf8('bbc-latin1,Cost,2005-01-01,It cost '), Buffer.from([0xa3]), utf8('5m.\n')]); // £ in Latin-1
    const nulRow = Buffer.concat([utf8('bbc-nul,Nul,2005-01-01,abc'), Buffer.from([0x00]), utf8('def\n')]);
    const tail = utf8(toDelimited(rows.slice(2, 4), ','));
    const out = await collect('mixed.csv', pieces(Buffer.concat([head, latin1Row, nulRow, tail]), 50));
    expect(out.filter(isReject)).toEqual([
      { source: 'mixed.csv', record: 2, reason: 'invalid UTF-8' },
      { source: 'mixed.csv', record: 3, reason: 'binary content (NUL bytes)' },
    ]);
    expect(out.filter((o) => !isReject(o)).map((d) => (d as Document).text)).toEqual([ORIGINALS[0]!.text, ORIGINALS[1]!.text, ORIGINALS[2]!.text]);

    const genuine = await collect('fffd.csv', pieces(utf8('id,body\n1,Scanned text \uFFFD kept.\n'), 3));
    expect(genuine).toMatchObject([{ text: 'Scanned text \uFFFD kept.' }]);
  });

  it('never throws on binary garbage or a failing stream', async () => {
    let seed = 7;
    const garbage = Buffer.alloc(200_000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const out = await collect('garbage.bin', pieces(garbage, 4096));
    expect(out.every(isReject)).toBe(true);
    // the first line is taken for the header, and names no text column
    expect(out).toHaveLength(1);
    expect((out[0] as Reject).reason).toMatch(/^no text column: none of text, body, content, article, article_text, story among the headers \[.*\]; name it with --text-column$/s);
    // A header naming a text column, then garbage: rows are rejected one by one.
    const named = await collect('garbage.csv', Readable.from([utf8('id,text\n'), garbage]));
    expect(named.filter(isReject).length).toBe(1263); // the same seeded bytes give the same rows
    expect(named.filter(isReject).every((r) => typeof r.record === 'number')).toBe(true);

    const failing = new Readable({ read() {} });
    failing.push(utf8(toDelimited(articleRows().slice(0, 2), ',')));
    setTimeout(() => failing.destroy(Object.assign(new Error('disk gone'), { code: 'EIO' })), 10);
    const partial = await collect('failing.csv', failing);
    expect(partial.map((o) => (isReject(o) ? o.reason : o.source))).toEqual(['failing.csv#bbc-business-001', 'cannot read: EIO (after data row 1)']);
  });
});

describe('readDelimited columns', () => {
  it('uses the columns named in options, matching headers case-insensitively, and the url as source', async () => {
    const rows = [
      ['Story_ID', 'Head', 'When', 'Copy', 'Permalink', 'body'],
      ...ORIGINALS.map((a, i) => [a.id, a.title, PICKS[i]!.published, a.text, `https://www.bbc.co.uk/news/${a.id}`, 'not this column']),
    ];
    const columns: DelimitedColumns = { id: 'story_id', title: 'HEAD', date: 'when', text: 'copy', url: 'permalink' };
    const out = (await collect('named.csv', Readable.from([toDelimited(rows, ',')]), ',', columns)) as Document[];
    expect(out.map((d) => d.text)).toEqual(ORIGINALS.map((a) => a.text));
    expect(out.map((d) => d.title)).toEqual(ORIGINALS.map((a) => a.title));
    expect(out.map((d) => d.published)).toEqual(PICKS.map((p) => p.date));
    expect(out.map((d) => d.source)).toEqual(ORIGINALS.map((a) => `https://www.bbc.co.uk/news/${a.id}`));
  });

  it('finds default columns case-insensitively, first match wins; without id or url the source is the row', async () => {
    const rows = [
      ['Headline', 'Article', 'Story', 'Date'],
      [ORIGINALS[0]!.title, ORIGINALS[0]!.text, 'second text column', 'Wed, 19 Jan 2005 12:00:00 GMT'],
      ['', '', '', ''],
      [ORIGINALS[1]!.title, ORIGINALS[1]!.text, 'second text column', ''],
    ];
    const out = await collect('plain.csv', Readable.from([toDelimited(rows, ',')]));
    expect(out).toEqual([
      { doc_id: documentId('plain.csv#row-1', ORIGINALS[0]!.text), source: 'plain.csv#row-1', title: ORIGINALS[0]!.title, published: '2005-01-19', text: ORIGINALS[0]!.text, input_id: null },
      { source: 'plain.csv#row-2', record: 2, reason: 'empty text' },
      { doc_id: documentId('plain.csv#row-3', ORIGINALS[1]!.text), source: 'plain.csv#row-3', title: ORIGINALS[1]!.title, published: null, text: ORIGINALS[1]!.text, input_id: null },
    ]);
  });

  it('skips blank lines but counts them, so record N stays spreadsheet row N + 1', async () => {
    const csv = 'id,body\n\na,First.\n\n\nb,\n';
    expect(await collect('blank.csv', Readable.from([csv]))).toEqual([
      { doc_id: documentId('blank.csv#a', 'First.'), source: 'blank.csv#a', title: null, published: null, text: 'First.', input_id: 'a' },
      { source: 'blank.csv#b', record: 5, reason: 'empty text' },
    ]);
  });
});

describe('readDelimited streaming', () => {
  it('streams a ~30 MB CSV of repeated real rows without reading it all first', async () => {
    const TARGET = 30 * 1024 * 1024;
    const CHUNK = 65_521; // odd size: chunks cut through rows, quoted newlines and £
    const header = utf8(toDelimited([articleRows()[0]!], ','));
    const round = (r: number): Buffer =>
      utf8(toDelimited(ORIGINALS.map((a, i) => [`${a.id}-r${r}`, a.title, PICKS[i]!.published, a.text]), ','));
    const roundBytes = round(0).length;
    const rounds = Math.ceil(TARGET / roundBytes);
    let produced = 0;
    async function* source() {
      let buffer = header;
      for (let r = 0; r < rounds; r++) {
        buffer = Buffer.concat([buffer, round(r)]);
        while (buffer.length >= CHUNK) {
          produced += CHUNK;
          yield buffer.subarray(0, CHUNK);
          buffer = buffer.subarray(CHUNK);
        }
      }
      produced += buffer.length;
      yield buffer;
    }
    let docs = 0;
    let rejects = 0;
    let maxLead = 0; // how far reading runs ahead of the documents coming out
    for await (const item of readDelimited('big.csv', Readable.from(source()), { delimiter: ',' })) {
      if (isReject(item)) {
        rejects++;
        continue;
      }
      const i = docs % ORIGINALS.length;
      if (item.text !== ORIGINALS[i]!.text || item.source !== `big.csv#${ORIGINALS[i]!.id}-r${Math.floor(docs / ORIGINALS.length)}`) {
        throw new Error(`row ${docs + 1} differs`);
      }
      docs++;
      maxLead = Math.max(maxLead, produced - (docs / ORIGINALS.length) * roundBytes);
    }
    expect(produced).toBeGreaterThanOrEqual(TARGET);
    expect(rejects).toBe(0);
    expect(docs).toBe(rounds * ORIGINALS.length);
    expect(maxLead).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);

  it('stops at a record that never ends (unterminated quote) instead of holding the rest of the file', async () => {
    const paragraph = utf8(`${ORIGINALS[0]!.text.replaceAll('"', '')}\n\n`);
    let produced = 0;
    async function* source() {
      yield utf8(toDelimited(articleRows().slice(0, 2), ','));
      yield utf8('bbc-open,Never closed,2005-01-01,"');
      while (produced < 40 * 1024 * 1024) {
        produced += paragraph.length;
        yield paragraph;
      }
    }
    const out = await collect('open.csv', Readable.from(source()));
    expect(out.map((o) => (isReject(o) ? o.record : o.source))).toEqual(['open.csv#bbc-business-001', 2]);
    expect((out[1] as Reject).reason).toMatch(/^record longer than \d+ characters/);
    expect(produced).toBeLessThan(24 * 1024 * 1024); // it stopped reading soon after the limit
  }, 60_000);
});
