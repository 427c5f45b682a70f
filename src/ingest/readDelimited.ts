import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Document, Reject } from '../model.ts';
import { normaliseNewlines } from './decode.ts';
import { documentId } from '../text/ids.ts';
import { publishedDate } from './publishedDate.ts';

/** Header names of the columns to read; any left out is looked up among the defaults below. */
export interface DelimitedColumns {
  text?: string;
  title?: string;
  date?: string;
  id?: string;
  url?: string;
}

type Column = keyof DelimitedColumns;

/** Header names tried, case-insensitively and in this order, when `columns` names none. */
const DEFAULT_COLUMNS: Record<Column, readonly string[]> = {
  text: ['text', 'body', 'content', 'article', 'article_text', 'story'],
  title: ['title', 'headline'],
  date: ['published', 'date', 'published_at', 'publish_date', 'pubdate', 'datetime'],
  id: ['id', 'doc_id', 'article_id'],
  url: ['url', 'link'],
};

/** Text is handed to the parser in pieces of at least this many characters. */
const BLOCK_CHARS = 1 << 20;
/**
 * One record (one row, header included) may be at most this long. A longer one is
 * almost always an unterminated quote swallowing the rest of the file; the file
 * stops there, so memory stays bounded whatever the input.
 */
const MAX_RECORD_CHARS = 1 << 24;

/**
 * Streams a CSV (`,`) or TSV (`\t`) file of articles: one Document per data row,
 * a Reject for each row that cannot be read. The header row names the columns.
 *
 * Reading: bytes are decoded as a UTF-8 stream (a BOM is dropped), every CRLF or
 * lone CR becomes LF, and the text goes to papaparse's core `Papa.Parser` in blocks
 * of about 1 Mi characters. The incomplete record at the end of a block is carried
 * into the next, as papaparse's own streamers do; memory holds one block and one
 * record, not the file. (Why not `Papa.parse(Papa.NODE_STREAM_INPUT)` or
 * `Papa.parse(stream, { step })` in papaparse 5.7.1: the Duplex drops parse errors,
 * so an unterminated quote comes out as an ordinary row, and both decode each
 * Buffer chunk on its own, so a character split across chunks turns into two
 * U+FFFD; the step streamer also pushes rows whether or not anyone reads them.)
 *
 * Quoting is RFC 4180 for both delimiters: a field that starts with `"` is quoted,
 * `""` inside it is one `"`, and it may hold delimiters and newlines. So a TSV must
 * be written with the same quoting (Python's excel-tab dialect, pandas `to_csv(sep='\t')`,
 * `Papa.unparse`); an unquoted TSV whose field *starts* with `"` is misread, and
 * backslash escapes (`\t`, `\n` in PostgreSQL-style TSV) stay literal.
 *
 * Record numbers (`Reject.record`) are 1-based data-row numbers: the header row is
 * not counted, a record whose quoted fields span several lines counts once, and a
 * blank line counts as a (skipped) row, so record N is spreadsheet row N + 1.
 *
 * Invalid UTF-8 is judged per row: the bytes are decoded with replacement
 * characters (U+FFFD), and a row holding a U+FFFD is rejected as 'invalid UTF-8'
 * once the decoder has replaced any invalid byte; the other rows go on. A file
 * whose U+FFFD are all genuine (EF BF BD in the input) loses nothing. Since
 * decoding runs up to one block (~1 Mi characters) ahead of parsing, the one
 * inexactness is that a row holding a *genuine* U+FFFD is also rejected when an
 * invalid byte comes before it or up to about a block after it; a row with an
 * invalid byte is never let through. Rows holding NUL are rejected as binary
 * content, as decodeUtf8 does for whole files. Binary garbage therefore ends as
 * row rejects or a missing-text-column reject; nothing throws, and an
 * error from the input stream ends the file with a Reject.
 */
export async function* readDelimited(
  source: string,
  input: NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>,
  options: { delimiter: ',' | '\t'; columns?: DelimitedColumns },
): AsyncGenerator<Document | Reject> {
  const state: DecodeState = { invalidUtf8: false, readError: null };
  const texts = decodeText(input, state);

  let header: string[] | null = null;
  let indices: Record<Column, number | null> | null = null;
  /** Data rows seen so far (header excluded), i.e. the number of the last row. */
  let dataRow = 0;
  /** The start of the record that the last block left incomplete. */
  let partial = '';
  let pending: string[] = [];
  let pendingChars = 0;

  const parseBlock = (final: boolean): ParsedRow[] => {
    const block = partial + pending.join('');
    pending = [];
    pendingChars = 0;
    // A fresh parser per block, as papaparse's ChunkStreamer does; with
    // ignoreLastRow the trailing, possibly incomplete, record is left out and
    // meta.cursor is where it starts.
    const parser = new Papa.Parser({ delimiter: options.delimiter, newline: '\n', quoteChar: '"' });
    const result = parser.parse(block, 0, !final) as PapaResult;
    partial = final ? '' : block.slice(result.meta.cursor);
    // Parsed to the end, text ending in a line break gives one more, empty, row
    // after it; that is no record and must not be counted.
    const lastIndex = result.data.length - 1;
    const last = result.data[lastIndex];
    if (final && block.endsWith('\n') && last && isBlank(last) && !result.errors.some((e) => e.row === lastIndex)) {
      result.data.pop();
    }
    // An error's `row` indexes this call's data; errors of the left-out record
    // (row === data.length) are found again when it is parsed whole.
    const errors = new Map<number, Set<string>>();
    for (const error of result.errors) {
      if (typeof error.row !== 'number' || error.row >= result.data.length) continue;
      const set = errors.get(error.row) ?? new Set<string>();
      set.add(`${error.message} (${error.code})`);
      errors.set(error.row, set);
    }
    return result.data.map((fields, i) => ({ fields, errors: errors.has(i) ? [...errors.get(i)!] : [] }));
  };

  // Turns parsed rows into output; returns false once the file must stop.
  function* handle(rows: ParsedRow[]): Generator<Document | Reject, boolean> {
    for (const row of rows) {
      if (header === null) {
        if (isBlank(row.fields) && row.errors.length === 0) continue; // blank lines before the header
        header = row.fields.map((name) => name.trim());
        const resolved = resolveColumns(header, options.columns ?? {});
        if (typeof resolved === 'string') {
          yield { source, record: null, reason: resolved };
          return false;
        }
        indices = resolved;
        continue;
      }
      dataRow++;
      const out = readRow(source, dataRow, header, indices!, row, state.invalidUtf8);
      if (out) yield out;
    }
    return true;
  }

  for await (const text of texts) {
    pending.push(text);
    pendingChars += text.length;
    // Waiting for as much new text as the carried record holds keeps the
    // re-parsing of a long record linear rather than quadratic; the record
    // limit is checked as soon as the carried record could pass it.
    if (pendingChars < Math.max(BLOCK_CHARS, partial.length) && partial.length + pendingChars <= MAX_RECORD_CHARS) continue;
    if (!(yield* handle(parseBlock(false)))) return;
    if (partial.length > MAX_RECORD_CHARS) {
      yield {
        source,
        record: header === null ? null : dataRow + 1,
        reason: `record longer than ${MAX_RECORD_CHARS} characters (an unterminated quoted field?); the rest of the file is not read`,
      };
      return;
    }
  }
  if (!(yield* handle(parseBlock(true)))) return;
  if (header === null) {
    yield { source, record: null, reason: state.readError ? `cannot read: ${state.readError}` : 'empty file: no header row' };
    return;
  }
  if (state.readError) yield { source, record: null, reason: `cannot read: ${state.readError} (after data row ${dataRow})` };
}

interface PapaError {
  code: string;
  message: string;
  row?: number;
}
interface PapaResult {
  data: string[][];
  errors: PapaError[];
  meta: { cursor: number };
}
interface ParsedRow {
  fields: string[];
  errors: string[];
}
interface DecodeState {
  /** Set once the decoder has replaced an invalid byte sequence with U+FFFD. */
  invalidUtf8: boolean;
  readError: string | null;
}

const isBlank = (fields: string[]): boolean => fields.length === 1 && fields[0] === '';

const optionalString = (value: string | undefined): string | null =>
  value !== undefined && value.trim() !== '' ? value.trim() : null;

function readRow(
  path: string,
  n: number,
  header: string[],
  at: Record<Column, number | null>,
  row: ParsedRow,
  invalidUtf8Seen: boolean,
): Document | Reject | null {
  const { fields } = row;
  if (isBlank(fields) && row.errors.length === 0) return null;
  const reasons = [...row.errors];
  if (fields.length > header.length) {
    reasons.push(`Too many fields: expected ${header.length} fields but parsed ${fields.length} (TooManyFields)`);
  } else if (fields.length < header.length) {
    reasons.push(`Too few fields: expected ${header.length} fields but parsed ${fields.length} (TooFewFields)`);
  }
  if (fields.some((f) => f.includes('\u0000'))) reasons.push('binary content (NUL bytes)');
  else if (invalidUtf8Seen && fields.some((f) => f.includes('\uFFFD'))) reasons.push('invalid UTF-8');
  // The row's columns cannot be trusted, so the file is the source.
  if (reasons.length > 0) return { source: path, record: n, reason: reasons.join('; ') };

  const get = (column: Column): string | null => {
    const i = at[column];
    return i === null ? null : optionalString(fields[i]);
  };
  const id = get('id');
  const source = get('url') ?? `${path}#${id ?? `row-${n}`}`;
  const text = normaliseNewlines(fields[at.text!]!).trimEnd();
  if (text.trim() === '') return { source, record: n, reason: 'empty text' };
  return {
    doc_id: documentId(source, text),
    source,
    title: get('title'),
    published: publishedDate(get('date')),
    text,
    input_id: id,
  };
}

/** The index of each column, or the reason the file cannot be read. */
function resolveColumns(header: string[], named: DelimitedColumns): Record<Column, number | null> | string {
  const lower = header.map((h) => h.toLowerCase());
  const find = (name: string): number => {
    const exact = header.indexOf(name.trim());
    return exact >= 0 ? exact : lower.indexOf(name.trim().toLowerCase());
  };
  const shown = listHeaders(header);
  const result = {} as Record<Column, number | null>;
  for (const column of Object.keys(DEFAULT_COLUMNS) as Column[]) {
    const name = named[column];
    if (name !== undefined) {
      const i = find(name);
      if (i < 0) {
        const option = column === 'text' ? ` (--text-column ${JSON.stringify(name)})` : '';
        return `no column ${JSON.stringify(name)} for the ${column}${option}; the headers are ${shown}`;
      }
      result[column] = i;
    } else {
      const i = DEFAULT_COLUMNS[column].map((d) => lower.indexOf(d)).find((j) => j >= 0);
      result[column] = i ?? null;
    }
  }
  if (result.text === null) {
    return `no text column: none of ${DEFAULT_COLUMNS.text.join(', ')} among the headers ${shown}; name it with --text-column`;
  }
  return result;
}

/** Headers for a message, shortened so a garbage header row cannot flood it. */
function listHeaders(header: string[]): string {
  const shown = header.slice(0, 20).map((h) => JSON.stringify(h.length > 40 ? `${h.slice(0, 40)}…` : h));
  return `[${shown.join(', ')}${header.length > 20 ? `, … ${header.length - 20} more` : ''}]`;
}

const GENUINE_FFFD = Buffer.from([0xef, 0xbf, 0xbd]);

/**
 * The input as text: UTF-8 decoded across chunk boundaries (BOM dropped), all line
 * ends as LF. Never throws: a read error is recorded in `state` and ends the text.
 */
async function* decodeText(
  input: NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>,
  state: DecodeState,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  // Invalid bytes are spotted by counting: every U+FFFD the decoder outputs
  // beyond the EF BF BD sequences in the input replaced an invalid byte.
  let replaced = 0;
  let genuine = 0;
  let tail = Buffer.alloc(0); // the last two bytes, for an EF BF BD split across chunks
  let first = true;
  let heldCR = false; // a chunk ending in CR might be half of a CRLF

  const newlines = (text: string): string => {
    let t = heldCR ? `\r${text}` : text;
    heldCR = t.endsWith('\r');
    if (heldCR) t = t.slice(0, -1);
    return normaliseNewlines(t);
  };
  const countReplaced = (text: string): void => {
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) replaced++;
    if (replaced > genuine) state.invalidUtf8 = true;
  };

  const iterable: AsyncIterable<unknown> =
    Symbol.asyncIterator in (input as object)
      ? (input as AsyncIterable<unknown>)
      : new Readable().wrap(input as NodeJS.ReadableStream);
  try {
    for await (const chunk of iterable) {
      let text: string;
      if (typeof chunk === 'string') {
        const held = decoder.decode(); // bytes left over from a byte chunk
        countReplaced(held);
        text = held + chunk;
        if (first && text.startsWith('\uFEFF')) text = text.slice(1);
      } else if (chunk instanceof Uint8Array) {
        const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        for (let i = bytes.indexOf(GENUINE_FFFD); i >= 0; i = bytes.indexOf(GENUINE_FFFD, i + 1)) genuine++;
        if (tail.length > 0 && bytes.length > 0) {
          const joint = Buffer.concat([tail, bytes.subarray(0, 2)]);
          for (let i = joint.indexOf(GENUINE_FFFD); i >= 0; i = joint.indexOf(GENUINE_FFFD, i + 1)) {
            if (i < tail.length) genuine++; // starts in the tail, ends in this chunk
          }
        }
        tail = Buffer.from(bytes.length >= 2 ? bytes.subarray(-2) : Buffer.concat([tail, bytes]).subarray(-2));
        text = decoder.decode(bytes, { stream: true });
        countReplaced(text);
      } else {
        state.readError = `input chunk is ${typeof chunk}, not text or bytes`;
        break;
      }
      if (text.length === 0) continue;
      first = false;
      yield newlines(text);
    }
  } catch (error) {
    state.readError = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
  const rest = decoder.decode();
  countReplaced(rest);
  const last = newlines(rest) + (heldCR ? '\n' : '');
  if (last.length > 0) yield last;
}
