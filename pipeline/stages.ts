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
import { openOutputDir } from './lib/outputDir.ts';
import { isFailed, type Failed } from './lib/failed.ts';
import type { TaskName } from './lib/extractWorker.ts';
import { DEFAULT_MAX_CHARS, readInputs, type InputOptions } from './lib/inputs.ts';
import { isHtmlPage, readHtmlPage, type HtmlPage } from '../src/ingest/readHtml.ts';
import type { Progress } from './lib/progress.ts';
import { inShard, type Shard } from './lib/shard.ts';
import { openJsonLines, readJsonLines } from './lib/jsonLines.ts';
import { extractInParallel, isPassedReject, type Output, type PassedReject } from './lib/extractInParallel.ts';
import { REPORT_DOCUMENTS, openReportWriter } from './lib/reportWriter.ts';
import { openTableSink, runDuckDb } from './lib/tableSink.ts';

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
 */
async function* documentsOf(inputs: string[], options: RunOptions, summary: RunSummary): AsyncGenerator<Document | HtmlPage | PassedReject> {
  const onBytes = options.progress ? (n: number) => options.progress!.bytes(n) : undefined;
  for await (const item of readInputs(inputs, { ...options, onBytes })) {
    if (options.shard && !inShard(item, options.shard)) continue;
    if (isReject(item)) yield { passed: counted(item, summary, options) };
    else yield item;
  }
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
      for (const reject of rejects) await write(JSON.stringify({ table: 'rejects', ...reject }) + '\n');
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
  handle: { rejects(rejects: Reject[]): Promise<void>; output(out: Exclude<Output<T>, Failed>): Promise<void> },
): Promise<void> {
  const seen = new Set<number>();
  const parallel = { workers: options.workers, task, maxChars: maxChars(options), reportDocuments: task === 'tables' ? (options.reportDocuments ?? REPORT_DOCUMENTS) : 0, heapMb: options.heapMb };
  for await (const out of extractInParallel(documentsOf(inputs, options, summary), parallel)) {
    if (isPassedReject(out)) {
      await handle.rejects([out.passed]);
      continue;
    }
    const rejected = isFailed(out) ? out.failed : duplicate(seen, out.doc_id, out.source);
    if (rejected) {
      await handle.rejects([counted(rejected, summary, options)]);
      continue;
    }
    const document = out as Exclude<Output<T>, Failed>; // not failed, as checked above
    summary.documents++;
    summary.facts += document.facts;
    options.progress?.document(document.facts);
    await handle.output(document);
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

const toDocument = ({ doc_id, source, title, published, text }: Document): Document => ({ doc_id, source, title, published, text });

/** Every output of a run: the three tables, the data package, the HTML report and, if asked, partitioned Parquet. */
async function openSinks(outDir: string, partitionBy?: PartitionKey) {
  await removeStaleTemps(outDir);
  const documents = await openTableSink(documentsTable, outDir, true);
  const facts = await openTableSink(factsTable, outDir, true);
  const rejects = await openTableSink(rejectsTable, outDir, false);
  const report = await openReportWriter(outDir);
  return {
    documents,
    facts,
    rejects,
    async addDocument(out: DocumentOutputs) {
      await documents.appendCsv(out.documentCsv, 1);
      if (out.facts > 0) await facts.appendCsv(out.factsCsv, out.facts);
      await report.addDocument(out);
    },
    async addReject(reject: Reject) {
      await rejects.append(reject);
      report.addReject(reject);
    },
    async commit(dir: string) {
      // One DuckDB conversion at a time: each takes two threads and up to 128 MB.
      await documents.commit();
      await facts.commit();
      await rejects.commit();
      if (partitionBy) await writePartitioned(dir, partitionBy);
      await report.commit();
      const pkg = dataPackage([documentsTable, factsTable, rejectsTable], await packageVersion());
      await writeFileAtomic(join(dir, 'datapackage.json'), JSON.stringify(pkg, null, 2) + '\n');
    },
    async abort() {
      await Promise.all([documents.abort(), facts.abort(), rejects.abort()]);
    },
  };
}

export interface RunOptions extends InputOptions {
  workers: number;
  onReject: (r: Reject) => void;
  shard?: Shard;
  partitionBy?: PartitionKey;
  progress?: Progress;
  /** Documents shown in the HTML report (default REPORT_DOCUMENTS); every document is in the tables. */
  reportDocuments?: number;
  /** Heap limits of the extraction workers (tests lower them to make a document exhaust one). */
  heapMb?: { worker: number; large: number };
}

/**
 * All stages in one process, streaming: documents flow from the readers through
 * the extraction workers to the writers, in input order; nothing holds the corpus in memory.
 */
export async function runPipeline(inputs: string[], outDir: string, options: RunOptions): Promise<RunSummary> {
  const output = await openOutputDir(outDir);
  try {
    const { summary, first } = await runInto(inputs, output.staging, { ...options, skipDirs: [outDir, ...(options.skipDirs ?? [])] });
    if (summary.documents === 0) {
      // a failed run replaces nothing: its rejects are kept apart
      const failed = await output.keepAsFailed();
      throw noDocuments(summary, first, join(failed, 'rejects.csv'));
    }
    await output.commit();
    return summary;
  } finally {
    await output.release();
  }
}

/** The whole run, every output written into `outDir` (a generation of the output folder, committed by the caller). */
async function runInto(inputs: string[], outDir: string, options: RunOptions): Promise<{ summary: RunSummary; first?: Reject }> {
  const sinks = await openSinks(outDir, options.partitionBy);
  const summary: RunSummary = { documents: 0, facts: 0, rejects: 0 };
  let first: Reject | undefined;
  try {
    await extractInInputOrder(inputs, options, summary, 'tables', {
      async rejects(rejects) {
        for (const reject of rejects) {
          first ??= reject;
          await sinks.addReject(reject);
        }
      },
      output: (out) => sinks.addDocument(out),
    });
  } catch (error) {
    await sinks.abort();
    throw error;
  }
  await sinks.commit(outDir);
  return { summary, first };
}
