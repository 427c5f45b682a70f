// `make bench`: throughput and memory of the whole pipeline (ingest -> CSV + Parquet)
// on a corpus of at least 100 MB built from ../shared/data/news, with 1 and 2
// workers, and the Recognizers-Text throughput on a sample of the same text.
// Results go to bench/results.md. `BENCH_BIG=1` also runs 1 GB once for peak RSS.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Recognizers from '@microsoft/recognizers-text-suite';
import type { Document } from '../src/model.ts';
import { WORKER_BUNDLE } from '../pipeline/lib/workerBundle.ts';
import { corpusDocuments } from './corpus.ts';

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
  peakRssMb: number;
  documents: number;
  facts: number;
}

function runPipeline(corpus: string, workers: number): RunResult {
  const out = join(WORK, `out-${workers}`);
  rmSync(out, { recursive: true, force: true });
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'bin/newsfacts.js'), 'run', corpus, '--out', out, '--workers', String(workers)], {
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  if (result.status !== 0) throw new Error(`newsfacts run failed (status ${result.status}, signal ${result.signal}, ${result.error?.message ?? 'no spawn error'}): ${result.stderr.split('\n').slice(0, 3).join(' ')}`);
  const summary = /newsfacts: (\d+) documents, (\d+) facts, (\d+) rejects, ([\d.]+) s/.exec(result.stderr)!;
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)![1]);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr)!;
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { workers, seconds, peakRssMb: rssKb / 1024, documents: Number(summary[1]), facts: Number(summary[2]) };
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

mkdirSync(WORK, { recursive: true });
const loadBefore = loadavg()[0]!;
const corpus = join(WORK, 'corpus-100mb.jsonl');
const built = await buildCorpus(corpus, 100);
const fileMb = statSync(corpus).size / MB;
console.log(`corpus: ${built.documents} documents, ${fmt(built.textBytes / MB)} MB of text, ${fmt(fileMb)} MB file`);
const runs = [1, 2].map((w) => {
  const r = runPipeline(corpus, w);
  console.log(`workers ${w}: ${fmt(r.seconds)} s, ${fmt(built.textBytes / MB / r.seconds, 2)} MB/s, peak RSS ${fmt(r.peakRssMb)} MB`);
  return r;
});
// Repeats meet names and dates the extractor has seen (its caches keep them): one pass of unique text as well.
const uniqueCorpus = join(WORK, 'corpus-unique.jsonl');
const unique = await buildCorpus(uniqueCorpus);
const uniqueRuns = [1, 2].map((w) => {
  const r = runPipeline(uniqueCorpus, w);
  console.log(`unique text, workers ${w}: ${fmt(r.seconds)} s, ${fmt(unique.textBytes / MB / r.seconds, 2)} MB/s, peak RSS ${fmt(r.peakRssMb)} MB`);
  return r;
});
const comparison = await compareWithRecognizers(2 * MB);
console.log(`Recognizers-Text: ${fmt(comparison.recognizers / 1000)} k chars/s; newsfacts extraction: ${fmt(comparison.ours / 1000)} k chars/s (${fmt(comparison.ours / comparison.recognizers)}x), one thread each`);

let big: RunResult | null = null;
let bigText = 0;
if (process.env.BENCH_BIG) {
  const bigCorpus = join(WORK, 'corpus-1gb.jsonl');
  bigText = (await buildCorpus(bigCorpus, 1024)).textBytes;
  big = runPipeline(bigCorpus, 2);
  rmSync(bigCorpus, { force: true });
  console.log(`1 GB: ${fmt(big.seconds)} s, peak RSS ${fmt(big.peakRssMb)} MB`);
}

const cpu = cpus()[0]?.model ?? 'unknown';
const lines = [
  '# Benchmark results',
  '',
  `Generated by \`make bench\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit}; machine: ${cpus().length} × ${cpu}, ${fmt(totalmem() / 1024 / MB, 0)} GiB, Node ${process.version}; load average before the runs ${fmt(loadBefore, 2)}.`,
  '',
  `Corpus: the Reuters-21578 and BBC articles of ../shared/data/news (duplicates dropped), repeated to ${fmt(built.textBytes / MB)} MB of text (${built.documents} documents, ${fmt(fileMb)} MB of JSON Lines). Whole pipeline: \`newsfacts run corpus.jsonl\` (ingest, parse, extract, CSV + Parquet + data package), wall clock and peak RSS from /usr/bin/time.`,
  '',
  '| workers | seconds | MB/s | documents/s | facts/s | peak RSS (MB) |',
  '|---|---|---|---|---|---|',
  ...runs.map((r) => `| ${r.workers} | ${fmt(r.seconds)} | ${fmt(built.textBytes / MB / r.seconds, 2)} | ${fmt(r.documents / r.seconds, 0)} | ${fmt(r.facts / r.seconds, 0)} | ${fmt(r.peakRssMb)} |`),
  '',
  `Second worker: ${fmt((runs[0]!.seconds / runs[1]!.seconds - 1) * 100, 0)}% more throughput. Facts: ${runs[1]!.facts}.`,
  '',
  `The corpus once through, every document unique (${fmt(unique.textBytes / MB)} MB of text, ${unique.documents} documents; in the repeated corpus above the extractor meets names and dates again, and its caches answer them):`,
  '',
  '| workers | seconds | MB/s | documents/s | facts/s | peak RSS (MB) |',
  '|---|---|---|---|---|---|',
  ...uniqueRuns.map((r) => `| ${r.workers} | ${fmt(r.seconds)} | ${fmt(unique.textBytes / MB / r.seconds, 2)} | ${fmt(r.documents / r.seconds, 0)} | ${fmt(r.facts / r.seconds, 0)} | ${fmt(r.peakRssMb)} |`),
  '',
  `Recognizers-Text (@microsoft/recognizers-text-suite, recognizeNumber + recognizeCurrency + recognizeDimension, English, paragraph by paragraph) on the first ${fmt(comparison.chars / MB)} M characters of the same text: ${fmt(comparison.recognizers / 1000)} k chars/s; newsfacts extraction (parse + extract, same text, one thread): ${fmt(comparison.ours / 1000)} k chars/s — **${fmt(comparison.ours / comparison.recognizers)}×**.`,
  ...(big ? ['', `1 GB run (${fmt(bigText / MB, 0)} MB of text, 2 workers): ${fmt(big.seconds)} s, ${fmt(bigText / MB / big.seconds, 2)} MB/s, peak RSS ${fmt(big.peakRssMb)} MB.`] : []),
  '',
];
writeFileSync(join(ROOT, 'bench/results.md'), lines.join('\n'));
rmSync(WORK, { recursive: true, force: true });
