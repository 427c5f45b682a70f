import { describe, expect, it } from 'vitest';
import { createReadStream, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readHtml } from '../src/ingest/readHtml.ts';
import { isReject } from '../src/ingest/readJsonLines.ts';
import { readWarc } from '../src/ingest/readWarc.ts';
import type { Document, Reject } from '../src/model.ts';

// Fixtures come from tests/fixtures/warc/make-fixtures.ts; its header lists the records.
const fixture = (name: string) => new URL(`./fixtures/warc/${name}`, import.meta.url).pathname;
const html = (name: string) => readFileSync(new URL(`./fixtures/html/${name}`, import.meta.url), 'utf8');

const TIMEWARNER = 'https://news.example.com/business/time-warner-profit';
const CHAD = 'https://wire.example.org/africa/chad-battle';
const REGIMENTS = 'https://courier.example.net/politics/regiments';
const MOJIBAKE = 'https://news.example.com/business/mojibake';

async function collect(source: string, chunks: AsyncIterable<Uint8Array>): Promise<(Document | Reject)[]> {
  const out: (Document | Reject)[] = [];
  for await (const item of readWarc(source, chunks)) out.push(item);
  return out;
}

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const documents = (items: (Document | Reject)[]) => items.filter((item): item is Document => !isReject(item));

describe('readWarc', () => {
  it.each(['news.warc.gz', 'news.warc'])('reads the HTML responses of %s and nothing else', async (name) => {
    const items = await collect(name, createReadStream(fixture(name)));
    expect(items.map((item) => item.source)).toEqual([TIMEWARNER, CHAD, REGIMENTS, MOJIBAKE]);
    expect(documents(items).map(({ title, published }) => ({ title, published }))).toEqual([
      { title: 'Ad sales boost Time Warner profit', published: '2005-02-02' },
      { title: 'Chad says troops killed 1,200 Libyans in battle', published: '1987-03-25' },
      { title: 'Army chiefs in regiments decision', published: null },
    ]);
    // warcinfo, request, image/png and 404 records are skipped; record 8 claims UTF-8 but is not.
    expect(items[3]).toEqual({ source: MOJIBAKE, record: 8, reason: 'invalid utf-8 bytes in the page' });
  });

  it('hands readHtml the decoded page: windows-1252, xhtml and chunked transfer coding', async () => {
    const [timewarner, chad, regiments] = documents(await collect('news.warc.gz', createReadStream(fixture('news.warc.gz'))));
    expect(timewarner!.text).toContain('jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.');
    expect(timewarner).toEqual(readHtml(TIMEWARNER, html('timewarner.html')));
    expect(chad).toEqual(readHtml(CHAD, html('chad.html')));
    expect(chad!.text).toContain('troops killed 1,269 Libyan soldiers in routing a 5,000-strong force');
    expect(regiments).toEqual(readHtml(REGIMENTS, html('regiments.html')));
    expect(regiments!.text.split('\n\n')[0]).toBe("Military chiefs are expected to meet to make a final decision on the future of Scotland's Army regiments.");
    for (const doc of [timewarner, chad, regiments]) expect(doc!.text).not.toMatch(/cookies|Terms of Use|Related stories|HTTP\/1\.1/);
  });

  it('gives the same result whatever the chunk size', async () => {
    const whole = await collect('news.warc.gz', createReadStream(fixture('news.warc.gz')));
    for (const name of ['news.warc.gz', 'news.warc']) {
      expect(await collect('news.warc.gz', inChunks(readFileSync(fixture(name)), 7))).toEqual(whole);
    }
  });

  it('keeps every good record before a gzip file cut off inside its last record', async () => {
    const items = await collect('broken.warc.gz', createReadStream(fixture('broken.warc.gz')));
    expect(items.map((item) => item.source)).toEqual([TIMEWARNER, CHAD, 'broken.warc.gz']);
    expect(documents(items)).toHaveLength(2);
    expect(items[2]).toEqual({ source: 'broken.warc.gz', record: 7, reason: 'truncated WARC file (gzip member cut short)' });
  });

  it('reports a plain WARC cut off inside a record with that record number', async () => {
    const bytes = readFileSync(fixture('news.warc'));
    const fifth = bytes.indexOf('<urn:uuid:00000000-0000-4000-8000-000000000005>');
    const items = await collect('cut.warc', inChunks(bytes.subarray(0, fifth + 2000), 4096));
    expect(items.map((item) => item.source)).toEqual([TIMEWARNER, 'cut.warc']);
    expect(items[1]).toMatchObject({ record: 5, reason: expect.stringMatching(/^truncated WARC record \(\d+ bytes missing\)$/) });
    // cut inside the WARC headers of the first record
    expect(await collect('cut.warc', inChunks(bytes.subarray(0, 60), 4096))).toEqual([
      { source: 'cut.warc', record: 1, reason: 'truncated WARC record (no Content-Length)' },
    ]);
  });

  it('reports corrupt gzip data instead of reading it as plain bytes', async () => {
    const bytes = Buffer.from(readFileSync(fixture('news.warc.gz')));
    // one gzip member per record: flip a byte well inside the member of record 7 (regiments)
    const starts = [...bytes.keys()].filter((i) => bytes[i] === 0x1f && bytes[i + 1] === 0x8b && bytes[i + 2] === 8);
    expect(starts).toHaveLength(8);
    const seventh = starts[6]!;
    bytes[seventh + 400]! ^= 0xff;
    const items = await collect('corrupt.warc.gz', inChunks(bytes, 4096));
    expect(items.slice(0, 2).map((item) => item.source)).toEqual([TIMEWARNER, CHAD]);
    expect(items.at(-1)).toMatchObject({ source: 'corrupt.warc.gz', record: 7, reason: expect.stringMatching(/^corrupt gzip data/) });
  });

  it('never throws: not a WARC, an empty file, a failing stream', async () => {
    const text = new TextEncoder().encode('<html><body>not a warc</body></html>\r\n\r\n');
    expect(await collect('page.html', inChunks(text, 10))).toEqual([{ source: 'page.html', record: 1, reason: 'not a WARC record (bad version line)' }]);
    expect(await collect('empty.warc', inChunks(new Uint8Array(), 10))).toEqual([]);
    const bytes = readFileSync(fixture('news.warc'));
    async function* failing() {
      yield bytes.subarray(0, bytes.indexOf('<urn:uuid:00000000-0000-4000-8000-000000000005>') + 500);
      throw new Error('disk read failed');
    }
    const items = await collect('news.warc', failing());
    expect(items.map((item) => item.source)).toEqual([TIMEWARNER, 'news.warc']);
    expect(items[1]).toEqual({ source: 'news.warc', record: 5, reason: 'unreadable WARC record: disk read failed' });
  });
});

describe('readWarc on real-size records', () => {
  // 50 records, one gzip member each as crawlers write them; record 25 is a 900 KB page
  // (over 200 KB compressed: words with numbers, seeded, so it compresses like real text)
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const words = ['army', 'said', 'soldiers', 'tanks', 'moved', 'north', 'ministry', 'budget', 'rose', 'percent', 'people', 'killed'];
  const record = (i: number, chars: number): Buffer => {
    let text = '';
    while (text.length < chars) text += `<p>${Array.from({ length: 12 }, () => `${words[Math.floor(random() * words.length)]} ${Math.floor(random() * 100_000)}`).join(' ')}.</p>`;
    const page = Buffer.from(`<html><head><title>Page ${i}</title></head><body><article>${text}</article></body></html>`);
    const block = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${page.length}\r\n\r\n`), page]);
    const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/${i}\r\nWARC-Record-ID: <urn:uuid:${i}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${block.length}\r\n\r\n`;
    return gzipSync(Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]));
  };
  const members = Array.from({ length: 50 }, (_, i) => record(i + 1, i === 24 ? 900_000 : 3000));
  const file = Buffer.concat(members);

  it('keeps every record after a member larger than one read (64 KB chunks, as from a file)', async () => {
    expect(members[24]!.length).toBeGreaterThan(200_000);
    const items = await collect('crawl.warc.gz', inChunks(file, 64 * 1024));
    expect(items.filter(isReject)).toEqual([]);
    expect(documents(items).map((d) => d.source)).toEqual(Array.from({ length: 50 }, (_, i) => `https://example.org/${i + 1}`));
    expect(documents(items)[24]!.text.length).toBeGreaterThan(800_000);
  });

  it('still names a member cut short inside the large record, after the 24 before it', async () => {
    const cut = file.subarray(0, members.slice(0, 24).reduce((n, m) => n + m.length, 0) + 100_000);
    const items = await collect('crawl.warc.gz', inChunks(cut, 64 * 1024));
    expect(documents(items)).toHaveLength(24);
    expect(items.filter(isReject)).toEqual([{ source: 'crawl.warc.gz', record: 25, reason: 'truncated WARC file (gzip member cut short)' }]);
  });
});
