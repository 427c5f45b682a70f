import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { decodeUtf8 } from '../../src/ingest/decode.ts';
import { readJsonLine } from '../../src/ingest/readJsonLines.ts';
import { readPlainText } from '../../src/ingest/readPlainText.ts';
import type { Document, Reject } from '../../src/model.ts';

export type Ingested = Document | Reject;

/** How the command line names standard input among the inputs (`-` on the command line). */
export const STDIN = '<stdin>';

const plainText = new Set(['.txt', '.text', '']);
const jsonLines = new Set(['.jsonl', '.ndjson']);
const supported = new Set([...plainText, ...jsonLines]);

export interface InputFile {
  path: string;
  /** Path relative to the input root: the documents.source column. */
  source: string;
}

/** Files named by the arguments, directories walked recursively, in a stable (sorted) order. */
export async function listInputs(paths: string[]): Promise<{ files: InputFile[]; rejects: Reject[] }> {
  const files: InputFile[] = [];
  const rejects: Reject[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let info;
    try {
      info = await stat(path);
    } catch {
      rejects.push({ source: given, record: null, reason: 'no such file or directory' });
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await walk(path)) files.push({ path: file, source: relative(path, file).split('\\').join('/') });
    } else {
      files.push({ path, source: basename(path) });
    }
  }
  return { files, rejects };
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Documents and rejects of one input file. */
export async function* readInputFile(file: InputFile): AsyncGenerator<Ingested> {
  const extension = extname(file.path).toLowerCase();
  if (!supported.has(extension)) {
    yield { source: file.source, record: null, reason: `unsupported format "${extension}"` };
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    yield { source: file.source, record: null, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    return;
  }
  if (jsonLines.has(extension)) {
    yield* readJsonLinesText(file.source, bytes);
    return;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    yield { source: file.source, record: null, reason: decoded.reason };
    return;
  }
  yield readPlainText(file.source, decoded.text);
}

function* readJsonLinesText(source: string, bytes: Buffer): Generator<Ingested> {
  // Each line is decoded on its own, so one bad line never loses the others.
  let lineNumber = 0;
  let from = 0;
  while (from <= bytes.length) {
    let to = bytes.indexOf(0x0a, from);
    if (to < 0) to = bytes.length;
    lineNumber++;
    const decoded = decodeUtf8(bytes.subarray(from, to));
    if (!decoded.ok) yield { source, record: lineNumber, reason: decoded.reason };
    else {
      const record = readJsonLine(source, decoded.text, lineNumber);
      if (record) yield record;
    }
    from = to + 1;
  }
}

/** Standard input: JSON Lines when it looks like it, else one plain-text article. */
export async function* readStdin(stream: Readable = process.stdin): AsyncGenerator<Ingested> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  if (bytes.subarray(0, 64).toString('utf8').trimStart().startsWith('{')) {
    yield* readJsonLinesText('stdin', bytes);
    return;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) yield { source: 'stdin', record: null, reason: decoded.reason };
  else yield readPlainText('stdin', decoded.text);
}

/** Every document and reject of the given inputs (`-` is standard input), in a stable order. */
export async function* readInputs(paths: string[]): AsyncGenerator<Ingested> {
  const onDisk = paths.filter((p) => p !== '-' && p !== STDIN);
  const { files, rejects } = await listInputs(onDisk);
  yield* rejects;
  if (paths.includes('-') || paths.includes(STDIN)) yield* readStdin();
  for (const file of files) yield* readInputFile(file);
}

