// Every input an analyst may have, read as a stream of documents and rejects:
// files, directories (recursive), globs and stdin; plain text, JSON Lines, HTML,
// CSV/TSV and WARC, each optionally gzip-compressed.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { decodeUtf8 } from '../../src/ingest/decode.ts';
import { readDelimited, type DelimitedColumns } from '../../src/ingest/readDelimited.ts';
import { withinMaxChars } from '../../src/ingest/maxChars.ts';
import { isHtmlPage, type HtmlPage } from '../../src/ingest/readHtml.ts';
import { isReject, readJsonLine } from '../../src/ingest/readJsonLines.ts';
import { readPlainText } from '../../src/ingest/readPlainText.ts';
import { readWarc } from '../../src/ingest/readWarc.ts';
import type { Document, Reject } from '../../src/model.ts';
import { TooLarge, counted, gunzip, isGzip, lines, peek, readAll } from './byteStreams.ts';
import { isOutputDir } from './outputDir.ts';

/** What the readers give: documents, rejects, and HTML pages the workers will read. */
export type Ingested = Document | Reject | HtmlPage;

/** How the command line names standard input among the inputs (`-` on the command line). */
export const STDIN = '<stdin>';

export const FORMATS = ['txt', 'jsonl', 'html', 'csv', 'tsv', 'warc'] as const;
export type Format = (typeof FORMATS)[number];

/** Rejects listed for one input file; past this they are counted in one closing row (see capRejects). */
export const MAX_REJECTS_PER_INPUT = 1000;

/** A guard against pathological documents: longer ones are rejected, not extracted. */
export const DEFAULT_MAX_CHARS = 2_000_000;

export interface InputOptions {
  /** Overrides the format the extension (or, on stdin, the content) suggests. */
  format?: Format;
  /** CSV/TSV columns, where the defaults (text, title, published, id, url) don't fit. */
  columns?: DelimitedColumns;
  maxChars?: number;
  /** Called with the size of every chunk of input read (compressed size for .gz), for progress. */
  onBytes?: (n: number) => void;
  /** Rejects listed per input file before the rest are only counted (default MAX_REJECTS_PER_INPUT). */
  maxRejectsPerInput?: number;
  /** Folders never read as input: the run's own output folder (besides any folder holding newsfacts output). */
  skipDirs?: string[];
  /** Told of each folder skipped, in a sentence (the CLI prints it on stderr). */
  onNotice?: (message: string) => void;
}

const byExtension: Record<string, Format> = {
  '': 'txt',
  '.txt': 'txt',
  '.text': 'txt',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.warc': 'warc',
};

/** The format a file name says, looking through a .gz suffix ("articles.jsonl.gz" is JSON Lines). */
export function formatOfName(path: string): Format | null {
  const name = basename(path).toLowerCase().replace(/\.gz(?:ip)?$/, '');
  return byExtension[extname(name)] ?? null;
}

/** The format of an unnamed stream, from its first bytes (already gunzipped). */
export function formatOfContent(head: Buffer): Format {
  const start = head.subarray(0, 256).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('WARC/')) return 'warc';
  if (start.startsWith('{')) return 'jsonl';
  if (/^<(?:!doctype html|html|head|body|meta|article|!--)/i.test(start)) return 'html';
  return 'txt';
}

export interface InputFile {
  path: string;
  /** Path relative to the input root: the documents.source column. */
  source: string;
  bytes: number;
}

/**
 * Files named by the arguments (globs expanded, directories walked recursively), in a stable (sorted) order.
 * Folders of newsfacts output (the run's own --out, or any holding the .newsfacts marker) are skipped, with a notice:
 * their tables and report would otherwise be read back as articles on the next run.
 */
export async function listInputs(paths: string[], { skipDirs = [], onNotice = () => {} }: Pick<InputOptions, 'skipDirs' | 'onNotice'> = {}): Promise<{ files: InputFile[]; rejects: Reject[] }> {
  const skipped = new Set(skipDirs.map((d) => resolve(d)));
  const skip = async (dir: string) => {
    const own = skipped.has(dir);
    if (!own && !(await isOutputDir(dir))) return false;
    const shown = relative(process.cwd(), dir) || '.';
    onNotice(`skipping ${shown.startsWith('..') ? dir : shown}: it holds ${own ? "this run's output" : 'the output of a newsfacts run'}`);
    return true;
  };
  const walk = async (dir: string): Promise<string[]> => {
    if (await skip(dir)) return [];
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byCodeUnit(a.name, b.name));
    const out: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await walk(full)));
      else if (entry.isFile()) out.push(full);
    }
    return out;
  };
  // whether a folder or one of its parents is skipped, each folder asked once (for glob matches)
  const verdicts = new Map<string, Promise<boolean>>();
  const insideOutput = (dir: string): Promise<boolean> => {
    let verdict = verdicts.get(dir);
    if (!verdict) {
      const parent = dirname(dir);
      verdict = (async () => (parent !== dir && (await insideOutput(parent))) || (await skip(dir)))();
      verdicts.set(dir, verdict);
    }
    return verdict;
  };
  const files: InputFile[] = [];
  const rejects: Reject[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let info;
    try {
      info = await stat(path);
    } catch {
      if (isDynamicPattern(given)) {
        const matches: string[] = [];
        for (const match of (await glob(given, { absolute: true, onlyFiles: true, dot: false })).sort(byCodeUnit)) {
          if (!(await insideOutput(dirname(match)))) matches.push(match);
        }
        if (matches.length === 0) rejects.push({ source: given, record: null, reason: 'no file matches this pattern' });
        for (const match of matches) files.push(await inputFile(match, relative(process.cwd(), match)));
      } else rejects.push({ source: given, record: null, reason: 'no such file or directory' });
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await walk(path)) files.push(await inputFile(file, relative(path, file)));
    } else files.push({ path, source: basename(path), bytes: info.size });
  }
  return { files, rejects };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function inputFile(path: string, source: string): Promise<InputFile> {
  return { path, source: source.split('\\').join('/'), bytes: (await stat(path)).size };
}


/**
 * Documents and rejects of one byte stream in a known format. A stream that
 * breaks (truncated gzip, unreadable file) ends with one reject naming the
 * record where it broke; everything read before it stands.
 */
export async function* readStream(source: string, raw: AsyncIterable<Buffer>, format: Format, options: InputOptions): AsyncGenerator<Ingested> {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  // UTF-8 takes at most 4 bytes a character: past this, the document is over the limit whatever it holds.
  const maxBytes = maxChars * 4 + 1024;
  let records = 0;
  let produced = 0;
  let chunks: AsyncIterable<Buffer> = options.onBytes ? counted(raw, options.onBytes) : raw;
  try {
    const peeked = await peek(chunks, 2);
    chunks = peeked.chunks;
    // WARC readers take gzip members themselves (a .warc.gz is one member per record).
    if (isGzip(peeked.head) && format !== 'warc') chunks = gunzip(chunks);
    const guarded = (item: Ingested): Ingested => {
      records++;
      produced++;
      if (isReject(item)) return oneLine(item);
      return isHtmlPage(item) ? item : withinMaxChars(item, item.source === source ? null : records, maxChars);
    };
    switch (format) {
      case 'txt':
      case 'html': {
        const bytes = await readAll(chunks, maxBytes);
        if (format === 'html') {
          yield guarded({ html: decodeHtml(bytes), source, record: null });
          break;
        }
        const decoded = decodeUtf8(bytes);
        yield guarded(decoded.ok ? readPlainText(source, decoded.text) : { source, record: null, reason: decoded.reason });
        break;
      }
      case 'jsonl':
        for await (const line of lines(chunks, maxBytes)) {
          records = line.number - 1;
          if ('tooLong' in line) {
            yield guarded({ source, record: line.number, reason: `line of ${line.tooLong} bytes, over --max-chars ${maxChars}` });
            continue;
          }
          const decoded = decodeUtf8(line.bytes);
          const item = decoded.ok ? readJsonLine(source, decoded.text, line.number) : { source, record: line.number, reason: decoded.reason };
          if (item) yield guarded(item);
        }
        if (produced === 0) yield { source, record: null, reason: 'no records: the file is empty or blank' };
        break;
      case 'csv':
      case 'tsv':
        for await (const item of readDelimited(source, chunks, { delimiter: format === 'csv' ? ',' : '\t', columns: options.columns })) yield guarded(item);
        if (produced === 0) yield { source, record: null, reason: 'no rows: the file is empty or holds only a header' };
        break;
      case 'warc':
        for await (const item of readWarc(source, chunks, (page, html, record): HtmlPage => ({ html, source: page, record }))) yield guarded(item);
        if (produced === 0) yield { source, record: null, reason: 'no HTML pages: the WARC file holds no HTTP 200 text/html response' };
        break;
    }
  } catch (error) {
    const reason =
      error instanceof TooLarge
        ? `file is over --max-chars ${maxChars}`
        : `cannot read${records > 0 ? ` past record ${records}` : ''}: ${describe(error)}`;
    yield { source, record: records > 0 ? records + 1 : null, reason };
  }
}

/** A reject's source and reason on one line, in the words the other readers use. */
function oneLine(reject: Reject): Reject {
  const flat = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const reason = flat(reject.reason).replace(/\bZ_BUF_ERROR\b/, 'truncated gzip').replace(/\bZ_DATA_ERROR\b/, 'corrupt gzip');
  return { source: flat(reject.source), record: reject.record, reason };
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message ?? '')) return 'truncated gzip';
  if (e.code === 'Z_DATA_ERROR') return 'corrupt gzip';
  return e.code && e.code.startsWith('E') ? e.code : (e.message ?? String(error)).split('\n')[0]!;
}

/** HTML is UTF-8 unless it is not: a page that fails strict UTF-8 is read as Windows-1252, as browsers do. */
function decodeHtml(bytes: Buffer): string {
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? decoded.text : new TextDecoder('windows-1252').decode(bytes);
}

/**
 * The items of one input with at most `limit` of its rejects; the rest are
 * counted into one closing row, so a file of ten million bad lines gives 1,001
 * rows, not a 690 MB rejects.csv.
 */
export async function* capRejects(source: string, items: AsyncIterable<Ingested>, limit: number): AsyncGenerator<Ingested> {
  let rejects = 0;
  for await (const item of items) {
    if (isReject(item) && ++rejects > limit) continue;
    yield item;
  }
  if (rejects > limit) {
    yield { source, record: null, reason: `and ${rejects - limit} more rejects in this input, not listed (the first ${limit} are)` };
  }
}

/** Documents and rejects of one input file. */
export async function* readInputFile(file: InputFile, options: InputOptions = {}): AsyncGenerator<Ingested> {
  const format = options.format ?? formatOfName(file.path);
  if (format === null) {
    yield { source: file.source, record: null, reason: `unsupported format "${extname(file.path)}" (name one with --format)` };
    return;
  }
  yield* capRejects(file.source, readStream(file.source, createReadStream(file.path), format, options), options.maxRejectsPerInput ?? MAX_REJECTS_PER_INPUT);
}

/** Standard input: the format from --format, else from its first bytes (looking inside gzip). */
export async function* readStdin(options: InputOptions = {}, stream: AsyncIterable<Buffer> = process.stdin): AsyncGenerator<Ingested> {
  let source: AsyncIterable<Buffer> = options.onBytes ? counted(stream, options.onBytes) : stream;
  try {
    let peeked = await peek(source, 4096);
    if (isGzip(peeked.head)) peeked = await peek(gunzip(peeked.chunks), 4096);
    source = peeked.chunks;
    const format = options.format ?? formatOfContent(peeked.head);
    yield* capRejects('stdin', readStream('stdin', source, format, { ...options, onBytes: undefined }), options.maxRejectsPerInput ?? MAX_REJECTS_PER_INPUT);
  } catch (error) {
    yield { source: 'stdin', record: null, reason: `cannot read: ${describe(error)}` };
  }
}

/** Every document and reject of the given inputs (`-` is standard input), in a stable order. */
export async function* readInputs(paths: string[], options: InputOptions = {}): AsyncGenerator<Ingested> {
  const onDisk = paths.filter((p) => p !== '-' && p !== STDIN);
  const { files, rejects } = await listInputs(onDisk, options);
  yield* rejects;
  if (paths.includes('-') || paths.includes(STDIN)) yield* readStdin(options);
  for (const file of files) yield* readInputFile(file, options);
}

/** Total bytes of the inputs on disk (for a progress bar); null when stdin is among them. */
export async function inputBytes(paths: string[]): Promise<number | null> {
  if (paths.includes('-') || paths.includes(STDIN)) return null;
  const { files } = await listInputs(paths);
  return files.reduce((sum, f) => sum + f.bytes, 0);
}
