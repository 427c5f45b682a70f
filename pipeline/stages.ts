// The four stages, as functions over files: each reads the previous stage's
// JSON Lines and writes its own. `runPipeline` chains the same functions in
// one process, streaming document by document.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataPackage } from '../src/export/dataPackage.ts';
import { documentOutputs, type DocumentOutputs } from '../src/export/documentOutputs.ts';
import { documentsTable, factsTable, rejectsTable } from '../src/export/schema.ts';
import { extractFacts } from '../src/extractFacts.ts';
import { isReject } from '../src/ingest/readJsonLines.ts';
import type { Document, Fact, ParsedDocument, Reject } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';
import { writeFileAtomic } from './lib/atomicFile.ts';
import { readInputs } from './lib/inputs.ts';
import { openJsonLines, readJsonLines } from './lib/jsonLines.ts';
import { extractInParallel } from './lib/extractInParallel.ts';
import { openReportWriter } from './lib/reportWriter.ts';
import { openTableSink } from './lib/tableSink.ts';

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

const noDocuments = (summary: RunSummary) =>
  new PipelineError(`no document could be read (${summary.rejects} input${summary.rejects === 1 ? '' : 's'} rejected; see rejects.csv)`);

/** ingest: inputs -> documents.jsonl + rejects.jsonl */
export async function ingestStage(inputs: string[], documentsPath: string, rejectsPath: string, onReject: (r: Reject) => void) {
  const documents = await openJsonLines<Document>(documentsPath);
  const rejects = await openJsonLines<Reject>(rejectsPath);
  const summary: RunSummary = { documents: 0, facts: 0, rejects: 0 };
  for await (const item of readInputs(inputs)) {
    if (isReject(item)) {
      summary.rejects++;
      onReject(item);
      await rejects.write(item);
    } else {
      summary.documents++;
      await documents.write(item);
    }
  }
  await documents.commit();
  await rejects.commit();
  if (summary.documents === 0) throw noDocuments(summary);
  return summary;
}

/** parse: documents.jsonl -> parsed.jsonl */
export async function parseStage(documentsPath: string, parsedPath: string) {
  const parsed = await openJsonLines<ParsedDocument>(parsedPath);
  for await (const doc of readJsonLines<Document>(documentsPath)) await parsed.write(parseDocument(doc));
  await parsed.commit();
}

/** normalise: parsed.jsonl -> facts.jsonl */
export async function normaliseStage(parsedPath: string, factsPath: string) {
  const facts = await openJsonLines<Fact>(factsPath);
  for await (const doc of readJsonLines<ParsedDocument>(parsedPath)) {
    for (const fact of extractFacts(doc)) await facts.write(fact);
  }
  await facts.commit();
}

/** export: parsed.jsonl + facts.jsonl + rejects.jsonl -> CSV, Parquet, datapackage.json */
export async function exportStage(parsedPath: string, factsPath: string, rejectsPath: string, outDir: string): Promise<RunSummary> {
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
      await sinks.addDocument(documentOutputs(toDocument(doc), own));
    }
  } catch (error) {
    await sinks.abort();
    throw error;
  }
  await sinks.commit(outDir);
  return summary;
}

const toDocument = ({ doc_id, source, title, published, text }: Document): Document => ({ doc_id, source, title, published, text });

/** Every output of a run: the three tables, the data package and the HTML report. */
async function openSinks(outDir: string) {
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
      await Promise.all([documents.commit(), facts.commit(), rejects.commit()]);
      await report.commit();
      const pkg = dataPackage([documentsTable, factsTable, rejectsTable], await packageVersion());
      await writeFileAtomic(join(dir, 'datapackage.json'), JSON.stringify(pkg, null, 2) + '\n');
    },
    async abort() {
      await Promise.all([documents.abort(), facts.abort(), rejects.abort()]);
    },
  };
}

export interface RunOptions {
  workers: number;
  onReject: (r: Reject) => void;
}

/**
 * All stages in one process, streaming: documents flow from the readers through
 * the extraction workers to the writers, in input order; nothing holds the corpus in memory.
 */
export async function runPipeline(inputs: string[], outDir: string, options: RunOptions): Promise<RunSummary> {
  const sinks = await openSinks(outDir);
  const summary: RunSummary = { documents: 0, facts: 0, rejects: 0 };
  const rejects: Reject[] = [];
  // Rejects are written as they come; documents go on to the workers.
  async function* documents(): AsyncGenerator<Document> {
    for await (const item of readInputs(inputs)) {
      if (isReject(item)) {
        summary.rejects++;
        options.onReject(item);
        rejects.push(item);
      } else yield item;
    }
  }
  try {
    for await (const out of extractInParallel(documents(), options.workers, 'tables')) {
      for (const reject of rejects.splice(0)) await sinks.addReject(reject);
      summary.documents++;
      summary.facts += out.facts;
      await sinks.addDocument(out);
    }
    for (const reject of rejects.splice(0)) await sinks.addReject(reject);
  } catch (error) {
    await sinks.abort();
    throw error;
  }
  if (summary.documents === 0) {
    await sinks.rejects.commit();
    await Promise.all([sinks.documents.abort(), sinks.facts.abort()]);
    throw noDocuments(summary);
  }
  await sinks.commit(outDir);
  return summary;
}
