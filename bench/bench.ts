// `make bench`: throughput and memory of the whole pipeline (ingest -> CSV + Parquet)
// with 1 and 2 workers on the news of ../shared/data/news once through (unique
// text, reported first) and repeated to 100 MB, and the Recognizers-Text
// throughput on a sample of the same text.
// Results go to bench/results.md. `BENCH_BIG=1` also runs 1 GB once for peak RSS.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Recognizers from '@microsoft/recognizers-text-suite';
import type { Document } from '../src/model.ts';
import { WORKER_BUNDLE } from '../pipeline/lib/workerBundle.ts';
import { corpusDocuments } from './corpus.ts';
import { measure } from './measure.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const WORK = join(tmpdir(), 'newsfacts-bench');
const MB = 1024 * 1024;

/** Writes the news corpus, repeated with fresh ids, as JSON Lines of at least `megabytes` of text (once through, without a figure). */
async function buildCorpus(path: string, megabytes?: number): Promise<{ documents: number; textBytes: number }> {
  const docs: Document[] = [];
  for await (const d of corpusDocuments()) docs.push(d);
  const out = createWriteStream(path);
  let textBytes = 0;
  let documents = 0;
  const target = megabytes === undefined ? 1 : megabytes * MB;
  for (let pass = 0; textBytes < target; pass++) {
    for (const d of docs) {
      const line = JSON.stringify({ id: `${d.source}#${pass}`, title: d.title, published: d.published, text: d.text }) + '\n';
      if (!out.write(line)) await once(out, 'drain');
      textBytes += Buffer.byteLength(d.text);
      documents++;
      if (megabytes !== undefined && textBytes >= target) break;
    }
  }
  out.end();
  await once(out, 'finish');
  return { documents, textBytes };
}

interface RunResult {
  workers: number;
  seconds: number;
  /** user + system CPU seconds of the run and every process it started */
  cpuSeconds: number;
  /** the largest sum of the resident sets of the run's processes (parent and workers), sampled every 50 ms */
  peakRssMb: number;
  /** the largest resident set of any one of its processes (what /usr/bin/time reports) */
  peakProcessRssMb: number;
  documents: number;
  facts: number;
}

async function runPipeline(corpus: string, workers: number): Promise<RunResult> {
  const out = join(WORK, `out-${workers}`);
  rmSync(out, { recursive: true, force: true });
  const run = await measure(['run', corpus, '--out', out, '--workers', String(workers)]);
  const summary = /newsfacts: (\d+) documents, (\d+) facts, (\d+) rejects, ([\d.]+) s/.exec(run.stderr)!;
  return { workers, ...run, documents: Number(summary[1]), facts: Number(summary[2]) };
}

/** Characters per second of Recognizers-Text (number + currency + dimension, English, per paragraph) and of newsfacts' extraction, one thread each. */
async function compareWithRecognizers(sampleChars: number) {
  const paragraphs: string[] = [];
  const docs: Document[] = [];
  let chars = 0;
  for await (const d of corpusDocuments()) {
    if (chars >= sampleChars) break;
    docs.push(d);
    chars += d.text.length;
    paragraphs.push(...d.text.split(/\n\s*\n/).filter((p) => p.trim()));
  }
  let t = performance.now();
  let found = 0;
  for (const p of paragraphs) {
    found += Recognizers.recognizeNumber(p, Recognizers.Culture.English).length;
    found += Recognizers.recognizeCurrency(p, Recognizers.Culture.English).length;
    found += Recognizers.recognizeDimension(p, Recognizers.Culture.English).length;
  }
  const recognizersSeconds = (performance.now() - t) / 1000;
  // What the pipeline's workers run: the bundled worker tasks (parse + extract).
  const { extractDocument } = (await import(WORKER_BUNDLE.href)) as typeof import('../pipeline/lib/extractWorker.ts');
  for (const d of docs.slice(0, 50)) extractDocument(d);
  t = performance.now();
  let facts = 0;
  for (const d of docs) facts += extractDocument(d).length;
  const oursSeconds = (performance.now() - t) / 1000;
  return { chars, recognizers: chars / recognizersSeconds, ours: chars / oursSeconds, recognizersFound: found, facts };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
/** Runs per configuration (the median is reported): other work on the machine moves single timings by tens of percent. */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

/** The median run (by wall clock) of REPEATS runs, and the highest peak RSS among them. */
async function medianRun(corpus: string, workers: number, label: string, textBytes: number): Promise<RunResult & { all: number[] }> {
  const runs: RunResult[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const r = await runPipeline(corpus, workers);
    console.log(`${label}, workers ${workers}: ${fmt(r.seconds)} s (${fmt(r.cpuSeconds)} s CPU), ${fmt(textBytes / MB / r.seconds, 2)} MB/s, peak RSS ${fmt(r.peakRssMb)} MB (largest process ${fmt(r.peakProcessRssMb)})`);
    runs.push(r);
  }
  const sorted = [...runs].sort((x, y) => x.seconds - y.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...median, peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)), peakProcessRssMb: Math.max(...runs.map((r) => r.peakProcessRssMb)), all: runs.map((r) => r.seconds) };
}

const table = (rs: (RunResult & { all: number[] })[], textBytes: number) => [
  '| workers | seconds (median) | runs (s) | CPU s | MB/s | documents/s | facts/s | peak RSS, all processes (MB) | largest process (MB) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rs.map((r) => `| ${r.workers} | ${fmt(r.seconds)} | ${r.all.map((x) => fmt(x)).join(', ')} | ${fmt(r.cpuSeconds)} | ${fmt(textBytes / MB / r.seconds, 2)} | ${fmt(r.documents / r.seconds, 0)} | ${fmt(r.facts / r.seconds, 0)} | ${fmt(r.peakRssMb)} | ${fmt(r.peakProcessRssMb)} |`),
];

mkdirSync(WORK, { recursive: true });
const loadBefore = loadavg()[0]!;
// Unique text first: in the repeated corpus the extractor meets names and dates again, and its caches answer them.
const uniqueCorpus = join(WORK, 'corpus-unique.jsonl');
const unique = await buildCorpus(uniqueCorpus);
const uniqueRuns = [];
for (const w of [1, 2]) uniqueRuns.push(await medianRun(uniqueCorpus, w, 'unique text', unique.textBytes));
const corpus = join(WORK, 'corpus-100mb.jsonl');
const built = await buildCorpus(corpus, 100);
const fileMb = statSync(corpus).size / MB;
console.log(`corpus: ${built.documents} documents, ${fmt(built.textBytes / MB)} MB of text, ${fmt(fileMb)} MB file`);
const runs = [];
for (const w of [1, 2]) runs.push(await medianRun(corpus, w, '100 MB', built.textBytes));
const loadAfter = loadavg()[0]!;
const comparison = await compareWithRecognizers(2 * MB);
console.log(`Recognizers-Text: ${fmt(comparison.recognizers / 1000)} k chars/s; newsfacts extraction: ${fmt(comparison.ours / 1000)} k chars/s (${fmt(comparison.ours / comparison.recognizers)}x), one thread each`);

let big: RunResult | null = null;
let bigText = 0;
if (process.env.BENCH_BIG) {
  const bigCorpus = join(WORK, 'corpus-1gb.jsonl');
  bigText = (await buildCorpus(bigCorpus, 1024)).textBytes;
  big = await runPipeline(bigCorpus, 2);
  rmSync(bigCorpus, { force: true });
  console.log(`1 GB: ${fmt(big.seconds)} s, peak RSS ${fmt(big.peakRssMb)} MB`);
}

const cpu = cpus()[0]?.model ?? 'unknown';
const lines = [
  '# Benchmark results',
  '',
  `Generated by \`make bench\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit}; machine: ${cpus().length} × ${cpu}, ${fmt(totalmem() / 1024 / MB, 0)} GiB, Node ${process.version}; load average ${fmt(loadBefore, 2)} before the runs and ${fmt(loadAfter, 2)} after (2 cores: above 2, other work shared them).`,
  '',
  `Whole pipeline: \`newsfacts run corpus.jsonl --workers N\` (ingest, parse, extract, CSV + Parquet + report + data package; N worker processes, each on its own shard, merged). Wall clock and CPU time (user + system, every process) from /usr/bin/time, the median of ${REPEATS} runs; peak RSS is the largest sum over the run's processes (parent and workers, sampled every 50 ms), and the largest single process.`,
  '',
  `**Unique text**: the Reuters-21578 and BBC articles of ../shared/data/news once through, duplicates dropped (${fmt(unique.textBytes / MB)} MB of text, ${unique.documents} documents):`,
  '',
  ...table(uniqueRuns, unique.textBytes),
  '',
  `Second worker on unique text: ${fmt(uniqueRuns[0]!.seconds / uniqueRuns[1]!.seconds, 2)}× one. Facts: ${uniqueRuns[1]!.facts}.`,
  '',
  `**Repeated to 100 MB**: the same articles repeated with fresh ids to ${fmt(built.textBytes / MB)} MB of text (${built.documents} documents, ${fmt(fileMb)} MB of JSON Lines); the extractor's caches answer the names and dates it has met:`,
  '',
  ...table(runs, built.textBytes),
  '',
  `Second worker: ${fmt(runs[0]!.seconds / runs[1]!.seconds, 2)}× one. Facts: ${runs[1]!.facts}.`,
  '',
  `Recognizers-Text (@microsoft/recognizers-text-suite, recognizeNumber + recognizeCurrency + recognizeDimension, English, paragraph by paragraph) on the first ${fmt(comparison.chars / MB)} M characters of the same text: ${fmt(comparison.recognizers / 1000)} k chars/s; newsfacts extraction (parse + extract, same text, one thread): ${fmt(comparison.ours / 1000)} k chars/s — **${fmt(comparison.ours / comparison.recognizers)}×**.`,
  ...(big ? ['', `1 GB run (${fmt(bigText / MB, 0)} MB of text, 2 workers, once): ${fmt(big.seconds)} s, ${fmt(bigText / MB / big.seconds, 2)} MB/s, peak RSS ${fmt(big.peakRssMb)} MB over all processes (largest process ${fmt(big.peakProcessRssMb)} MB).`] : []),
  '',
];
writeFileSync(join(ROOT, 'bench/results.md'), lines.join('\n'));
rmSync(WORK, { recursive: true, force: true });
