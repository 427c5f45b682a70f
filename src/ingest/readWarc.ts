import { AsyncIterReader, LimitReader, WARCParser, type WARCRecord } from 'warcio';
import type { Document, Reject } from '../model.ts';
import type { HtmlPage } from './readHtml.ts';
import { readHtml } from './readHtml.ts';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * The HTML pages of a WARC file (plain or gzip per record): one Document or Reject per
 * `response` record with status 200 and an HTML Content-Type; other records are skipped.
 * `record` in a Reject is the 1-based record number in the file. A broken or truncated
 * file ends with one Reject after every good record before the break. Never throws.
 */
export async function* readWarc<Page extends Document | HtmlPage = Document>(
  source: string,
  chunks: AsyncIterable<Uint8Array>,
  /** What to make of a decoded page: read it now (the default), or hand it on as an HtmlPage to read elsewhere. */
  page: (source: string, html: string, record: number) => Page | Reject = readHtml as (source: string, html: string) => Page | Reject,
): AsyncGenerator<Page | Reject> {
  let input: AsyncIterReader;
  let parser: WARCParser;
  // Whether the whole file has been read: only then is a gzip member that has not ended cut short.
  const file = { ended: false };
  async function* tracked(): AsyncGenerator<Uint8Array> {
    yield* chunks;
    file.ended = true;
  }
  const gzipProblem = (reader: AsyncIterReader) => gzipProblemOf(reader, file.ended);
  try {
    input = new AsyncIterReader(tracked()); // gzip is detected, plain input passed through
    parser = new WARCParser(input);
  } catch (error) {
    yield { source, record: 1, reason: `unreadable WARC: ${messageOf(error)}` };
    return;
  }
  for (let index = 1; ; index++) {
    let record: WARCRecord | null;
    let isPage: boolean;
    try {
      record = await parser.parse();
      if (record === null) {
        const problem = gzipProblem(input);
        if (problem) yield { source, record: index, reason: problem };
        return;
      }
      const broken =
        gzipProblem(input) ??
        (!record.warcHeaders.statusline.startsWith('WARC/') ? 'not a WARC record (bad version line)' : null) ??
        (!/^\d+$/.test(record.warcHeader('Content-Length') ?? '') ? 'truncated WARC record (no Content-Length)' : null);
      if (broken) {
        yield { source, record: index, reason: broken };
        return;
      }
      // Taken before reading: once the payload is read, `record.reader` may be a new, empty reader.
      const reader = record.reader;
      isPage = isHtmlResponse(record);
      if (isPage) await record.readFully(false);
      else for await (const _ of reader); // consumed here so the parser never has to skip it
      // warcio silently returns a short block at end of input, and would loop forever
      // trying to skip the rest, so the remaining limit is checked by hand.
      const problem =
        gzipProblem(input) ?? (reader instanceof LimitReader && reader.limit > 0 ? `truncated WARC record (${reader.limit} bytes missing)` : null);
      if (problem) {
        yield { source, record: index, reason: problem };
        return;
      }
    } catch (error) {
      yield { source, record: index, reason: `unreadable WARC record: ${messageOf(error)}` };
      return;
    }
    if (isPage) yield await readPage(record, index, `${source}#record-${index}`, page);
  }
}

/**
 * warcio reports neither gzip failure. pako hands on inflated data in 16 KB blocks, so
 * a member cut short can vanish and the file seem to end cleanly; and on corrupt data
 * warcio quietly switches to reading the rest as uncompressed bytes. A member that has
 * not ended is cut short only once the whole file is read: a record's content can be
 * read in full while the rest of its member (the record's closing line breaks, the gzip
 * trailer) is still in the next chunk of the file, as with any member over one 64 KB
 * read (a 900 KB page was enough to reject every later record).
 */
function gzipProblemOf(input: AsyncIterReader, fileEnded: boolean): string | null {
  const inflator = input.inflator;
  if (!inflator) return null;
  if (fileEnded && input.compressed && input.lastValue && !inflator.ended) return 'truncated WARC file (gzip member cut short)';
  // An error on the very first bytes just means the file is not gzipped.
  if (inflator.err && input.numChunks > 0) return `corrupt gzip data (${inflator.msg || `zlib error ${inflator.err}`})`;
  return null;
}

function isHtmlResponse(record: WARCRecord): boolean {
  if (record.warcType !== 'response' || record.httpHeaders === null) return false;
  const type = (record.httpHeaders.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  return Number(record.httpHeaders.statusCode) === 200 && HTML_TYPES.has(type);
}

/** Undoes chunked/gzip transfer, decodes the charset strictly, then reads the HTML. */
async function readPage<Page>(record: WARCRecord, index: number, fallback: string, read: (source: string, html: string, record: number) => Page | Reject): Promise<Page | Reject> {
  const source = record.warcTargetURI ?? fallback;
  try {
    const body = await record.readFully(true); // decodes the raw block already read
    const contentType = record.httpHeaders?.headers.get('Content-Type') ?? '';
    const charset = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] ?? 'utf-8';
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset, { fatal: true });
    } catch {
      return { source, record: index, reason: `unknown charset "${charset}"` };
    }
    let html: string;
    try {
      html = decoder.decode(body);
    } catch {
      return { source, record: index, reason: `invalid ${charset} bytes in the page` };
    }
    const page = read(source, html, index);
    return typeof page === 'object' && page !== null && 'reason' in page ? { ...(page as Reject), record: index } : page;
  } catch (error) {
    return { source, record: index, reason: `unreadable payload: ${messageOf(error)}` };
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 120);
}
