import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { lines } from '../pipeline/lib/byteStreams.ts';
import { formatOfContent, formatOfName, readInputs, readStdin, type Ingested } from '../pipeline/lib/inputs.ts';
import { inShard, parseShard } from '../pipeline/lib/shard.ts';
import { isReject } from '../src/ingest/readJsonLines.ts';
import { DEFAULT_ARTICLE, NEWS_FIXTURES } from './helpers.ts';

const collect = async (items: AsyncIterable<Ingested>) => {
  const out: Ingested[] = [];
  for await (const item of items) out.push(item);
  return out;
};
async function* chunksOf(buffer: Buffer, size: number) {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

// Real BBC articles as JSON Lines (tests/fixtures/news); `bbc` is the first three.
const bbcLines = readFileSync(join(NEWS_FIXTURES, 'bbc.jsonl'), 'utf8').trim().split('\n');
const bbc = bbcLines.slice(0, 3).join('\n') + '\n';

describe('formats', () => {
  it('come from the file name, looking through .gz', () => {
    expect(formatOfName('a/articles.jsonl.gz')).toBe('jsonl');
    expect(formatOfName('crawl.warc.gz')).toBe('warc');
    expect(formatOfName('page.HTM')).toBe('html');
    expect(formatOfName('export.tsv')).toBe('tsv');
    expect(formatOfName('README')).toBe('txt');
    expect(formatOfName('scan.pdf')).toBeNull();
  });

  it('come from the content on stdin', () => {
    expect(formatOfContent(Buffer.from('WARC/1.1\r\nWARC-Type: warcinfo'))).toBe('warc');
    expect(formatOfContent(Buffer.from('\uFEFF{"text": "x"}'))).toBe('jsonl');
    expect(formatOfContent(Buffer.from('  <!DOCTYPE html><html>'))).toBe('html');
    expect(formatOfContent(Buffer.from('Iraq militia boss says\n\nAn image'))).toBe('txt');
  });
});

describe('readInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsfacts-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'feed', 'b'), { recursive: true });
  writeFileSync(join(dir, 'feed', 'articles.jsonl.gz'), gzipSync(bbc));
  writeFileSync(join(dir, 'feed', 'b', 'iraq.txt.gz'), gzipSync(readFileSync(DEFAULT_ARTICLE)));
  writeFileSync(join(dir, 'feed', 'b', 'notes.pdf'), '%PDF-1.4');
  const full = gzipSync(bbc);
  const truncated = full.subarray(0, Math.floor(full.length * 0.8));
  writeFileSync(join(dir, 'truncated.jsonl.gz'), truncated);

  it('reads gzip-compressed JSON Lines and text in a directory, in sorted order', async () => {
    const items = await collect(readInputs([join(dir, 'feed')]));
    expect(items.map((i) => i.source)).toEqual([
      'articles.jsonl.gz#bbc-business-001', 'articles.jsonl.gz#bbc-business-002', 'articles.jsonl.gz#bbc-business-003', 'b/iraq.txt.gz', 'b/notes.pdf',
    ]);
    expect(items[3]).toMatchObject({ title: 'Iraq militia boss says US not serious about fighting the Islamic State' });
    expect(items[4]).toMatchObject({ record: null, reason: 'unsupported format ".pdf" (name one with --format)' });
  });

  it('keeps the records before a truncated gzip and rejects the rest with the record where it broke', async () => {
    const items = await collect(readInputs([join(dir, 'truncated.jsonl.gz')]));
    const documents = items.filter((i) => !isReject(i));
    const rejects = items.filter(isReject);
    // every line the bytes before the cut hold whole, then one reject at the line the cut runs through
    const whole = gunzipSync(truncated, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8').split('\n').length - 1;
    expect(whole).toBe(2);
    expect(documents.map((d) => d.source)).toEqual(['truncated.jsonl.gz#bbc-business-001', 'truncated.jsonl.gz#bbc-business-002'].slice(0, whole));
    expect(rejects).toEqual([{ source: 'truncated.jsonl.gz', record: whole + 1, reason: `cannot read past record ${whole}: truncated gzip` }]);
  });

  it('keeps every record decoded before a corrupt byte in a gzip file, and rejects the file where it broke', async () => {
    // 28 BBC articles, with one byte changed at one of 40 points of the compressed data
    const jsonl = bbcLines.join('\n') + '\n';
    const ids = jsonl.trim().split('\n').map((l) => `corrupt.jsonl.gz#${(JSON.parse(l) as { id: string }).id}`);
    const gz = gzipSync(jsonl);
    for (let k = 1; k <= 40; k++) {
      const flip = Math.floor((gz.length * k) / 41);
      const corrupt = Buffer.from(gz);
      corrupt[flip] = corrupt[flip]! ^ ((k * 37) % 255 + 1);
      writeFileSync(join(dir, 'corrupt.jsonl.gz'), corrupt);
      // the records any gzip decoder can give whole from the bytes before the flip
      const decodable = gunzipSync(gz.subarray(0, flip), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      const whole = decodable.split('\n').length - 1;
      const items = await collect(readInputs([join(dir, 'corrupt.jsonl.gz')]));
      const documents = items.filter((i) => !isReject(i)).map((d) => d.source);
      expect(documents.slice(0, whole), `byte ${flip} changed`).toEqual(ids.slice(0, whole));
      expect(items.filter(isReject).at(-1)!.reason).toMatch(/corrupt gzip/);
    }
  });

  it('reads concatenated gzip members as one stream, and ignores bytes after the last member', async () => {
    const [first, ...rest] = bbc.trim().split('\n');
    writeFileSync(join(dir, 'members.jsonl.gz'), Buffer.concat([gzipSync(first + '\n'), gzipSync(rest.join('\n') + '\n'), Buffer.alloc(16)]));
    const items = await collect(readInputs([join(dir, 'members.jsonl.gz')]));
    expect(items.map((i) => i.source)).toEqual(['members.jsonl.gz#bbc-business-001', 'members.jsonl.gz#bbc-business-002', 'members.jsonl.gz#bbc-business-003']);
  });

  it('expands globs in a stable order and rejects a pattern that matches nothing', async () => {
    const items = await collect(readInputs([join(dir, 'feed/**/*.gz'), join(dir, 'nothing/*.txt')]));
    expect(items[0]).toMatchObject({ reason: 'no file matches this pattern' });
    expect(items.filter((i) => !isReject(i))).toHaveLength(4);
  });

  it('rejects documents over --max-chars and keeps the others', async () => {
    const items = await collect(readInputs([join(dir, 'feed', 'articles.jsonl.gz')], { maxChars: 2000 }));
    const lengths = bbc.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text.length);
    expect(items.map((i) => isReject(i))).toEqual(lengths.map((n) => n > 2000));
    expect(items.find(isReject)!.reason).toMatch(/over --max-chars 2000/);
  });
});

describe('readStdin', () => {
  it('sniffs gzip and JSON Lines and reads records split across chunks', async () => {
    const items = await collect(readStdin({}, chunksOf(gzipSync(bbc), 97)));
    expect(items.map((i) => i.source)).toEqual(['stdin#bbc-business-001', 'stdin#bbc-business-002', 'stdin#bbc-business-003']);
  });

  it('reads an article as plain text, or as the format named', async () => {
    const article = readFileSync(DEFAULT_ARTICLE);
    expect(await collect(readStdin({}, chunksOf(article, 1000)))).toMatchObject([{ source: 'stdin', title: 'Iraq militia boss says US not serious about fighting the Islamic State' }]);
    const asJson = await collect(readStdin({ format: 'jsonl' }, chunksOf(article, 1000)));
    expect(asJson.every(isReject)).toBe(true);
  });
});

describe('lines', () => {
  it('numbers lines across chunks and reports an overlong one by its length without keeping it', async () => {
    const text = Buffer.from('{"a":1}\n' + 'x'.repeat(5000) + '\n\n{"b":2}');
    const out = [];
    for await (const line of lines(chunksOf(text, 333), 1000)) out.push('bytes' in line ? [line.number, line.bytes.toString()] : [line.number, line.tooLong]);
    expect(out).toEqual([[1, '{"a":1}'], [2, 5000], [3, ''], [4, '{"b":2}']]);
  });
});

describe('shards', () => {
  it('split documents deterministically so that N shards see each exactly once', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `${(i * 2654435761).toString(16).padStart(12, '0')}abcdef`);
    const docs = ids.map((doc_id) => ({ doc_id, source: doc_id, title: null, published: null, text: 'x' }));
    const counts = [1, 2, 3].map((k) => docs.filter((d) => inShard(d, parseShard(`${k}/3`))).length);
    expect(counts.reduce((a, b) => a + b)).toBe(300);
    expect(counts).toEqual([100, 100, 100]); // an even split by the ids' hash, the same on every run
    expect(() => parseShard('4/3')).toThrow(/--shard wants K\/N/);
  });
});

describe('listInputs skips newsfacts output', () => {
  it("skips the run's own --out and any folder holding the .newsfacts marker, with a notice, in walks and globs", async () => {
    const { listInputs } = await import('../pipeline/lib/inputs.ts');
    const { rmSync } = await import('node:fs');
    const root = mkdtempSync(join(tmpdir(), 'newsfacts-skip-'));
    try {
      writeFileSync(join(root, 'article.txt'), 'Title\nThe army lost 12 tanks.\n');
      for (const out of ['out', 'old/run']) {
        mkdirSync(join(root, out, '.newsfacts'), { recursive: true });
        writeFileSync(join(root, out, 'documents.csv'), 'doc_id,text\n');
        writeFileSync(join(root, out, 'report.html'), '<html></html>');
        writeFileSync(join(root, out, 'facts.csv.123.tmp'), '');
      }
      mkdirSync(join(root, 'next'));
      writeFileSync(join(root, 'next', 'notes.csv'), 'text\nTroops fired 40 rockets.\n');
      const notices: string[] = [];
      const { files } = await listInputs([root], { skipDirs: [join(root, 'next')], onNotice: (m) => notices.push(m) });
      expect(files.map((f) => f.source)).toEqual(['article.txt']);
      expect(notices).toEqual([
        `skipping ${join(root, 'next')}: it holds this run's output`,
        `skipping ${join(root, 'old/run')}: it holds the output of a newsfacts run`,
        `skipping ${join(root, 'out')}: it holds the output of a newsfacts run`,
      ]);
      const globbed = await listInputs([join(root, '**/*.csv')], {});
      expect(globbed.files.map((f) => f.path)).toEqual([join(root, 'next', 'notes.csv')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('rejects of one input', () => {
  it('lists the first 1,000 rejects of a file and counts the rest in one row (a million `{}` lines, streamed from gzip)', async () => {
    const { rmSync } = await import('node:fs');
    const root = mkdtempSync(join(tmpdir(), 'newsfacts-cap-'));
    try {
      writeFileSync(join(root, 'bad.jsonl.gz'), gzipSync(Buffer.from('{}\n'.repeat(1_000_000))));
      let rejects = 0;
      let last: Ingested | undefined;
      for await (const item of readInputs([join(root, 'bad.jsonl.gz')])) {
        rejects++;
        last = item;
      }
      expect(rejects).toBe(1001);
      expect(last).toEqual({ source: 'bad.jsonl.gz', record: null, reason: 'and 999000 more rejects in this input, not listed (the first 1000 are)' });
      const capped = await collect(readInputs([join(root, 'bad.jsonl.gz')], { maxRejectsPerInput: 2 }));
      expect(capped.map((r) => (r as { reason: string }).reason)).toEqual([
        'no "text" string field',
        'no "text" string field',
        'and 999998 more rejects in this input, not listed (the first 2 are)',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
