// The four stages, as functions over files: each reads the previous stage's
// JSON Lines and writes its own. `runPipeline` chains the same functions in
// one process, streaming document by document.
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dataPackage } from '../src/export/dataPackage.ts';
import { partitionedParquetSql, type PartitionKey } from '../src/export/duckdbTypes.ts';
import { documentOutputs, type DocumentOutputs } from '../src/export/documentOutputs.ts';
import { documentsTable, factsTable, rejectsTable } from '../src/export/schema.ts';
import { isReject } from '../src/ingest/readJsonLines.ts';
import type { Document, Fact, ParsedDocument, Reject } from '../src/model.ts';
import { removeStaleTemps, tempPathFor, writeFileAtomic } from './lib/atomicFile.ts';
import { MARKER, openOutputDir } from './lib/outputDir.ts';
import { isFailed, type Failed } from './lib/failed.ts';
import type { TaskName } from './lib/extractWorker.ts';
import { DEFAULT_MAX_CHARS, readInputs, type InputOptions } from './lib/inputs.ts';
import { isHtmlPage, readHtmlPage, type HtmlPage } from '../src/ingest/readHtml.ts';
import type { Progress } from './lib/progress.ts';
import { inShard, parseShard, type Shard } from './lib/shard.ts';
import { openShardIndex, readShard, readShardInfo, type ShardInfo, type ShardItem } from './lib/shardIndex.ts';
import { openJsonLines, readJsonLines } from './lib/jsonLines.ts';
import { extractInParallel, isPassedReject, type Output, type PassedReject } from './lib/extractInParallel.ts';
import { REPORT_DOCUMENTS, openReportWriter } from './lib/reportWriter.ts';
import { openTableSink, runDuckDb, writeParquet } from './lib/tableSink.ts';
import { linkAcrossDocuments } from './lib/linkAcrossDocuments.ts';
import { inShardProcesses } from './lib/shardProcesses.ts';

export interface RunSummary {
  documents: number;
  facts: number;
  rejects: number;
}

/** Raised when a run cannot go on; the CLI prints its message as one line and exits non-zero. */
export class PipelineError extends Error {}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const noDocuments = (summary: RunSummary, first?: Reject, rejectsCsv = 'rejects.csv') =>
  new PipelineError(
    `no document could be read${first ? `: ${first.source}${first.record !== null ? `:${first.record}` : ''}: ${first.reason}` : ''} (${summary.rejects} input${summary.rejects === 1 ? '' : 's'} rejected; see ${rejectsCsv})`.replace(/\s+/g, ' '),
  );

/** ingest: inputs -> documents.jsonl + rejects.jsonl */
export async function ingestStage(inputs: string[], documentsPath: string, rejectsPath: string, onReject: (r: Reject) => void, options: InputOptions = {}) {
  const documents = await openJsonLines<Document>(documentsPath);
  const rejects = await openJsonLines<Reject>(rejectsPath);
  const summary: RunSummary = { documents: 0, facts: 0, rejects: 0 };
  let first: Reject | undefined;
  const unique = uniqueDocuments();
  for await (const read of readInputs(inputs, options)) {
    const item = unique(isHtmlPage(read) ? readHtmlPage(read, options.maxChars ?? DEFAULT_MAX_CHARS) : read);
    if (isReject(item)) {
      summary.rejects++;
      first ??= item;
      onReject(item);
      await rejects.write(item);
    } else {
      summary.documents++;
      await documents.write(item);
    }
  }
  await documents.commit();
  await rejects.commit();
  if (summary.documents === 0) throw noDocuments(summary, first);
  return summary;
}

/** parse: documents.jsonl -> parsed.jsonl */
export async function parseStage(documentsPath: string, parsedPath: string) {
  const parsed = await openJsonLines<ParsedDocument>(parsedPath);
  // Loaded here, not at the top: `run` with worker threads never needs the extractor on the main thread.
  const { parseDocument } = await import('../src/text/parseDocument.ts');
  for await (const doc of readJsonLines<Document>(documentsPath)) await parsed.write(parseDocument(doc));
  await parsed.commit();
}

/** normalise: parsed.jsonl -> facts.jsonl */
export async function normaliseStage(parsedPath: string, factsPath: string) {
  const facts = await openJsonLines<Fact>(factsPath);
  const { extractFacts } = await import('../src/extractFacts.ts');
  for await (const doc of readJsonLines<ParsedDocument>(parsedPath)) {
    for (const fact of extractFacts(doc)) await facts.write(fact);
  }
  await facts.commit();
}

/** export: parsed.jsonl + facts.jsonl + rejects.jsonl -> CSV, Parquet, datapackage.json */
export async function exportStage(parsedPath: string, factsPath: string, rejectsPath: string, outDir: string): Promise<RunSummary> {
  const output = await openOutputDir(outDir);
  try {
    const summary = await exportInto(parsedPath, factsPath, rejectsPath, output.staging);
    await output.commit();
    return summary;
  } finally {
    await output.release();
  }
}

async function exportInto(parsedPath: string, factsPath: string, rejectsPath: string, outDir: string): Promise<RunSummary> {
  const sinks = await openSinks(outDir);
  const summary: RunSummary = { documents: 0, facts: 0, rejects: 0 };
  try {
    for await (const reject of readJsonLines<Reject>(rejectsPath)) {
      summary.rejects++;
      await sinks.addReject(reject);
    }
    // facts.jsonl is in document order: walk both files together, one document at a time.
    const facts = readJsonLines<Fact>(factsPath)[Symbol.asyncIterator]();
    let next = await facts.next();
    for await (const doc of readJsonLines<ParsedDocument>(parsedPath)) {
      const own: Fact[] = [];
      while (!next.done && next.value.doc_id === doc.doc_id) {
        own.push(next.value);
        next = await facts.next();
      }
      summary.documents++;
      summary.facts += own.length;
      await sinks.addDocument(documentOutputs(toDocument(doc), own, summary.documents <= REPORT_DOCUMENTS));
    }
  } catch (error) {
    await sinks.abort();
    throw error;
  }
  await sinks.commit(outDir);
  await finishWholeCorpus(outDir);
  return summary;
}

/**
 * The same source with the same text (a page crawled twice, a file named twice)
 * would repeat doc_id and fact_id: the second copy becomes a reject. Ids are
 * kept as 52-bit numbers, about 40 bytes a document.
 */
function uniqueDocuments(): (item: Document | Reject) => Document | Reject {
  const seen = new Set<number>();
  return (item) => {
    if (isReject(item)) return item;
    return duplicate(seen, item.doc_id, item.source) ?? item;
  };
}

function duplicate(seen: Set<number>, docId: string, source: string): Reject | null {
  const key = Number.parseInt(docId.slice(0, 13), 16);
  if (seen.has(key)) return { source, record: null, reason: `duplicate: same source and text as document ${docId}` };
  seen.add(key);
  return null;
}

/**
 * The documents of the inputs (of one shard), and the rejects found while
 * reading in their places: each is counted and reported as it is found, and
 * written after the outputs of the documents read before it, so rejects.csv is
 * in input order, the same bytes for any worker count.
 * Every item read gets its place in the whole input, also in a shard, which reads the
 * whole input and keeps its slice: the merge of shards puts their rows back in that order.
 * A reject carries its place through the workers; a document's place waits in `order`.
 */
async function* documentsOf(inputs: string[], options: RunOptions, summary: RunSummary, order: InputOrder): AsyncGenerator<Document | HtmlPage | PlacedReject> {
  const onBytes = options.progress ? (n: number) => options.progress!.bytes(n) : undefined;
  let place = -1;
  let read = 0;
  for await (const item of readInputs(inputs, { ...options, onBytes })) {
    place++;
    // a document's number among every document of the input, for the report's first documents
    const number = isReject(item) ? -1 : read++;
    if (options.shard && !inShard(item, options.shard)) continue;
    if (isReject(item)) yield { passed: counted(item, summary, options), place };
    else {
      order.document(place, number);
      yield item;
    }
  }
}

/** A reject found while reading, passed through the workers in its place, with its place in the whole input. */
interface PlacedReject extends PassedReject {
  place: number;
}

/**
 * The places of the documents on their way through the workers (their outputs come
 * back in the order they went in), and how many of them get a report section.
 */
class InputOrder {
  private places: number[] = [];
  /** Documents read so far that are among the first `reportDocuments` of the whole input. */
  inReport = 0;
  constructor(private readonly reportDocuments: number) {}
  document(place: number, number: number) {
    this.places.push(place);
    if (number < this.reportDocuments) this.inReport++;
  }
  /** The place in the input of the next document's output. */
  nextPlace(): number {
    return this.places.shift()!;
  }
}

/** An output row set with its place in the whole input (the n-th item read, from 0). */
export interface Placed<T> {
  place: number;
  item: T;
}

/**
 * `map`: documents in, tagged JSON Lines out (`{"table":"documents",...}`, then
 * its facts, and `{"table":"rejects",...}`), for batch runners that shard a
 * corpus across machines (Hadoop Streaming, Spark's RDD.pipe).
 */
export async function mapPipeline(inputs: string[], write: (text: string) => Promise<void>, options: RunOptions): Promise<RunSummary> {
  const summary: RunSummary = { documents: 0, facts: 0, rejects: 0 };
  await extractInInputOrder(inputs, options, summary, 'records', {
    async rejects(rejects) {
      for (const { item: reject } of rejects) await write(JSON.stringify({ table: 'rejects', ...reject }) + '\n');
    },
    output: (out) => write(out.lines),
  });
  return summary;
}

const maxChars = (options: InputOptions) => options.maxChars ?? DEFAULT_MAX_CHARS;

/**
 * The documents of the inputs through the workers (`task`), in input order: each
 * document's output, and every reject in its place (see documentsOf), whether
 * found while reading, as a duplicate, or when extraction failed.
 */
async function extractInInputOrder<T extends TaskName>(
  inputs: string[],
  options: RunOptions,
  summary: RunSummary,
  task: T,
  handle: { rejects(rejects: Placed<Reject>[]): Promise<void>; output(out: Exclude<Output<T>, Failed>, place: number): Promise<void> },
): Promise<void> {
  const order = new InputOrder(task === 'tables' ? (options.reportDocuments ?? REPORT_DOCUMENTS) : 0);
  const seen = new Set<number>();
  const parallel = { workers: options.workers, task, maxChars: maxChars(options), reportDocuments: () => order.inReport, heapMb: options.heapMb };
  for await (const out of extractInParallel(documentsOf(inputs, options, summary, order), parallel)) {
    if (isPassedReject(out)) {
      await handle.rejects([{ place: out.place, item: out.passed }]);
      continue;
    }
    const place = order.nextPlace();
    const rejected = isFailed(out) ? out.failed : duplicate(seen, out.doc_id, out.source);
    if (rejected) {
      await handle.rejects([{ place, item: counted(rejected, summary, options) }]);
      continue;
    }
    const document = out as Exclude<Output<T>, Failed>; // not failed, as checked above
    summary.documents++;
    summary.facts += document.facts;
    options.progress?.document(document.facts);
    await handle.output(document, place);
  }
}

/** A reject counted in the summary and reported to the callbacks. */
function counted(reject: Reject, summary: RunSummary, options: RunOptions): Reject {
  summary.rejects++;
  options.onReject(reject);
  options.progress?.reject();
  return reject;
}

/** Hive-partitioned Parquet of facts and documents under out/partitioned/, from the committed CSVs. */
async function writePartitioned(outDir: string, key: PartitionKey): Promise<void> {
  const target = join(outDir, 'partitioned');
  const temp = tempPathFor(target);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  const documentsCsv = join(outDir, 'documents.csv');
  await runDuckDb([
    partitionedParquetSql(documentsTable.columns, documentsCsv, documentsTable.columns, documentsCsv, key, join(temp, 'documents')),
    partitionedParquetSql(factsTable.columns, join(outDir, 'facts.csv'), documentsTable.columns, documentsCsv, key, join(temp, 'facts')),
  ]);
  await rm(target, { recursive: true, force: true });
  await rename(temp, target);
}

const toDocument = ({ doc_id, source, title, published, text, input_id }: Document): Document => ({ doc_id, source, title, published, text, input_id: input_id ?? null });

/**
 * The tables of a run, streamed, with the data package and the HTML report. A partial run
 * (a shard for `newsfacts merge`) writes only the CSV tables. The steps that need the whole
 * corpus come after the tables are committed (finishWholeCorpus), where the run is whole:
 * after a run, or where shards are merged.
 */
export async function openSinks(outDir: string, partial = false) {
  await removeStaleTemps(outDir);
  const documents = await openTableSink(documentsTable, outDir);
  const facts = await openTableSink(factsTable, outDir);
  const rejects = await openTableSink(rejectsTable, outDir);
  const report = partial ? null : await openReportWriter(outDir);
  return {
    documents,
    facts,
    rejects,
    async addDocument(out: DocumentOutputs) {
      await documents.appendCsv(out.documentCsv, 1);
      if (out.facts > 0) await facts.appendCsv(out.factsCsv, out.facts);
      await report?.addDocument(out);
    },
    async addReject(reject: Reject) {
      await rejects.append(reject);
      report?.addReject(reject);
    },
    async commit(dir: string) {
      await documents.commit();
      await facts.commit();
      await rejects.commit();
      if (partial) return;
      await report!.commit();
      const pkg = dataPackage([documentsTable, factsTable, rejectsTable], await packageVersion());
      await writeFileAtomic(join(dir, 'datapackage.json'), JSON.stringify(pkg, null, 2) + '\n');
    },
    async abort() {
      await Promise.all([documents.abort(), facts.abort(), rejects.abort()]);
    },
  };
}

/**
 * The steps that need the whole corpus, over the committed tables in `dir` (a generation
 * of the output folder): the cross-document links written into documents.csv and
 * facts.csv, then their Parquet files (one DuckDB at a time: each takes up to its memory
 * limit) and, if asked, the partitioned Parquet.
 */
export async function finishWholeCorpus(dir: string, partitionBy?: PartitionKey): Promise<void> {
  await linkAcrossDocuments({ documentsCsv: join(dir, 'documents.csv'), factsCsv: join(dir, 'facts.csv') });
  await writeParquet(documentsTable, dir);
  await writeParquet(factsTable, dir);
  if (partitionBy) await writePartitioned(dir, partitionBy);
}

export interface RunOptions extends InputOptions {
  workers: number;
  onReject: (r: Reject) => void;
  shard?: Shard;
  /** With a shard: write only the CSV tables and the shard index, for `newsfacts merge` (no Parquet, report or data package). */
  partial?: boolean;
  partitionBy?: PartitionKey;
  progress?: Progress;
  /** Documents shown in the HTML report (default REPORT_DOCUMENTS); every document is in the tables. */
  reportDocuments?: number;
  /** Heap limits of the extraction workers (tests lower them to make a document exhaust one). */
  heapMb?: { worker: number; large: number };
}

/**
 * A run's outputs committed as one set (lib/outputDir.ts): `write` fills a new
 * generation of OUT under OUT's lock, and the set replaces the current one only
 * when it is whole. A run that read no document replaces nothing: its rejects are
 * kept apart in OUT/.newsfacts/failed/ (unless `mayBeEmpty`: a partial shard of a
 * small input may hold no document, and merge decides whether the whole run read any).
 */
async function intoOutputDir(outDir: string, write: (staging: string) => Promise<{ summary: RunSummary; first?: Reject }>, mayBeEmpty = false): Promise<RunSummary> {
  const output = await openOutputDir(outDir);
  try {
    const { summary, first } = await write(output.staging);
    if (summary.documents === 0 && !mayBeEmpty) {
      const failed = await output.keepAsFailed();
      throw noDocuments(summary, first, join(failed, 'rejects.csv'));
    }
    await output.commit();
    return summary;
  } finally {
    await output.release();
  }
}

/**
 * All stages in one process, streaming: documents flow from the readers through
 * the extraction workers to the writers, in input order; nothing holds the corpus in memory.
 * A shard run also writes its shard index (lib/shardIndex.ts), for `newsfacts merge`.
 * Every run, a partial shard's too, commits its outputs as one set (see intoOutputDir):
 * OUT/documents.csv and the rest are links into OUT/.newsfacts/current/, which merge reads through.
 */
export async function runPipeline(inputs: string[], outDir: string, options: RunOptions): Promise<RunSummary> {
  const partial = options.shard !== undefined && options.partial === true;
  return intoOutputDir(
    outDir,
    async (staging) => {
      const run = await runInto(inputs, staging, { ...options, skipDirs: [outDir, ...(options.skipDirs ?? [])] });
      if (!partial && run.summary.documents > 0) await finishWholeCorpus(staging, options.partitionBy);
      return run;
    },
    partial,
  );
}

/** The whole run (or one shard of it), every output written into `outDir` (a generation of the output folder, committed by the caller). */
async function runInto(inputs: string[], outDir: string, options: RunOptions): Promise<{ summary: RunSummary; first?: Reject }> {
  const partial = options.shard !== undefined && options.partial === true;
  const sinks = await openSinks(outDir, partial);
  const index = options.shard ? await openShardIndex(outDir) : null;
  const summary: RunSummary = { documents: 0, facts: 0, rejects: 0 };
  let first: Reject | undefined;
  try {
    await extractInInputOrder(inputs, options, summary, 'tables', {
      async rejects(rejects) {
        for (const { place, item: reject } of rejects) {
          first ??= reject;
          await sinks.addReject(reject);
          await index?.reject(reject, place);
        }
      },
      async output(out, place) {
        await sinks.addDocument(out);
        await index?.document(out, place);
      },
    });
  } catch (error) {
    await sinks.abort();
    await index?.abort();
    throw error;
  }
  // A run that read nothing writes only its rejects (kept apart by intoOutputDir), but a
  // partial shard is finished as it is: a shard may hold no document of a small input.
  if (summary.documents === 0 && !partial) {
    await sinks.rejects.commit();
    await Promise.all([sinks.documents.abort(), sinks.facts.abort(), index?.abort()]);
    return { summary, first };
  }
  await sinks.commit(outDir);
  await index?.commit(options.shard!, { reportDocuments: options.reportDocuments ?? REPORT_DOCUMENTS, ...summary });
  return { summary, first };
}

/**
 * `run --workers N` (N > 1) on inputs on disk: N worker processes, each on its own
 * --shard K/N of the input (lib/shardProcesses.ts), merged here into one set of
 * outputs, as `newsfacts merge` does. This process holds OUT's lock throughout; the
 * shards are written under OUT/.newsfacts/ (removed after the merge, or by the next
 * run if this one is killed), so nothing shows in OUT before the commit.
 */
export async function runInShardProcesses(outDir: string, workers: number, args: string[], options: { partitionBy?: PartitionKey; onNotice?: (message: string) => void }): Promise<RunSummary> {
  return intoOutputDir(outDir, (staging) =>
    inShardProcesses(join(outDir, MARKER), workers, [...args, '--skip-dir', outDir], (dirs) => mergeInto(dirs, staging, options), options.onNotice),
  );
}

/**
 * `newsfacts merge`: the outputs of shard runs (`run --shard K/N --partial`, made on
 * one machine or many) into one set of tables, byte-identical to a single run over
 * the whole input. Each shard's rows are in input order and carry their place in the
 * whole input, so an N-way merge by place restores the single run's order; the rows'
 * CSV bytes are copied as the shards wrote them, with the report and the data package;
 * then the whole-corpus steps run as after a single run (finishWholeCorpus): cross-document
 * links, Parquet by DuckDB, the partitioned Parquet. The merged set is committed
 * to OUT as one set, as a run's is.
 */
export async function mergeShards(dirs: string[], outDir: string, options: { partitionBy?: PartitionKey; onReject?: (r: Reject) => void }): Promise<RunSummary> {
  const infos = await Promise.all(dirs.map(readShardInfo));
  checkShards(dirs, infos);
  return intoOutputDir(outDir, (staging) => mergeInto(dirs, staging, options));
}

/** The shards in `dirs` merged into `outDir` (a generation of the output folder, committed by the caller). */
async function mergeInto(dirs: string[], outDir: string, options: { partitionBy?: PartitionKey; onReject?: (r: Reject) => void }): Promise<{ summary: RunSummary; first?: Reject }> {
  const sinks = await openSinks(outDir);
  const summary: RunSummary = { documents: 0, facts: 0, rejects: 0 };
  const seen = new Set<number>();
  let first: Reject | undefined;
  const addReject = async (reject: Reject) => {
    summary.rejects++;
    first ??= reject;
    options.onReject?.(reject);
    await sinks.addReject(reject);
  };
  const shards = dirs.map((dir) => readShard(dir)[Symbol.asyncIterator]());
  try {
    const heads = await Promise.all(shards.map((s) => s.next()));
    for (;;) {
      let k = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!;
        if (!head.done && (k < 0 || head.value.place < (heads[k]!.value as ShardItem).place)) k = i;
      }
      if (k < 0) break;
      const item = heads[k]!.value as ShardItem;
      heads[k] = await shards[k]!.next();
      if ('reject' in item) {
        await addReject(item.reject);
        continue;
      }
      // the same document in two shards (the same page under two record numbers): the later is a duplicate, as in one run
      const again = duplicate(seen, item.out.doc_id, item.out.source);
      if (again) {
        await addReject(again);
        continue;
      }
      summary.documents++;
      summary.facts += item.out.facts;
      await sinks.addDocument(item.out);
    }
  } catch (error) {
    await sinks.abort();
    throw error;
  } finally {
    await Promise.all(shards.map((s) => s.return?.(undefined)));
  }
  if (summary.documents === 0) {
    await sinks.rejects.commit();
    await Promise.all([sinks.documents.abort(), sinks.facts.abort()]);
    return { summary, first };
  }
  await sinks.commit(outDir);
  await finishWholeCorpus(outDir, options.partitionBy);
  return { summary, first };
}

/** Every shard of one split, each once, made with the same report limit. */
function checkShards(dirs: string[], infos: ShardInfo[]): void {
  const shards = infos.map((i) => parseShard(i.shard));
  const count = shards[0]!.count;
  const given = new Map<number, string>();
  shards.forEach((s, i) => {
    if (s.count !== count) throw new PipelineError(`${dirs[i]} is shard ${infos[i]!.shard}, ${dirs[0]} is shard ${infos[0]!.shard}: give the shards of one split`);
    if (given.has(s.index)) throw new PipelineError(`shard ${s.index}/${count} given twice: ${given.get(s.index)} and ${dirs[i]}`);
    given.set(s.index, dirs[i]!);
    if (infos[i]!.reportDocuments !== infos[0]!.reportDocuments) throw new PipelineError(`${dirs[i]} was run with --report-documents ${infos[i]!.reportDocuments}, ${dirs[0]} with ${infos[0]!.reportDocuments}`);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !given.has(k));
  if (missing.length > 0) throw new PipelineError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')} missing: merge needs all ${count}`);
}
