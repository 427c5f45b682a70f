// Deterministic generator of good and malformed pipeline inputs, with a ledger
// of what each file must (certainly) give. Used by tests/fuzz.test.ts.
//
// "Certain" is conservative: a document is in `good` only when the bytes that
// make it (and, for streams, every byte before it that could change how it is
// read) are untouched. Everything else only has to give a document, a reject
// or both.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, copyFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

// ---------------------------------------------------------------- PRNG

/** mulberry32: a tiny seeded 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** k distinct items. */
  sample<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, items.length)) chosen.add(this.int(items.length));
    return [...chosen].map((i) => items[i]!);
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

// ---------------------------------------------------------------- corpus

export interface Article {
  id: string;
  title: string;
  published: string | null;
  text: string;
}

const SHARED = new URL('../../../shared/data/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/**
 * Real articles (BBC and Reuters-21578), kept short enough that thousands extract in seconds:
 * from the corpora in ../shared/data/news (`make test-corpus`), or the few dozen of them
 * copied into tests/fixtures/news (`make test`).
 */
export function loadArticles(from: 'fixtures' | 'corpus' = 'fixtures'): Article[] {
  const [bbc, reuters, bbcEvery, reutersEvery] =
    from === 'corpus'
      ? [readFileSync(join(SHARED, 'news/bbc/articles.jsonl'), 'utf8').split('\n'), gunzipSync(readFileSync(join(SHARED, 'news/reuters21578/articles.jsonl.gz'))).toString('utf8').split('\n'), 3, 10]
      : [readFileSync(join(FIXTURES, 'news/bbc.jsonl'), 'utf8').split('\n'), readFileSync(join(FIXTURES, 'news/reuters.jsonl'), 'utf8').split('\n'), 1, 1];
  const out: Article[] = [];
  const take = (line: string) => {
    if (line.trim() === '') return;
    const r = JSON.parse(line) as { id: string; title: string | null; published: string | null; text: string };
    const title = (r.title ?? '').trim();
    const text = r.text;
    if (title === '' || /[\r\n]/.test(title) || text.length < 150 || text.length > 2500) return;
    if (/^\s/.test(text) || /[\r\u0000\uFFFD]/.test(text)) return;
    out.push({ id: r.id, title, published: r.published, text });
  };
  for (const [i, line] of bbc.entries()) if (i % bbcEvery === 0) take(line);
  for (const [i, line] of reuters.entries()) if (i % reutersEvery === 0) take(line);
  return out;
}

// ---------------------------------------------------------------- ledger

export interface GoodDoc {
  source: string;
  /** The text documents.csv must hold, where the generator knows it exactly. */
  text?: string;
}

export interface Expected {
  /** Path relative to the input directory: what documents.source / rejects.source start with. */
  name: string;
  kind: string;
  /** Documents that must be read. */
  good: GoodDoc[];
  /** Exact number of documents, where known. */
  docs?: number;
  /** Exact number of rejects, where known. */
  rejects?: number;
  /** Record numbers that must each have a reject. */
  badRecords?: number[];
  /** The file must give at least one reject (a break that must be reported). */
  mustReject?: boolean;
  /** A reject of this file must match. */
  reason?: RegExp;
  /**
   * Empty containers (a JSONL of no records, a CSV of only a header, a WARC of no
   * pages): 'expected' where the generator made one on purpose, 'possible' where a
   * mutation may have left one. The readers give nothing for them (bug B2 in the report).
   */
  emptyContainer?: 'expected' | 'possible';
  /** Certain documents here come before a flipped byte in gzip data. */
  corruptGzip?: boolean;
  /** WARC: the `in=` tag of its target URIs, which name the file in documents.source. */
  token?: string;
}

/** What a generated file holds, record by record (byte offsets in the uncompressed file). */
interface Rec {
  start: number;
  /** Exclusive; includes the line end. */
  end: number;
  terminated: boolean;
  doc?: GoodDoc;
  /** Record number that must be rejected (bad JSONL line, bad CSV row, WARC page with bad bytes). */
  bad?: number;
}

type Format = 'txt' | 'jsonl' | 'csv' | 'tsv' | 'html' | 'warc';

interface Built {
  format: Format;
  bytes: Buffer;
  recs: Rec[];
  /** CSV: end of the header row. */
  headerEnd?: number;
  /** Record lines whose content the generator cannot predict (documents or rejects). */
  unknown?: number;
}

const norm = (text: string) => text.replace(/\r\n?/g, '\n');

// ---------------------------------------------------------------- good builders

/** JSON Lines of articles; `lines` may mix in bad or odd lines. */
function buildJsonl(rng: Rng, name: string, items: (Article | BadLine)[], opts: { crlf?: boolean; bom?: boolean; blankLines?: boolean; final?: boolean } = {}): Built {
  const eol = opts.crlf ? '\r\n' : '\n';
  const parts: Buffer[] = [];
  const recs: Rec[] = [];
  let offset = 0;
  let lineNo = 0;
  let unknown = 0;
  const push = (buf: Buffer) => {
    parts.push(buf);
    offset += buf.length;
  };
  if (opts.bom) push(Buffer.from([0xef, 0xbb, 0xbf]));
  items.forEach((item, i) => {
    if (opts.blankLines && rng.chance(0.2)) {
      push(Buffer.from(rng.pick(['', '   ', '\t']) + eol));
      lineNo++;
    }
    lineNo++;
    const last = i === items.length - 1;
    const ending = last && opts.final === false ? '' : eol;
    const start = offset;
    if ('kind' in item) {
      const line = item.line(lineNo);
      push(Buffer.concat([line.bytes, Buffer.from(ending)]));
      if (line.bad) recs.push({ start, end: offset, terminated: ending !== '', bad: lineNo });
      else if (line.doc) recs.push({ start, end: offset, terminated: ending !== '', doc: line.doc(name) });
      else unknown++;
      return;
    }
    const { record, source } = jsonRecord(rng, name, item, lineNo);
    let json = rng.chance(0.1)
      ? `{ ${Object.entries(record).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`
      : JSON.stringify(record);
    if (rng.chance(0.15)) json = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    push(Buffer.from(json + ending));
    recs.push({ start, end: offset, terminated: ending !== '', doc: { source, text: norm(item.text).trimEnd() } });
  });
  return { format: 'jsonl', bytes: Buffer.concat(parts), recs, unknown };
}

function jsonRecord(rng: Rng, name: string, a: Article, lineNo: number): { record: Record<string, unknown>; source: string } {
  const variant = rng.int(6);
  const record: Record<string, unknown> = {};
  let source: string;
  if (variant === 0) {
    source = `${name}#line-${lineNo}`; // no id
  } else if (variant === 1) {
    const n = 100000 + rng.int(900000);
    record.id = n;
    source = `${name}#${n}`;
  } else {
    record.id = a.id;
    source = `${name}#${a.id}`;
  }
  record.title = a.title;
  if (rng.chance(0.5)) record[rng.pick(['published', 'date', 'published_at'])] = a.published;
  if (rng.chance(0.3)) record.category = rng.pick(['business', 'world', 'cocoa', null, 3, ['a', 'b']]);
  record.text = a.text;
  if (rng.chance(0.3)) {
    const keys = rng.shuffle(Object.keys(record));
    return { record: Object.fromEntries(keys.map((k) => [k, record[k]])), source };
  }
  return { record, source };
}

/** A plain-text article: headline, blank line, body. */
function buildTxt(rng: Rng, name: string, a: Article): Built {
  const eol = rng.chance(0.2) ? '\r\n' : '\n';
  let content = `${a.title}${eol}${eol}${a.text.replace(/\n/g, eol)}${rng.pick(['', eol, eol + eol, '  ' + eol])}`;
  if (rng.chance(0.1)) content = `${eol}${content}`;
  const bom = rng.chance(0.1) ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0);
  const bytes = Buffer.concat([bom, Buffer.from(content)]);
  return { format: 'txt', bytes, recs: [{ start: 0, end: bytes.length, terminated: true, doc: { source: name, text: norm(a.text).trimEnd() } }] };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function articleHtml(rng: Rng, a: Article): string {
  const paragraphs = a.text.split(/\n+/).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const head = `<head><meta charset="utf-8"><title>${escapeHtml(a.title)} | The Wire</title>${rng.chance(0.5) ? `<meta property="og:title" content="${escapeHtml(a.title)}">` : ''}${
    a.published && rng.chance(0.5) ? `<meta property="article:published_time" content="${a.published}">` : ''
  }<style>p { margin: 0 }</style></head>`;
  const nav = '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>';
  const foot = '<footer><p>Copyright The Wire. All rights reserved.</p></footer><script>window.ads = [1, 2, 3];</script>';
  const body = rng.pick([
    `<main><article><h1>${escapeHtml(a.title)}</h1><p class="byline">By staff reporters</p>${paragraphs}</article></main>`,
    `<div id="content"><div class="story"><h2>${escapeHtml(a.title)}</h2>${paragraphs}</div></div>`,
    `<article>${paragraphs}<div>Advertisement</div></article>`,
  ]);
  return `<!DOCTYPE html>\n<html lang="en">${head}<body>${nav}${body}<aside><p>Most read</p></aside>${foot}</body></html>\n`;
}

function buildHtml(rng: Rng, name: string, a: Article): Built {
  const bytes = Buffer.from(articleHtml(rng, a));
  return { format: 'html', bytes, recs: [{ start: 0, end: bytes.length, terminated: true, doc: { source: name } }] };
}

const CSV_HEADERS: { names: string[]; text: number; id: number | null }[] = [
  { names: ['id', 'title', 'published', 'text'], text: 3, id: 0 },
  { names: ['article_id', 'headline', 'date', 'body'], text: 3, id: 0 },
  { names: ['ID', 'Headline', 'Content'], text: 2, id: 0 },
  { names: ['text'], text: 0, id: null },
  { names: ['section', 'Title', 'Story', 'words', 'doc_id'], text: 2, id: 4 },
];

function csvField(value: string, delimiter: string, always: boolean): string {
  return always || value.includes(delimiter) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

type CsvRow = Article | { raw: (header: typeof CSV_HEADERS[number], delimiter: string, n: number) => { bytes: Buffer; bad: boolean; swallows?: boolean } };

function buildDelimited(rng: Rng, name: string, format: 'csv' | 'tsv', rows: CsvRow[], header = rng.pick(CSV_HEADERS)): Built {
  const delimiter = format === 'csv' ? ',' : '\t';
  const eol = rng.chance(0.25) ? '\r\n' : '\n';
  const always = rng.chance(0.2);
  const parts: Buffer[] = [];
  let offset = 0;
  const push = (s: string | Buffer) => {
    const b = typeof s === 'string' ? Buffer.from(s) : s;
    parts.push(b);
    offset += b.length;
  };
  if (rng.chance(0.1)) push(Buffer.from([0xef, 0xbb, 0xbf]));
  push(header.names.join(delimiter) + eol);
  const headerEnd = offset;
  const recs: Rec[] = [];
  let n = 0;
  for (const row of rows) {
    n++;
    const start = offset;
    if ('raw' in row) {
      const r = row.raw(header, delimiter, n);
      push(Buffer.concat([r.bytes, Buffer.from(r.swallows ? '' : eol)]));
      recs.push({ start, end: offset, terminated: !r.swallows, bad: r.bad ? n : undefined });
      if (r.swallows) break;
      continue;
    }
    const fields = header.names.map((h, i) => {
      if (i === header.text) return row.text;
      if (i === header.id) return row.id;
      if (/title|headline/i.test(h)) return row.title;
      if (/date|published/i.test(h)) return row.published ?? '';
      if (h === 'words') return String(row.text.split(/\s+/).length);
      return 'news';
    });
    push(fields.map((f) => csvField(f, delimiter, always)).join(delimiter) + eol);
    const source = header.id === null ? `${name}#row-${n}` : `${name}#${row.id}`;
    recs.push({ start, end: offset, terminated: true, doc: { source, text: norm(row.text).trimEnd() } });
  }
  return { format, bytes: Buffer.concat(parts), recs, headerEnd };
}

// ---------------------------------------------------------------- WARC

interface WarcRecord {
  bytes: Buffer;
  /** 1-based number in the file. */
  n: number;
  kind: 'page' | 'badpage' | 'other';
  url?: string;
}

const PAGE_RECORDS = new Map<number, WarcRecord['kind']>([[3, 'page'], [5, 'page'], [7, 'page'], [8, 'badpage']]);

/** The records of tests/fixtures/warc/news.warc, each target URI tagged `?in=<token>` so its documents name the file. */
function warcRecords(fixture: Buffer, token: string): WarcRecord[] {
  const out: WarcRecord[] = [];
  let pos = 0;
  while (pos < fixture.length) {
    const headerEnd = fixture.indexOf('\r\n\r\n', pos);
    const head = fixture.subarray(pos, headerEnd).toString('latin1');
    const length = Number(/Content-Length: (\d+)/.exec(head)![1]);
    const end = headerEnd + 4 + length + 4;
    let url: string | undefined;
    const newHead = head.replace(/^WARC-Target-URI: (\S+)$/m, (_, u: string) => {
      url = `${u}?in=${token}`;
      return `WARC-Target-URI: ${url}`;
    });
    const n = out.length + 1;
    out.push({ bytes: Buffer.concat([Buffer.from(newHead, 'latin1'), fixture.subarray(headerEnd, end)]), n, kind: PAGE_RECORDS.get(n) ?? 'other', url });
    pos = end;
  }
  return out;
}

function buildWarc(records: WarcRecord[], gzip: boolean): Built & { members: Buffer[]; blockRanges: [number, number][] } {
  const members = records.map((r) => (gzip ? gzipSync(r.bytes) : r.bytes));
  const recs: Rec[] = [];
  const blockRanges: [number, number][] = [];
  let offset = 0;
  for (const [i, r] of records.entries()) {
    const start = offset;
    offset += members[i]!.length;
    recs.push({ start, end: offset, terminated: true, doc: r.kind === 'page' ? { source: r.url! } : undefined, bad: r.kind === 'badpage' ? r.n : undefined });
    if (!gzip) blockRanges.push([start + r.bytes.indexOf('\r\n\r\n') + 4, offset - 4]);
  }
  return { format: 'warc', bytes: Buffer.concat(members), recs, members, blockRanges };
}

// ---------------------------------------------------------------- bad JSON lines

interface BadLine {
  kind: string;
  line: (lineNo: number) => { bytes: Buffer; bad?: boolean; doc?: (name: string) => GoodDoc };
}

function badJsonLine(rng: Rng, a: Article): BadLine {
  const json = JSON.stringify({ id: a.id, title: a.title, text: a.text });
  const bad = (kind: string, text: string | Buffer): BadLine => ({ kind, line: () => ({ bytes: Buffer.isBuffer(text) ? text : Buffer.from(text), bad: true }) });
  const odd = (kind: string, text: string): BadLine => ({ kind, line: () => ({ bytes: Buffer.from(text) }) });
  const depth = rng.range(1000, 60000);
  const withBytes = (inject: Buffer) => {
    const buf = Buffer.from(json);
    const at = buf.indexOf('"text":"') + 8 + rng.int(50);
    return Buffer.concat([buf.subarray(0, at), inject, buf.subarray(at)]);
  };
  const choices: (() => BadLine)[] = [
    () => bad('cut', json.slice(0, rng.range(1, json.length - 1))),
    () => bad('unbalanced', rng.pick([`{${json}`, `${json}}`, `${json.slice(0, -1)}]`, `[${json}`, `{"text": "${a.title}"`, `${json} junk`, `${json}{"text":"x"}`])),
    () => bad('not an object', rng.pick([`[${json}]`, '12345', '-1.5e300', '"a string"', 'null', 'true', 'false', '[]', '["text", "x"]', 'NaN', 'undefined'])),
    () => bad('deep arrays', '['.repeat(depth) + ']'.repeat(depth)),
    () => bad('deep objects', '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth)),
    () => bad('no text', JSON.stringify({ id: a.id, title: a.title, body: a.text })),
    () => bad('text not a string', JSON.stringify({ id: a.id, text: rng.pick([null, 42, true, { p: a.text }, [a.text], 0]) })),
    () => bad('empty text', JSON.stringify({ id: a.id, text: rng.pick(['', '   ', '\n\n\t', '\r\n', '\u00a0\u2003']) })),
    () => bad('invalid UTF-8', withBytes(rng.pick([Buffer.from([0xff]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xc0, 0x80]), Buffer.from([0xf5, 0x80, 0x80, 0x80])]))),
    () => bad('NUL byte', withBytes(Buffer.from([0x00]))),
    () => bad('single quotes', json.replace(/"/g, "'")),
    () => bad('trailing comma', json.replace(/}$/, ',}')),
    () => bad('bad escape', json.replace('"text":"', '"text":"\\q')),
    // Valid JSON that is still a document, or garbage whose outcome is not worth predicting.
    () => odd('lone surrogate escape', JSON.stringify({ id: `${a.id}-s`, text: a.text }).replace('"text":"', '"text":"\\ud800')),
    () => odd('NUL escape', JSON.stringify({ id: `${a.id}-z`, text: a.text }).replace('"text":"', '"text":"\\u0000')),
    () => odd('duplicate keys', `{"id":"${a.id}-d","text":5,"text":${JSON.stringify(a.text)}}`),
    () => odd('deep value', `{"id":"${a.id}-v","text":${JSON.stringify(a.text)},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`),
    () => odd('BOM mid-file', `\uFEFF${JSON.stringify({ id: `${a.id}-b`, text: a.text })}`),
  ];
  return rng.pick(choices)();
}

// ---------------------------------------------------------------- mutation

interface Mutated {
  bytes: Buffer;
  /** Original positions changed (an insertion touches the bytes either side). */
  touched: number[];
  truncatedAt: number | null;
}

const SPECIAL = [0x0a, 0x22, 0x7b, 0x7d, 0x2c, 0x09, 0x00, 0xff, 0xc3, 0x3c, 0x0d, 0x5c, 0x3e, 0x20, 0x80, 0x5b];
const INSERTS = ['\n', '"', '\r\n', '\\', '\u0000', '{"', '</p>', '<script>', '\uFEFF', ',', '\t', '<!--', '}\n{'].map((s) => Buffer.from(s));

function mutate(rng: Rng, bytes: Buffer, count: number, regions: [number, number][] = [[0, bytes.length]], donor?: Buffer): Mutated {
  type Op = { at: number; op: 'flip' | 'set' | 'insert' | 'truncate'; value: number; insert?: Buffer };
  const ops: Op[] = [];
  const position = () => {
    const [a, b] = rng.pick(regions);
    return a + rng.int(Math.max(1, b - a));
  };
  for (let i = 0; i < count; i++) {
    const r = rng.float();
    const at = position();
    if (r < 0.35) ops.push({ at, op: 'flip', value: 1 + rng.int(255) });
    else if (r < 0.55) ops.push({ at, op: 'set', value: rng.pick(SPECIAL) });
    else if (r < 0.85) {
      const insert = rng.chance(0.4) ? rng.bytes(rng.range(1, 12)) : rng.chance(0.7) || !donor ? rng.pick(INSERTS) : donor.subarray(rng.int(donor.length), rng.int(donor.length) + 200);
      ops.push({ at, op: 'insert', value: 0, insert });
    } else ops.push({ at: Math.max(1, at), op: 'truncate', value: 0 });
  }
  ops.sort((x, y) => y.at - x.at);
  let out = Buffer.from(bytes);
  const touched: number[] = [];
  let truncatedAt: number | null = null;
  for (const o of ops) {
    if (o.op === 'truncate') {
      out = out.subarray(0, o.at);
      truncatedAt = truncatedAt === null ? o.at : Math.min(truncatedAt, o.at);
    } else if (o.op === 'insert') {
      out = Buffer.concat([out.subarray(0, o.at), o.insert!, out.subarray(o.at)]);
      touched.push(o.at - 1, o.at);
    } else if (o.at < out.length) {
      out[o.at] = o.op === 'flip' ? out[o.at]! ^ o.value : o.value;
      touched.push(o.at);
    }
  }
  return { bytes: Buffer.from(out), touched, truncatedAt };
}

/** True when any byte of [a, b] (inclusive) was changed or cut. */
function hit(m: Pick<Mutated, 'touched' | 'truncatedAt'>, a: number, b: number): boolean {
  return (m.truncatedAt !== null && m.truncatedAt <= b) || m.touched.some((p) => p >= a && p <= b);
}

function firstTouched(m: Pick<Mutated, 'touched' | 'truncatedAt'>): number {
  return Math.min(m.truncatedAt ?? Infinity, ...m.touched);
}

/** The records of `built` that survive the damage for certain. */
function survivors(built: Built, m: Pick<Mutated, 'touched' | 'truncatedAt'>): Rec[] {
  if (built.format === 'jsonl') {
    // A record without an id is named by its line number, which a newline added or removed before it changes.
    const first = firstTouched(m);
    return built.recs.filter((r) => !hit(m, r.start - 1, r.end - 1) && (!/#line-\d+$/.test(r.doc?.source ?? '') || r.end <= first));
  }
  if (built.format === 'csv' || built.format === 'tsv' || built.format === 'warc') {
    const first = firstTouched(m);
    return built.recs.filter((r) => r.end <= first);
  }
  return built.recs.filter((r) => !hit(m, 0, r.end));
}

/** The decompressed bytes a damaged gzip certainly yields: everything decodable from the bytes before `limit`. */
function decodablePrefix(gz: Buffer, limit: number): number {
  try {
    return gunzipSync(gz.subarray(0, limit), { finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch {
    return 0;
  }
}

/** True when every line is blank: the JSONL reader then yields nothing at all. */
function blankJsonl(bytes: Buffer): boolean {
  let content = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      content = gunzipSync(bytes);
    } catch {
      return false;
    }
  }
  for (const line of content.toString('latin1').split('\n')) {
    const raw = Buffer.from(line, 'latin1');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return false;
    }
    if (text.includes('\u0000') || text.replace(/\r/g, '\n').trim() !== '') return false;
  }
  return true;
}

// ---------------------------------------------------------------- the corpus of inputs

export interface Generated {
  dir: string;
  ledger: Expected[];
  /** Files written (the 50 MB file and its hard links included). */
  files: number;
  articles: Article[];
}

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const BIG_BYTES = 50 * 1024 * 1024;

export function generate(dir: string, seed: number, articles: Article[] = loadArticles(), opts: { skipBig?: boolean; scale?: number } = {}): Generated {
  const rng = new Rng(seed);
  /** How many files of a kind: `count` at scale 1 (about 3,000 files in all), at least one. */
  const n = (count: number) => Math.max(1, Math.round(count * (opts.scale ?? 1)));
  const ledger: Expected[] = [];
  let files = 0;
  const fixtureWarc = readFileSync(join(FIXTURES, 'warc/news.warc'));
  let tokens = 0;
  const nextToken = () => `w${String(++tokens).padStart(4, '0')}`;
  const counters = new Map<string, number>();
  const nameFor = (group: string, kind: string, ext: string) => {
    const n = (counters.get(group) ?? 0) + 1;
    counters.set(group, n);
    return `${group}/${String(n).padStart(4, '0')}-${kind}${ext}`;
  };
  const write = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    files++;
  };
  const arts = (k: number) => rng.sample(articles, k);
  const buildAny = (format: 'jsonl' | 'csv' | 'tsv' | 'txt' | 'html', name: string): Built =>
    format === 'jsonl' ? buildJsonl(rng, name, arts(rng.range(2, 8))) : format === 'txt' ? buildTxt(rng, name, arts(1)[0]!) : format === 'html' ? buildHtml(rng, name, arts(1)[0]!) : buildDelimited(rng, name, format, arts(rng.range(2, 8)));
  /** Registers a file holding `built` (optionally gzipped) whose records all stand. */
  const whole = (name: string, kind: string, built: Built, bytes: Buffer, extra: Partial<Expected> = {}) => {
    write(name, bytes);
    const good = built.recs.filter((r) => r.doc).map((r) => r.doc!);
    const bad = built.recs.filter((r) => r.bad !== undefined).map((r) => r.bad!);
    const exact = !built.unknown;
    ledger.push({
      name, kind, good, badRecords: bad,
      docs: exact ? good.length : undefined,
      rejects: exact && built.format !== 'csv' && built.format !== 'tsv' ? bad.length : undefined,
      ...extra,
    });
  };

  // ---- GOOD documents in every format
  for (let i = 0; i < n(170); i++) {
    const ext = rng.pick(['.txt', '.txt', '.txt', '.text', '', '.TXT']);
    const name = nameFor('good', 'article', ext);
    const built = buildTxt(rng, name, arts(1)[0]!);
    whole(name, 'good txt', built, built.bytes);
  }
  for (let i = 0; i < n(150); i++) {
    const name = nameFor('good', 'feed', rng.pick(['.jsonl', '.jsonl', '.ndjson']));
    const built = buildJsonl(rng, name, arts(rng.range(1, 5)), { crlf: rng.chance(0.2), bom: rng.chance(0.1), blankLines: rng.chance(0.3), final: rng.chance(0.8) });
    whole(name, 'good jsonl', built, built.bytes);
  }
  for (let i = 0; i < n(70); i++) {
    const name = nameFor('good', 'feed', rng.pick(['.jsonl.gz', '.jsonl.gz', '.JSONL.GZ', '.ndjson.gzip']));
    const built = buildJsonl(rng, name, arts(rng.range(1, 5)), { blankLines: rng.chance(0.3), final: rng.chance(0.8) });
    whole(name, 'good jsonl.gz', built, gzipSync(built.bytes));
  }
  for (let i = 0; i < n(110); i++) {
    const ext = rng.pick(['.html', '.html', '.htm', '.xhtml', '.html.gz']);
    const name = nameFor('good', 'page', ext);
    const built = buildHtml(rng, name, arts(1)[0]!);
    whole(name, 'good html', built, ext.endsWith('.gz') ? gzipSync(built.bytes) : built.bytes);
  }
  for (let i = 0; i < n(140); i++) {
    const format = rng.pick(['csv', 'tsv'] as const);
    const gz = rng.chance(0.25);
    const ext = format === 'csv' ? '.csv' : rng.pick(['.tsv', '.tab']);
    const name = nameFor('good', 'table', ext + (gz ? '.gz' : ''));
    const built = buildDelimited(rng, name, format, arts(rng.range(1, 5)));
    whole(name, `good ${format}`, built, gz ? gzipSync(built.bytes) : built.bytes, { rejects: 0 });
  }
  for (let i = 0; i < n(24); i++) {
    const gz = rng.chance(0.5);
    const name = nameFor('good', 'crawl', gz ? '.warc.gz' : '.warc');
    const token = nextToken();
    const built = buildWarc(warcRecords(fixtureWarc, token), gz);
    whole(name, 'good warc', built, built.bytes, { token });
  }
  for (let i = 0; i < n(30); i++) {
    // A gzip file named only .gz is plain text.
    const name = nameFor('good', 'notes', rng.pick(['.gz', '.txt.gz', '.text.gzip']));
    const built = buildTxt(rng, name, arts(1)[0]!);
    whole(name, 'good txt.gz', built, gzipSync(built.bytes));
  }

  // ---- MALFORMED inputs of every kind
  const reject = (name: string, kind: string, bytes: Buffer | string, extra: Partial<Expected> = {}) => {
    write(name, bytes);
    ledger.push({ name, kind, good: [], docs: 0, rejects: 1, ...extra });
  };
  const uncertain = (name: string, kind: string, bytes: Buffer | string, extra: Partial<Expected> = {}) => {
    write(name, bytes);
    const expected: Expected = { name, kind, good: [], ...extra };
    if (/\.(jsonl|ndjson)(\.gz)?$/.test(name) && blankJsonl(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes))) expected.emptyContainer = 'possible';
    ledger.push(expected);
  };

  // invalid UTF-8 in a text file: the whole file is rejected
  for (let i = 0; i < n(50); i++) {
    const built = buildTxt(rng, 'x', arts(1)[0]!);
    const at = rng.int(built.bytes.length);
    const bytes = Buffer.concat([built.bytes.subarray(0, at), rng.pick([Buffer.from([0xff]), Buffer.from([0xa3, 0x35]), Buffer.from([0xc3]), Buffer.from([0xed, 0xbf, 0xbf]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])]), built.bytes.subarray(at)]);
    reject(nameFor('bad', 'invalid-utf8', '.txt'), 'invalid UTF-8 txt', bytes, { reason: /invalid UTF-8/ });
  }
  // binary files: random bytes under every extension
  for (let i = 0; i < n(150); i++) {
    const ext = rng.pick(['.txt', '.jsonl', '.csv', '.tsv', '.html', '.warc', '.txt.gz', '', '.jsonl.gz', '.warc.gz']);
    const len = rng.pick([1, 2, 3, 16, 100, 1000, 5000, 20000]);
    let bytes = rng.bytes(len);
    if (ext.endsWith('.gz') && rng.chance(0.5)) bytes = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), bytes]);
    uncertain(nameFor('bad', 'random', ext), `random bytes ${ext || '(no extension)'}`, bytes);
  }
  // PNG images under image and text names
  for (let i = 0; i < n(20); i++) {
    const ext = rng.pick(['.png', '.txt', '.html', '.jsonl', '.csv', '.warc']);
    const bytes = Buffer.concat([PNG_1X1, rng.chance(0.5) ? rng.bytes(rng.range(10, 3000)) : Buffer.alloc(0)]);
    if (ext === '.png') reject(nameFor('bad', 'image', ext), 'PNG (unsupported)', bytes, { reason: /unsupported format "\.png"/ });
    else if (ext === '.txt') reject(nameFor('bad', 'image', ext), 'PNG as txt', bytes, { reason: /invalid UTF-8/ });
    else uncertain(nameFor('bad', 'image', ext), `PNG as ${ext}`, bytes);
  }
  // empty and whitespace-only files
  const blank = () => Buffer.from(Array.from({ length: rng.range(1, 40) }, () => rng.pick([' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\r'])).join(''));
  for (let i = 0; i < n(60); i++) {
    const ws = i % 2 === 1;
    const content = ws ? blank() : Buffer.alloc(0);
    const ext = rng.pick(['.txt', '.html', '.csv', '.tsv', '', '.txt.gz', '.csv.gz', '.jsonl', '.ndjson', '.jsonl.gz', '.warc', '.warc.gz']);
    const bytes = ext.endsWith('.gz') ? gzipSync(content) : content;
    const name = nameFor('bad', ws ? 'whitespace' : 'empty', ext);
    if (/jsonl|ndjson|warc/.test(ext)) {
      // Nothing to read, nothing reported (bug B2) — unless a whitespace-only "WARC" is read as a broken record.
      if (ext.includes('warc') && ws) uncertain(name, `whitespace ${ext}`, bytes, { emptyContainer: 'possible' });
      else {
        write(name, bytes);
        ledger.push({ name, kind: `${ws ? 'whitespace-only' : 'empty'} ${ext}`, good: [], docs: 0, emptyContainer: 'expected' });
      }
    } else reject(name, `${ws ? 'whitespace-only' : 'empty'} ${ext || '(no extension)'}`, bytes);
  }
  // NUL bytes
  for (let i = 0; i < n(30); i++) {
    const ext = rng.pick(['.txt', '.html', '.txt.gz']);
    const a = arts(1)[0]!;
    const plain = ext.startsWith('.html') ? buildHtml(rng, 'x', a).bytes : buildTxt(rng, 'x', a).bytes;
    const at = rng.int(plain.length);
    const withNul = Buffer.concat([plain.subarray(0, at), Buffer.from([0]), plain.subarray(at)]);
    reject(nameFor('bad', 'nul', ext), `NUL in ${ext}`, ext.endsWith('.gz') ? gzipSync(withNul) : withNul, { reason: /binary content \(NUL bytes\)/ });
  }
  // over --max-chars just past the limit
  for (const ext of ['.txt', '.jsonl']) {
    const text = `${'The army lost 12 tanks. '.repeat(83334)}End`; // 2,000,019 characters
    const name = nameFor('bad', 'over-max-chars', ext);
    if (ext === '.txt') reject(name, 'txt of 2,000,001 chars', text, { reason: /over --max-chars 2000000/ });
    else reject(name, 'jsonl record of 2,000,001 chars', JSON.stringify({ id: 'long', text }) + '\n', { reason: /over --max-chars 2000000/ });
  }

  // truncated gzip, cut at random points
  for (let i = 0; i < n(190); i++) {
    const format = rng.pick(['jsonl', 'jsonl', 'csv', 'tsv', 'txt', 'html'] as const);
    const name = nameFor('bad', 'truncated', `.${format}.gz`);
    const built = buildAny(format, name);
    const gz = gzipSync(built.bytes);
    const cut = rng.range(2, gz.length - 1);
    const available = decodablePrefix(gz, cut);
    const good = built.recs.filter((r) => r.doc && r.terminated && r.end <= available && (format === 'jsonl' || format === 'csv' || format === 'tsv')).map((r) => r.doc!);
    write(name, gz.subarray(0, cut));
    // (CSV/TSV say "cannot read: Z_BUF_ERROR" where the others say "truncated gzip")
    ledger.push({ name, kind: `truncated ${format}.gz`, good, mustReject: true, ...(format === 'csv' || format === 'tsv' ? {} : { reason: /truncated gzip/ }), ...(format === 'txt' || format === 'html' ? { docs: 0, rejects: 1 } : {}) });
  }
  // corrupt gzip: flipped bytes
  for (let i = 0; i < n(110); i++) {
    const format = rng.pick(['jsonl', 'jsonl', 'csv', 'tsv', 'txt', 'html'] as const);
    const name = nameFor('bad', 'corrupt', `.${format}.gz`);
    const built = buildAny(format, name);
    const gz = gzipSync(built.bytes);
    const flips = rng.range(1, 3);
    const corrupt = Buffer.from(gz);
    let first = Infinity;
    for (let f = 0; f < flips; f++) {
      const at = rng.int(gz.length);
      corrupt[at] = corrupt[at]! ^ (1 + rng.int(255));
      first = Math.min(first, at);
    }
    const available = decodablePrefix(gz, first);
    const good = format === 'jsonl' || format === 'csv' || format === 'tsv' ? built.recs.filter((r) => r.doc && r.terminated && r.end <= available).map((r) => r.doc!) : [];
    uncertain(name, `corrupt ${format}.gz`, corrupt, { good, corruptGzip: good.length > 0 });
  }

  // malformed JSON lines among good ones
  for (let i = 0; i < n(230); i++) {
    const goodCount = rng.chance(0.15) ? 0 : rng.range(1, 5);
    const items: (Article | BadLine)[] = [...arts(goodCount), ...arts(rng.range(1, 4)).map((a) => badJsonLine(rng, a))];
    const name = nameFor('bad', 'lines', rng.pick(['.jsonl', '.jsonl', '.jsonl.gz']));
    const built = buildJsonl(rng, name, rng.shuffle(items), { blankLines: rng.chance(0.3), final: rng.chance(0.8), crlf: rng.chance(0.1) });
    whole(name, 'malformed JSON lines', built, name.endsWith('.gz') ? gzipSync(built.bytes) : built.bytes);
  }

  // CSV/TSV: ragged rows, unterminated quotes, missing text column, bad bytes
  const badRow = (kind: string): CsvRow => ({
    raw: (header, delimiter, n) => {
      const a = arts(1)[0]!;
      const fields = header.names.map((_, j) => (j === header.text ? a.text : j === header.id ? `${a.id}-r${n}` : a.title));
      const line = (fs: string[]) => Buffer.from(fs.map((f) => csvField(f, delimiter, false)).join(delimiter));
      const inText = (inject: string | Buffer) =>
        Buffer.concat(
          fields.flatMap((f, j) => {
            const sep = Buffer.from(j === 0 ? '' : delimiter);
            if (j !== header.text) return [sep, Buffer.from(csvField(f, delimiter, false))];
            const quoted = `"${f.replace(/"/g, '""')}"`;
            return [sep, Buffer.from(quoted.slice(0, 21)), Buffer.from(inject), Buffer.from(quoted.slice(21))];
          }),
        );
      switch (kind) {
        case 'too many':
          return { bytes: line([...fields, 'extra', 'more']), bad: true };
        case 'too few':
          return header.names.length > 1 ? { bytes: line(fields.slice(0, rng.range(1, header.names.length - 1))), bad: true } : { bytes: line([...fields, 'x']), bad: true };
        case 'empty text':
          // (a lone empty field would be a blank line, which is skipped)
          return { bytes: line(fields.map((f, j) => (j === header.text ? (header.names.length === 1 ? '   ' : '') : f))), bad: true };
        case 'NUL':
          return { bytes: inText('\u0000'), bad: true };
        case 'invalid UTF-8':
          return { bytes: inText(Buffer.from(rng.pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xa3]]))), bad: true };
        default: {
          // an unterminated quote in the text column: it swallows the rest of the file
          const before = fields.slice(0, header.text).map((f) => csvField(f, delimiter, false));
          return { bytes: Buffer.from([...before, `"${a.text.replace(/"/g, '""')}\nmore text after the quote\nnext,row,${a.title}`].join(delimiter)), bad: true, swallows: true };
        }
      }
    },
  });
  for (let i = 0; i < n(150); i++) {
    const format = rng.pick(['csv', 'tsv'] as const);
    const ext = `.${format}${rng.chance(0.2) ? '.gz' : ''}`;
    const name = nameFor('bad', 'rows', ext);
    if (rng.chance(0.15)) {
      // no text column: the file is one reject
      const header = { names: rng.pick([['id', 'title', 'summary'], ['headline', 'date'], ['Text Body', 'id'], ['a'], ['id', 'title', 'published', 'texts']]), text: -1, id: 0 };
      const built = buildDelimited(rng, name, format, arts(rng.range(0, 3)), header);
      const bytes = ext.endsWith('.gz') ? gzipSync(built.bytes) : built.bytes;
      reject(name, `${format} without a text column`, bytes, { reason: /no text column/ });
      continue;
    }
    const rows: CsvRow[] = [...arts(rng.range(0, 4)), ...Array.from({ length: rng.range(1, 3) }, () => badRow(rng.pick(['too many', 'too few', 'empty text', 'NUL', 'invalid UTF-8'])))];
    rng.shuffle(rows);
    if (rng.chance(0.3)) rows.push(badRow('unterminated'));
    const built = buildDelimited(rng, name, format, rows);
    const bytes = built.bytes;
    const good = built.recs.filter((r) => r.doc).map((r) => r.doc!);
    const bad = built.recs.filter((r) => r.bad !== undefined).map((r) => r.bad!);
    write(name, ext.endsWith('.gz') ? gzipSync(bytes) : bytes);
    ledger.push({ name, kind: `${format} with bad rows`, good, badRecords: bad, docs: good.length, rejects: bad.length });
  }

  // HTML: no body, only scripts, garbage tags, deep nesting, bad bytes
  for (let i = 0; i < n(110); i++) {
    const name = nameFor('bad', 'markup', rng.pick(['.html', '.htm', '.html.gz']));
    const a = arts(1)[0]!;
    const gz = (s: string | Buffer) => (name.endsWith('.gz') ? gzipSync(s) : Buffer.from(s));
    const kind = rng.int(8);
    if (kind === 0) reject(name, 'HTML without body', gz(`<!DOCTYPE html><html><head><title>${escapeHtml(a.title)}</title><meta name="description" content="x"></head></html>`), { reason: /HTML has no article text/ });
    else if (kind === 1) reject(name, 'HTML of only scripts', gz(`<html><head><script>var t = ${JSON.stringify(a.text.slice(0, 300))};</script></head><body><script src="a.js"></script><style>body{}</style><noscript></noscript><template><p>${escapeHtml(a.text.slice(0, 200))}</p></template></body></html>`), { reason: /HTML has no article text/ });
    else if (kind === 2) reject(name, 'HTML with empty body', gz(rng.pick(['<html><body></body></html>', '<html></html>', '<!-- just a comment -->', '<body>   </body>', '<p hidden>secret</p>'])), { reason: /HTML has no article text/ });
    else if (kind === 3) {
      const tags = ['<', '>', '</', '<div', '<p>', '</p>', '<<>>', '<a href="', '"', '<!--', '-->', '<![CDATA[', ']]>', '<script>', '</script>', '<br/>', '&amp', '&#xFFFFFF;', '&#0;', '<table><tr><td>', '</html>', '<body', '<?xml ?>'];
      const soup = Array.from({ length: rng.range(5, 200) }, () => (rng.chance(0.6) ? rng.pick(tags) : a.text.slice(rng.int(a.text.length), rng.int(a.text.length) + rng.range(1, 60)))).join('');
      uncertain(name, 'garbage tags', gz(soup));
    } else if (kind === 4) {
      const depth = rng.range(200, 3000);
      uncertain(name, 'deeply nested HTML', gz(`<html><body>${'<div>'.repeat(depth)}<p>${escapeHtml(a.text)}</p>${'</div>'.repeat(rng.chance(0.5) ? depth : 0)}</body></html>`));
    } else if (kind === 5) {
      const html = Buffer.from(articleHtml(rng, a));
      const at = rng.int(html.length);
      uncertain(name, 'HTML with invalid UTF-8', gz(Buffer.concat([html.subarray(0, at), Buffer.from([0xff, 0x81, 0xa3]), html.subarray(at)])));
    } else if (kind === 6) {
      const html = articleHtml(rng, a);
      uncertain(name, 'HTML cut short', gz(html.slice(0, rng.range(1, html.length - 1))));
    } else {
      uncertain(name, 'HTML with an unclosed comment or attribute', gz(articleHtml(rng, a).replace('<body>', rng.pick(['<body><!-- ', '<body><div title="', '<body><script>']))));
    }
  }

  // WARC with broken records
  for (let i = 0; i < n(170); i++) {
    const gz = rng.chance(0.5);
    const token = nextToken();
    const records = warcRecords(fixtureWarc, token);
    const kind = rng.pick(['cut', 'cut', 'cut', 'cut', 'bad version', 'no length', 'long length', 'short length', 'garbage after', 'garbage before', 'only warcinfo', 'corrupt member'] as const);
    const name = nameFor('bad', 'crawl', gz ? '.warc.gz' : '.warc');
    const pagesBefore = (k: number) => records.filter((r) => r.n < k && r.kind === 'page').map((r) => ({ source: r.url! }));
    if (kind === 'cut') {
      const built = buildWarc(records, gz);
      const cut = rng.range(1, built.bytes.length - 1);
      const complete = built.recs.filter((r) => r.end <= cut);
      // A cut in the blank lines after a record (or between gzip members) leaves a well-formed, shorter file.
      const clean = built.recs.some((r) => cut === r.end || (!gz && cut >= r.end - 4 && cut < r.end));
      const anything = complete.some((r) => r.doc || r.bad !== undefined);
      write(name, built.bytes.subarray(0, cut));
      ledger.push({
        name, kind: `WARC cut short${gz ? ' (gz)' : ''}`,
        good: complete.filter((r) => r.doc).map((r) => r.doc!),
        mustReject: !clean,
        ...(clean && !anything ? { emptyContainer: 'possible' as const } : {}),
      });
    } else if (kind === 'only warcinfo') {
      const built = buildWarc(records.slice(0, rng.range(1, 2)), gz);
      write(name, built.bytes);
      ledger.push({ name, kind: 'WARC without pages', good: [], docs: 0, emptyContainer: 'expected' });
    } else if (kind === 'garbage before') {
      const built = buildWarc(records, gz);
      reject(name, 'WARC after garbage', Buffer.concat([rng.pick([Buffer.from('HTTP/1.1 200 OK\r\n\r\n'), Buffer.concat([Buffer.from('X'), rng.bytes(rng.range(1, 500))]), Buffer.from('<html>')]), built.bytes]), { docs: 0, rejects: undefined, mustReject: true });
    } else if (kind === 'corrupt member') {
      const built = buildWarc(records, true);
      const k = rng.range(2, 8);
      const member = built.recs[k - 1]!;
      const at = member.start + rng.range(10, member.end - member.start - 1);
      const bytes = Buffer.from(built.bytes);
      bytes[at] = bytes[at]! ^ (1 + rng.int(255));
      uncertain(name.replace(/\.warc$/, '.warc.gz'), 'WARC with a corrupt gzip member', bytes, { good: pagesBefore(k) });
    } else {
      const k = kind === 'garbage after' ? 9 : kind === 'long length' ? 8 : rng.range(2, 8);
      const changed = records.map((r) => {
        if (r.n !== k) return r.bytes;
        const text = r.bytes.toString('latin1');
        const length = Number(/Content-Length: (\d+)/.exec(text)![1]);
        if (kind === 'bad version') return Buffer.from(text.replace(/^WARC\/1\.1/, rng.pick(['WARX/1.1', 'HTTP/1.1', 'warc/1.1', '1.1'])), 'latin1');
        if (kind === 'no length') return Buffer.from(text.replace(/Content-Length: \d+\r\n/, ''), 'latin1');
        if (kind === 'long length') return Buffer.from(text.replace(/Content-Length: \d+/, `Content-Length: ${length + rng.range(1, 5000)}`), 'latin1');
        return Buffer.from(text.replace(/Content-Length: \d+/, `Content-Length: ${Math.max(0, length - rng.range(1, 60))}`), 'latin1');
      });
      if (kind === 'garbage after') changed.push(rng.pick([Buffer.concat([Buffer.from('X'), rng.bytes(rng.range(1, 300))]), Buffer.from('GET / HTTP/1.1\r\n\r\n')]));
      const bytes = Buffer.concat(changed.map((b) => (gz ? gzipSync(b) : b)));
      const good = pagesBefore(k);
      if (kind === 'short length') uncertain(name, 'WARC record shorter than its Content-Length', bytes, { good });
      else {
        write(name, bytes);
        ledger.push({ name, kind: `WARC ${kind}`, good, mustReject: true, badRecords: kind === 'garbage after' ? [] : [k] });
      }
    }
    ledger[ledger.length - 1]!.token = token;
  }

  // unsupported extensions
  for (let i = 0; i < n(55); i++) {
    const ext = rng.pick(['.pdf', '.docx', '.json', '.xml', '.md', '.jpg', '.zip', '.json.gz', '.rtf', '.jsonl.bz2', '.csv.zst', '.doc', '.epub', '.html~', '.txt.bak']);
    const content = rng.pick([buildTxt(rng, 'x', arts(1)[0]!).bytes, rng.bytes(rng.range(0, 2000)), Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from(JSON.stringify({ text: 'The army lost 12 tanks.' }))]);
    reject(nameFor('bad', 'other', ext), `unsupported ${ext}`, content, { reason: /unsupported format/ });
  }

  // ---- random MUTATIONS of good files (byte flips, truncations, insertions)
  for (let i = 0; i < n(920); i++) {
    const format = rng.pick(['txt', 'jsonl', 'jsonl', 'csv', 'tsv', 'html', 'warc'] as const);
    const gz = format !== 'warc' && rng.chance(0.15);
    const ext = `.${format}${gz ? '.gz' : ''}`;
    const name = nameFor('mut', 'mutated', ext);
    let built: Built;
    let regions: [number, number][] | undefined;
    let token: string | undefined;
    if (format === 'warc') {
      token = nextToken();
      const w = buildWarc(warcRecords(fixtureWarc, token), false);
      built = w;
      // Only the record blocks after the first page: target URIs stay readable, the first page certain.
      regions = w.blockRanges.slice(3);
    } else if (format === 'jsonl') built = buildJsonl(rng, name, arts(rng.range(1, 4)), { final: rng.chance(0.8) });
    else if (format === 'txt') built = buildTxt(rng, name, arts(1)[0]!);
    else if (format === 'html') built = buildHtml(rng, name, arts(1)[0]!);
    else built = buildDelimited(rng, name, format, arts(rng.range(1, 4)));
    const count = rng.chance(0.15) ? rng.range(4, 12) : rng.range(1, 3);
    const m = mutate(rng, built.bytes, count, regions, Buffer.from(rng.pick(articles).text));
    const kept = survivors(built, m);
    const good = kept.filter((r) => r.doc).map((r) => r.doc!);
    const bytes = gz ? gzipSync(m.bytes) : m.bytes;
    const expected: Partial<Expected> = { good };
    if ((format === 'csv' || format === 'tsv') && (built.recs[0] === undefined || firstTouched(m) <= built.recs[0].start)) expected.emptyContainer = 'possible';
    uncertain(name, `mutated ${format}${gz ? '.gz' : ''}`, bytes, { ...expected, token });
  }

  if (opts.skipBig) return { dir, ledger, files, articles };

  // ---- one 50 MB single-line document, hard-linked under several names
  const big = join(dir, 'big/huge-line.jsonl');
  mkdirSync(dirname(big), { recursive: true });
  const fd = openSync(big, 'w');
  const unit = Buffer.from('The army lost 12 tanks and 3,000 troops in the offensive, officials said. ');
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i++) block[i] = unit[i % unit.length]!;
  writeSync(fd, '{"id":"huge","text":"');
  for (let written = 0; written < BIG_BYTES; written += block.length) writeSync(fd, block);
  writeSync(fd, '"}');
  closeSync(fd);
  files++;
  ledger.push({ name: 'big/huge-line.jsonl', kind: '50 MB line (jsonl)', good: [], docs: 0, rejects: 1, reason: /over --max-chars 2000000/ });
  for (const ext of ['.txt', '.html', '.csv']) {
    const linked = join(dir, `big/huge-line${ext}`);
    try {
      linkSync(big, linked);
    } catch {
      copyFileSync(big, linked);
    }
    files++;
    ledger.push({ name: `big/huge-line${ext}`, kind: `50 MB line (${ext})`, good: [], docs: 0, rejects: 1, reason: ext === '.csv' ? /record longer than|over --max-chars/ : /over --max-chars 2000000/ });
  }
  // The same, gzip-compressed (a few hundred KB that inflate to 50 MB).
  const huge = Buffer.alloc(BIG_BYTES);
  for (let i = 0; i < huge.length; i += block.length) block.copy(huge, i);
  const hugeGz = gzipSync(huge, { level: 1 });
  write('big/huge-text.txt.gz', hugeGz);
  ledger.push({ name: 'big/huge-text.txt.gz', kind: '50 MB txt.gz', good: [], docs: 0, rejects: 1, reason: /over --max-chars 2000000/ });

  return { dir, ledger, files, articles };
}

/** The fixture WARC, one gzip member a record, its target URIs tagged `?in=<token>`; and the page URLs. */
export function taggedWarc(token: string): { bytes: Buffer; pages: string[] } {
  const records = warcRecords(readFileSync(join(FIXTURES, 'warc/news.warc')), token);
  return { bytes: buildWarc(records, true).bytes, pages: records.filter((r) => r.kind === 'page').map((r) => r.url!) };
}

/** Builders for the stdin cases. */
export const builders = {
  jsonl: (rng: Rng, name: string, items: Article[]) => buildJsonl(rng, name, items),
  txt: buildTxt,
  html: buildHtml,
  csv: (rng: Rng, name: string, items: Article[]) => buildDelimited(rng, name, 'csv', items),
};
