// Fuzz test of the whole pipeline: a few thousand generated inputs (real BBC and
// Reuters articles in every format, and malformed files of every kind), read in
// one in-process run. Seeded, so every run sees the same bytes. The ledger the
// generator keeps says what each file must certainly give; see tests/fuzz/generate.ts.
//
// Bugs it found, all fixed: B1 (a corrupt .gz lost the records decoded in the last
// slice before the damage: node's zlib drops the output of the write that fails;
// pipeline/lib/byteStreams.ts now inflates with pako and keeps it), B2 (empty JSONL,
// header-only CSV, page-less WARC vanished silently) and B3 (the "no document could
// be read" line broke on a line break in a reject).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { PipelineError, runPipeline, type RunSummary } from '../pipeline/stages.ts';
import { builders, generate, loadArticles, Rng, taggedWarc, type Article, type Expected, type Generated } from './fuzz/generate.ts';

const SEED = 20_240_601;
/**
 * `make test` fuzzes with the few dozen articles of tests/fixtures/news and a tenth of the
 * files (about 300); `make test-corpus` sets NEWSFACTS_FUZZ=corpus for the BBC and Reuters
 * corpora in ../shared/data/news and the full 3,000 files. The counts below scale with it.
 */
const CORPUS = process.env.NEWSFACTS_FUZZ === 'corpus';
const SCALE = CORPUS ? 1 : 0.1;
const atLeast = (count: number) => Math.round(count * SCALE);
type Row = Record<string, string>;

const readCsv = (path: string): Row[] =>
  Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, newline: '\r\n', skipEmptyLines: 'greedy' }).data;

/** The run's result or the error it threw, never an exception. */
async function attempt(run: () => Promise<RunSummary>): Promise<{ summary?: RunSummary; error?: unknown; seconds: number }> {
  const started = performance.now();
  try {
    return { summary: await run(), seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { error, seconds: (performance.now() - started) / 1000 };
  }
}

const options = { workers: 1, onReject: () => {} };
/** warcio warns on stderr about every record shorter than its Content-Length; hundreds of lines of noise here. */
const quietWarcio = () => vi.spyOn(console, 'warn').mockImplementation(() => {});
const show = (items: unknown[], n = 8) => JSON.stringify(items.slice(0, n), null, 1) + (items.length > n ? ` … ${items.length - n} more` : '');

const totals = { inputs: 0, expected: 0, read: 0, rejects: 0, crashes: 0, lost: 0, lostInCorruptGzip: 0, peakRssMb: 0, seconds: 0 };
const started = performance.now();
let root: string;
let articles: Article[];
/** The main run's inputs, once generated. */
let mainGen: Generated | undefined;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'newsfacts-fuzz-'));
  articles = loadArticles(CORPUS ? 'corpus' : 'fixtures');
});

afterAll(() => {
  totals.seconds = (performance.now() - started) / 1000;
  console.log(
    `fuzz: ${totals.inputs} inputs tried, ${totals.expected} good documents expected, ${totals.read} documents read, ${totals.rejects} rejects, ` +
      `crashes ${totals.crashes}, good documents lost ${totals.lost} (of them ${totals.lostInCorruptGzip} in corrupt-gzip files); ` +
      `peak RSS +${totals.peakRssMb} MB, ${totals.seconds.toFixed(1)} s`,
  );
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('fuzz: thousands of generated inputs in one run', () => {
  let gen: Generated;
  let first: Awaited<ReturnType<typeof attempt>>;
  let second: Awaited<ReturnType<typeof attempt>>;
  let peakRss = 0;
  let documents: Row[] = [];
  let rejects: Row[] = [];
  let facts: Row[] = [];
  const docsOf = new Map<string, Row[]>();
  const rejectsOf = new Map<string, Row[]>();
  const docsBySource = new Map<string, Row[]>();
  const unattributed: { table: string; row: Row }[] = [];

  beforeAll(async () => {
    gen = mainGen = generate(join(root, 'in'), SEED, articles, { scale: SCALE });
    const warn = quietWarcio();
    const base = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss - base)), 10);
    try {
      first = await attempt(() => runPipeline([join(root, 'in')], join(root, 'out1'), options));
      second = await attempt(() => runPipeline([join(root, 'in')], join(root, 'out2'), options));
    } finally {
      clearInterval(sampler);
      warn.mockRestore();
    }
    totals.inputs += gen.files;
    totals.peakRssMb = Math.round(peakRss / 1e6);
    totals.crashes += [first, second].filter((r) => r.error !== undefined).length;
    if (first.error) return;

    documents = readCsv(join(root, 'out1/documents.csv'));
    rejects = readCsv(join(root, 'out1/rejects.csv'));
    facts = readCsv(join(root, 'out1/facts.csv'));
    const byName = new Set(gen.ledger.map((e) => e.name));
    const byToken = new Map(gen.ledger.filter((e) => e.token).map((e) => [e.token!, e.name]));
    const fileOf = (source: string): string | null => {
      if (byName.has(source)) return source;
      const hash = source.indexOf('#');
      if (hash > 0 && byName.has(source.slice(0, hash))) return source.slice(0, hash);
      const tag = /[?&]in=(w\d{4})(?!\d)/.exec(source);
      return tag ? (byToken.get(tag[1]!) ?? null) : null;
    };
    const add = (map: Map<string, Row[]>, key: string, row: Row) => {
      const rows = map.get(key);
      if (rows) rows.push(row);
      else map.set(key, [row]);
    };
    for (const row of documents) {
      add(docsBySource, row.source!, row);
      const file = fileOf(row.source!);
      if (file) add(docsOf, file, row);
      else unattributed.push({ table: 'documents', row: { source: row.source!, doc_id: row.doc_id! } });
    }
    for (const row of rejects) {
      const file = fileOf(row.source!);
      if (file) add(rejectsOf, file, row);
      else unattributed.push({ table: 'rejects', row });
    }
    totals.expected += gen.ledger.reduce((n, e) => n + e.good.length, 0);
    totals.read += documents.length;
    totals.rejects += rejects.length;
  }, 180_000);

  /** Certain documents of the files selected that documents.csv lacks (or holds with another text). */
  const lostIn = (select: (e: Expected) => boolean) =>
    gen.ledger.filter(select).flatMap((e) =>
      e.good
        .filter((g) => {
          const rows = docsBySource.get(g.source) ?? [];
          return rows.length === 0 || (g.text !== undefined && !rows.some((r) => r.text === g.text));
        })
        .map((g) => ({ file: e.name, kind: e.kind, source: g.source, found: docsBySource.has(g.source) ? 'with another text' : 'missing', rejects: (rejectsOf.get(e.name) ?? []).map((r) => `${r.record}: ${r.reason}`) })),
    );
  const silent = (e: Expected) => (docsOf.get(e.name)?.length ?? 0) === 0 && (rejectsOf.get(e.name)?.length ?? 0) === 0;

  it('(1) resolves without throwing, twice, without holding the 50 MB line in memory', () => {
    expect(first.error, String((first.error as Error)?.stack)).toBeUndefined();
    expect(second.error, String((second.error as Error)?.stack)).toBeUndefined();
    expect(gen.files).toBeGreaterThan(atLeast(2500));
    expect(first.summary!.documents).toBe(documents.length);
    expect(first.summary!.rejects).toBe(rejects.length);
    // The process held the whole corpus' outputs and two DuckDB conversions; a 50 MB string (or several) would show.
    expect(peakRss, `peak RSS growth ${Math.round(peakRss / 1e6)} MB`).toBeLessThan(1024 * 1024 * 1024);
  });

  it('(2) reads every certainly-good document, with its exact text', () => {
    const lost = lostIn((e) => !e.corruptGzip);
    totals.lost = lost.length;
    expect(lost, show(lost)).toEqual([]);
    const checked = gen.ledger.flatMap((e) => (e.corruptGzip ? [] : e.good)).filter((g) => g.text !== undefined).length;
    expect(checked).toBeGreaterThan(atLeast(2000));
  });

  // B1: the decoder must give up everything it decoded before the corrupt byte.
  it('(2) keeps every record that lies wholly before the damage in a corrupt .gz', () => {
    const lost = lostIn((e) => e.corruptGzip === true);
    totals.lostInCorruptGzip = lost.length;
    totals.lost += lost.length;
    expect(lost, show(lost)).toEqual([]);
  });

  it('(3) reports every file that gives no document in rejects.csv, each reject naming its file with a reason', () => {
    expect(unattributed, show(unattributed)).toEqual([]);
    expect(rejects.filter((r) => !r.reason || r.reason.trim() === ''), 'rejects without a reason').toEqual([]);
    const noDocs = gen.ledger.filter((e) => (docsOf.get(e.name)?.length ?? 0) === 0 && !e.emptyContainer);
    expect(noDocs.length).toBeGreaterThan(atLeast(500));
    const unreported = noDocs.filter((e) => (rejectsOf.get(e.name)?.length ?? 0) === 0).map((e) => `${e.name} (${e.kind})`);
    expect(unreported, show(unreported)).toEqual([]);
  });

  it('(3) reports an empty JSONL, a header-only CSV and a WARC without pages', () => {
    const containers = gen.ledger.filter((e) => e.emptyContainer === 'expected');
    expect(containers.length).toBeGreaterThan(atLeast(10));
    const unreported = containers.filter(silent).map((e) => `${e.name} (${e.kind})`);
    expect(unreported, show(unreported)).toEqual([]);
  });

  it('(4) never lets a damaged file vanish: documents, rejects or both', () => {
    const uncertain = gen.ledger.filter((e) => e.docs === undefined);
    expect(uncertain.length).toBeGreaterThan(atLeast(1000));
    // A mutation may leave a JSONL of blank lines or a CSV of its header alone: those give nothing (B2).
    const vanished = uncertain.filter((e) => silent(e) && e.emptyContainer !== 'possible').map((e) => `${e.name} (${e.kind})`);
    expect(vanished, show(vanished)).toEqual([]);
  });

  it('meets each file\'s exact expectations: document and reject counts, rejected records, reasons', () => {
    const wrong: string[] = [];
    for (const e of gen.ledger) {
      if (e.emptyContainer === 'expected' || e.corruptGzip) continue;
      const docs = docsOf.get(e.name) ?? [];
      const rows = rejectsOf.get(e.name) ?? [];
      const says = `${e.name} (${e.kind}): ${docs.length} documents, rejects ${JSON.stringify(rows.map((r) => `${r.record}: ${r.reason!.slice(0, 80)}`))}`;
      if (e.docs !== undefined && docs.length !== e.docs) wrong.push(`want ${e.docs} documents: ${says}`);
      if (e.rejects !== undefined && rows.length !== e.rejects) wrong.push(`want ${e.rejects} rejects: ${says}`);
      for (const record of e.badRecords ?? []) if (!rows.some((r) => r.record === String(record))) wrong.push(`want record ${record} rejected: ${says}`);
      if (e.mustReject && rows.length === 0) wrong.push(`want a reject: ${says}`);
      if (e.reason && !rows.some((r) => e.reason!.test(r.reason!))) wrong.push(`want a reject matching ${e.reason}: ${says}`);
    }
    expect(wrong, show(wrong, 12)).toEqual([]);
  });

  it('(5) holds every fact at its offsets: mention = text[start:end] in code points', () => {
    const texts = new Map(documents.map((d) => [d.doc_id!, Array.from(d.text!)]));
    expect(texts.size, 'doc_id is unique').toBe(documents.length);
    expect(documents.filter((d) => Number(d.chars) !== texts.get(d.doc_id!)!.length).map((d) => d.source)).toEqual([]);
    expect(facts.length).toBeGreaterThan(atLeast(10_000));
    const bad = facts
      .filter((f) => {
        const text = texts.get(f.doc_id!);
        return !text || text.slice(Number(f.start), Number(f.end)).join('') !== f.mention;
      })
      .map((f) => ({ fact_id: f.fact_id, mention: f.mention }));
    expect(bad, show(bad)).toEqual([]);
    expect(documents.reduce((n, d) => n + Number(d.fact_count), 0)).toBe(facts.length);
  });

  it('(6) writes byte-identical tables on a second run', () => {
    for (const file of ['documents.csv', 'facts.csv', 'rejects.csv']) {
      expect(readFileSync(join(root, 'out2', file)).equals(readFileSync(join(root, 'out1', file))), file).toBe(true);
    }
  });
});

/** Runs the pipeline on `paths` (`-` among them) with `bytes` as standard input, in chunks as a pipe gives them. */
async function withStdin(bytes: Buffer, out: string, extra: { format?: 'csv' } = {}, paths = ['-']) {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) => bytes.subarray(i * 4096, (i + 1) * 4096));
  const stream = Readable.from(chunks);
  Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, get: () => stream });
  const warn = quietWarcio();
  try {
    return await attempt(() => runPipeline(paths, out, { ...options, ...extra }));
  } finally {
    Object.defineProperty(process, 'stdin', original);
    warn.mockRestore();
  }
}

describe('fuzz: standard input', () => {
  interface StdinCase {
    bytes: Buffer;
    format?: 'csv';
    good: { source: string; text?: string }[];
    mustReject?: boolean;
  }
  const rng = new Rng(SEED + 1);
  const cases: Record<string, () => StdinCase> = {
    'JSON Lines, gzip-compressed': () => {
      const picked = rng.sample(articles, 4);
      const built = builders.jsonl(rng, 'stdin', picked);
      return { bytes: gzipSync(built.bytes), good: built.recs.map((r) => r.doc!) };
    },
    'plain text': () => {
      const built = builders.txt(rng, 'stdin', rng.pick(articles));
      return { bytes: built.bytes, good: [built.recs[0]!.doc!] };
    },
    'an HTML page': () => ({ bytes: builders.html(rng, 'stdin', rng.pick(articles)).bytes, good: [{ source: 'stdin' }] }),
    'CSV named with --format': () => {
      const built = builders.csv(rng, 'stdin', rng.sample(articles, 3));
      return { bytes: built.bytes, format: 'csv', good: built.recs.map((r) => r.doc!) };
    },
    'a gzip-per-record WARC': () => {
      const warc = taggedWarc('w9999');
      return { bytes: warc.bytes, good: warc.pages.map((source) => ({ source })), mustReject: true };
    },
    'JSON Lines, gzip cut short': () => {
      const built = builders.jsonl(rng, 'stdin', rng.sample(articles, 8));
      const gz = gzipSync(built.bytes);
      return { bytes: gz.subarray(0, Math.floor(gz.length * 0.95)), good: built.recs.slice(0, 1).map((r) => r.doc!), mustReject: true };
    },
    'JSON Lines with broken lines, alongside a directory': () => {
      const built = builders.jsonl(rng, 'stdin', rng.sample(articles, 3));
      return { bytes: Buffer.concat([Buffer.from('{"id": 1, "text": \n[1, 2]\n\u0000\n'), built.bytes]), good: built.recs.map((r) => ({ ...r.doc!, source: r.doc!.source.replace(/#line-(\d+)$/, (_, n: string) => `#line-${Number(n) + 3}`) })), mustReject: true };
    },
  };

  it.each(Object.keys(cases))('reads %s', async (name) => {
    const c = cases[name]!();
    const out = join(root, `stdin-${Object.keys(cases).indexOf(name)}`);
    const alongside = name.includes('alongside') ? [join(new URL('../data', import.meta.url).pathname)] : [];
    const result = await withStdin(c.bytes, out, c.format ? { format: c.format } : {}, ['-', ...alongside]);
    totals.inputs++;
    if (result.error) totals.crashes++;
    expect(result.error, String((result.error as Error)?.stack)).toBeUndefined();
    const docs = readCsv(join(out, 'documents.csv'));
    const rows = readCsv(join(out, 'rejects.csv'));
    totals.read += docs.length;
    totals.rejects += rows.length;
    totals.expected += c.good.length;
    const lost = c.good.filter((g) => !docs.some((d) => d.source === g.source && (g.text === undefined || d.text === g.text)));
    expect(lost, `read: ${show(docs.map((d) => d.source))}`).toEqual([]);
    const fromStdin = [...docs, ...rows].filter((r) => !alongside.length || r.source!.startsWith('stdin'));
    expect(fromStdin.every((r) => r.source!.startsWith('stdin') || r.source!.includes('in=w9999')), show(fromStdin.map((r) => r.source))).toBe(true);
    expect(rows.every((r) => r.reason!.trim() !== '')).toBe(true);
    if (c.mustReject) expect(rows.length).toBeGreaterThan(0);
  }, 60_000);
});

/** Where each record of a plain WARC ends (after its two CRLFs). */
function warcRecordEnds(plain: Buffer): number[] {
  const ends: number[] = [];
  for (let pos = 0; pos < plain.length; ) {
    const headerEnd = plain.indexOf('\r\n\r\n', pos);
    const length = Number(/Content-Length: (\d+)/.exec(plain.subarray(pos, headerEnd).toString('latin1'))![1]);
    pos = headerEnd + 4 + length + 4;
    ends.push(pos);
  }
  return ends;
}

/** Where each gzip member of a record-per-member WARC ends, given the records' plain lengths. */
function gzipMemberEnds(gz: Buffer, lengths: number[]): number[] {
  const ends: number[] = [];
  let start = 0;
  for (const length of lengths) {
    let end = start + 18;
    for (; end <= gz.length; end++) {
      if (end < gz.length && !(gz[end] === 0x1f && gz[end + 1] === 0x8b)) continue;
      try {
        if (gunzipSync(gz.subarray(start, end)).length === length) break;
      } catch {
        // not the end of this member yet
      }
    }
    ends.push(end);
    start = end;
  }
  return ends;
}

describe('fuzz: the WARC fixtures themselves, cut at random points', () => {
  it('keeps every page before the cut and reports a cut inside a record', async () => {
    const rng = new Rng(SEED + 3);
    const fixtures = new URL('./fixtures/warc/', import.meta.url).pathname;
    const plain = readFileSync(join(fixtures, 'news.warc'));
    const gz = readFileSync(join(fixtures, 'news.warc.gz'));
    const plainEnds = warcRecordEnds(plain);
    const gzEnds = gzipMemberEnds(gz, plainEnds.map((end, i) => end - (i === 0 ? 0 : plainEnds[i - 1]!)));
    expect(gzEnds.at(-1)).toBe(gz.length);
    // Records 3, 5 and 7 are HTML pages; 8 is a page with bytes its charset forbids (a reject).
    const pages = [
      { n: 3, url: 'https://news.example.com/business/time-warner-profit' },
      { n: 5, url: 'https://wire.example.org/africa/chad-battle' },
      { n: 7, url: 'https://courier.example.net/politics/regiments' },
    ];
    const urls = new Set([...pages.map((p) => p.url), 'https://news.example.com/business/mojibake']);
    const dir = join(root, 'warc-cuts');
    mkdirSync(dir);
    const problems: string[] = [];
    // (24 cuts at corpus scale, 10 on the fixtures: each cut is a whole run)
    for (let i = 0; i < (CORPUS ? 24 : 10); i++) {
      const zipped = i % 2 === 1;
      const [bytes, ends] = zipped ? [gz, gzEnds] : [plain, plainEnds];
      const cut = rng.range(1, bytes.length - 1);
      const name = `news-cut-${String(i).padStart(2, '0')}.warc${zipped ? '.gz' : ''}`;
      writeFileSync(join(dir, name), bytes.subarray(0, cut));
      const out = join(root, `warc-cut-out-${i}`);
      const warn = quietWarcio();
      const result = await attempt(() => runPipeline([join(dir, name)], out, options)).finally(() => warn.mockRestore());
      totals.inputs++;
      const complete = ends.filter((end) => end <= cut).length;
      const certain = pages.filter((p) => p.n <= complete);
      const clean = ends.includes(cut) || (!zipped && ends.some((end) => cut >= end - 4 && cut < end));
      const docs = existsSync(join(out, 'documents.csv')) ? readCsv(join(out, 'documents.csv')) : [];
      const rejectsCsv = [join(out, 'rejects.csv'), join(out, '.newsfacts/failed/rejects.csv')].find((f) => existsSync(f));
      const rows = rejectsCsv ? readCsv(rejectsCsv) : [];
      totals.expected += certain.length;
      totals.read += docs.length;
      totals.rejects += rows.length;
      const says = `${name} cut at ${cut} of ${bytes.length} (${complete} whole records): ${docs.length} documents, rejects ${JSON.stringify(rows.map((r) => `${r.record}: ${r.reason}`))}`;
      if (result.error && !(result.error instanceof PipelineError && certain.length === 0)) {
        totals.crashes++;
        problems.push(`${says}: threw ${String(result.error)}`);
      }
      const missing = certain.filter((p) => !docs.some((d) => d.source === p.url));
      totals.lost += missing.length;
      if (missing.length) problems.push(`${says}: lost ${missing.map((p) => p.url)}`);
      if (!clean && rows.length === 0) problems.push(`${says}: the cut is not reported`);
      if (docs.length + rows.length === 0 && complete > 2) problems.push(`${says}: gives nothing`);
      const strangers = [...docs, ...rows].filter((r) => r.source !== name && !urls.has(r.source!));
      if (strangers.length) problems.push(`${says}: sources ${strangers.map((r) => r.source)}`);
    }
    expect(problems, show(problems)).toEqual([]);
  }, 60_000);
});

describe('fuzz: a run with no readable document', () => {
  const readCsvSafe = (path: string) => (existsSync(path) ? readCsv(path) : []);
  const noDocuments = async (name: string, paths: string[], stdin?: Buffer) => {
    const out = join(root, `none-${name}`);
    let result: Awaited<ReturnType<typeof attempt>>;
    if (stdin) result = await withStdin(stdin, out, {}, paths);
    else {
      const warn = quietWarcio();
      try {
        result = await attempt(() => runPipeline(paths, out, options));
      } finally {
        warn.mockRestore();
      }
    }
    // a run that reads nothing replaces no output: its rejects are kept apart
    const failedRejects = join(out, '.newsfacts/failed/rejects.csv');
    const rows = readCsvSafe(failedRejects);
    totals.rejects += rows.length;
    expect(result.error, 'the run throws').toBeInstanceOf(PipelineError);
    const message = (result.error as Error).message;
    expect(message.endsWith(`rejected; see ${failedRejects})`), message).toBe(true);
    expect(message).toMatch(/^no document could be read: [\s\S]+ \(\d+ inputs? rejected; see [\s\S]+\)$/);
    expect(existsSync(join(out, 'documents.csv')), 'no documents.csv is left behind').toBe(false);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.reason!.trim() !== '')).toBe(true);
    return { message, rows };
  };
  const oneLine = (message: string) => expect(message.split('\n'), JSON.stringify(message)).toHaveLength(1);

  it('throws PipelineError with one line for a directory of unreadable files, each in rejects.csv', async () => {
    const dir = join(root, 'all-bad');
    mkdirSync(dir);
    // One file of each kind that gives exactly one reject and no document.
    const { dir: source, ledger } = mainGen ?? generate(join(root, 'in-no-documents'), SEED, articles, { skipBig: true, scale: SCALE });
    const picked = new Map<string, string>();
    for (const e of ledger) if (e.docs === 0 && e.rejects === 1 && !e.emptyContainer && !e.name.startsWith('big/') && !picked.has(e.kind)) picked.set(e.kind, e.name);
    for (const name of picked.values()) copyFileSync(join(source, name), join(dir, basename(name)));
    totals.inputs += picked.size;
    const { message, rows } = await noDocuments('dir', [dir]);
    oneLine(message);
    expect(picked.size).toBeGreaterThan(15);
    // (a record's reject names it: `file#id`)
    expect(rows.map((r) => r.source!.replace(/#.*$/s, '')).sort()).toEqual([...picked.values()].map((n) => basename(n)).sort());
    expect(message).toContain(`(${picked.size} inputs rejected; see `);
  }, 60_000);

  it('throws PipelineError with one line for a missing file, a glob matching nothing, empty, binary and cut-gzip stdin', async () => {
    totals.inputs += 5;
    oneLine((await noDocuments('missing', [join(root, 'no-such-file.jsonl')])).message);
    oneLine((await noDocuments('glob', [join(root, 'nowhere/**/*.txt')])).message);
    oneLine((await noDocuments('empty-stdin', ['-'], Buffer.alloc(0))).message);
    oneLine((await noDocuments('binary-stdin', ['-'], Buffer.concat([Buffer.from([0xff]), new Rng(SEED + 2).bytes(10_000)]))).message);
    oneLine((await noDocuments('cut-gzip-stdin', ['-'], gzipSync(Buffer.from('{"text": "The army lost 12 tanks."}\n')).subarray(0, 12))).message);
  }, 60_000);

  // B3: the message embeds the first reject's source and reason as they are. A CR in a JSON
  // line (decoding turns it into LF, and JSON.parse quotes the line in its error) or an id
  // holding a line break makes it several lines; the CLI prints the first line only, so the
  // "(N inputs rejected; see rejects.csv)" tail is lost.
  it('throws a one-line message when the first reject\'s reason or source holds a line break', async () => {
    const dir = join(root, 'line-breaks');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.jsonl'), 'nope\rmore\n');
    writeFileSync(join(dir, 'b.jsonl'), '{"id": "x\\ny", "title": "no text"}\n');
    totals.inputs += 2;
    oneLine((await noDocuments('line-breaks-a', [join(dir, 'a.jsonl')])).message);
    oneLine((await noDocuments('line-breaks-b', [join(dir, 'b.jsonl')])).message);
  }, 60_000);
});
