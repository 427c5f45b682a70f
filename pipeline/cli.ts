// newsfacts command line: `run` does everything in one process; the stage
// commands are what the Makefile calls, one file in, one file out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import yargs, { type Argv } from 'yargs';
import type { Reject } from '../src/model.ts';
import { defaultWorkers } from './lib/extractInParallel.ts';
import { DEFAULT_MAX_CHARS, FORMATS, MAX_REJECTS_PER_INPUT, STDIN, inputBytes, type Format } from './lib/inputs.ts';
import { openProgress, type Progress } from './lib/progress.ts';
import { REPORT_DOCUMENTS } from './lib/reportWriter.ts';
import { parseShard } from './lib/shard.ts';
import { PARTITION_KEYS } from '../src/export/duckdbTypes.ts';
import { exitWithParent } from './lib/shardProcesses.ts';
import { PipelineError, exportStage, ingestStage, mapPipeline, mergeShards, normaliseStage, parseStage, runInShardProcesses, runPipeline, type RunOptions, type RunSummary } from './stages.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const reportReject = (r: Reject) =>
  process.stderr.write(`newsfacts: ${r.source}${r.record !== null ? `:${r.record}` : ''}: ${r.reason}\n`);

function summaryLine(summary: RunSummary, started: number): string {
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  return `newsfacts: ${summary.documents} documents, ${summary.facts} facts, ${summary.rejects} rejects, ${seconds} s`;
}

/** The input options `run` and `map` share. */
function inputOptions<T>(y: Argv<T>) {
  return y
    .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'files, directories, globs; - reads stdin. .txt .jsonl .html .csv .tsv .warc, any of them .gz' })
    .option('format', { choices: FORMATS, describe: 'read every input as this format (default: from the extension; on stdin, from the content)' })
    .option('text-column', { type: 'string', describe: 'CSV/TSV column holding the article text (default: text, body, content, article, story)' })
    .option('title-column', { type: 'string', describe: 'CSV/TSV headline column (default: title, headline)' })
    .option('date-column', { type: 'string', describe: 'CSV/TSV publication date column (default: published, date, published_at, publish_date)' })
    .option('id-column', { type: 'string', describe: 'CSV/TSV id column (default: id, doc_id, article_id)' })
    .option('max-chars', { type: 'number', default: DEFAULT_MAX_CHARS, describe: 'reject documents longer than this' })
    .option('max-rejects-per-input', { type: 'number', default: MAX_REJECTS_PER_INPUT, describe: 'rejects listed for one input file; the rest are counted in one row' })
    .option('workers', { type: 'number', default: defaultWorkers(), describe: 'worker processes, each on its own shard of the input (threads for stdin, map and a --shard run); output is identical for any count' })
    .option('shard', { type: 'string', describe: 'K/N: process only the K-th of N deterministic slices of the documents (run: also writes shard-index.jsonl and shard.json for newsfacts merge)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar (it shows only when stderr is a terminal)' });
}

async function runOptions(args: {
  inputs?: unknown;
  format?: Format;
  textColumn?: string;
  titleColumn?: string;
  dateColumn?: string;
  idColumn?: string;
  maxChars: number;
  maxRejectsPerInput: number;
  workers: number;
  shard?: string;
  quiet: boolean;
}): Promise<RunOptions & { progress: Progress }> {
  const inputs = args.inputs as string[];
  const showProgress = !args.quiet && process.stderr.isTTY === true;
  const columns = { text: args.textColumn, title: args.titleColumn, date: args.dateColumn, id: args.idColumn };
  return {
    format: args.format,
    columns: Object.values(columns).some((c) => c !== undefined) ? columns : undefined,
    maxChars: args.maxChars,
    maxRejectsPerInput: Math.max(0, Math.floor(args.maxRejectsPerInput)),
    workers: Math.max(1, Math.floor(args.workers)),
    shard: args.shard === undefined ? undefined : parseShard(args.shard),
    onReject: () => {},
    onNotice: (message) => process.stderr.write(`newsfacts: ${message}\n`),
    progress: openProgress(showProgress ? await inputBytes(inputs) : null, showProgress),
  };
}

/** The arguments a worker process gets: the inputs and every option that changes what is read or written. */
function workerArgs(
  inputs: string[],
  args: { format?: Format; textColumn?: string; titleColumn?: string; dateColumn?: string; idColumn?: string; maxChars: number; maxRejectsPerInput: number },
  reportDocuments: number,
): string[] {
  const named: [string, string | number | undefined][] = [
    ['--format', args.format],
    ['--text-column', args.textColumn],
    ['--title-column', args.titleColumn],
    ['--date-column', args.dateColumn],
    ['--id-column', args.idColumn],
    ['--max-chars', args.maxChars],
    ['--max-rejects-per-input', args.maxRejectsPerInput],
    ['--report-documents', reportDocuments],
  ];
  return [...inputs, ...named.flatMap(([name, value]) => (value === undefined ? [] : [name, String(value)]))];
}

async function writeStdout(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

export async function main(argv: string[]): Promise<void> {
  const started = performance.now();
  // yargs drops a bare "-" from positionals; name stdin in a way it keeps.
  await yargs(argv.map((a) => (a === '-' ? STDIN : a)))
    .scriptName('newsfacts')
    .usage('$0 <command> [options]\n\nTurns news articles into tables of their quantitative facts.')
    .command(
      'run <inputs..>',
      'Run every stage in one process: inputs to CSV, Parquet, datapackage.json and report.html',
      (y) =>
        inputOptions(y)
          .option('out', { type: 'string', default: 'output', describe: 'output directory' })
          .option('partition-by', { choices: PARTITION_KEYS, describe: 'also write Hive-partitioned Parquet by published month or year to OUT/partitioned/' })
          .option('report-documents', { type: 'number', default: REPORT_DOCUMENTS, describe: 'documents shown in report.html, from the first (the tables hold them all)' })
          .option('partial', { type: 'boolean', default: false, describe: 'with --shard: write only the CSV tables and the shard index, for newsfacts merge (no Parquet, report or data package)' })
          // given by run --workers N to its worker processes: the parent's OUT, skipped as input like a run's own --out
          .option('skip-dir', { type: 'string', array: true, hidden: true }),
      async (args) => {
        if (args.partial) exitWithParent();
        const options = await runOptions(args);
        try {
          const reportDocuments = Math.max(0, Math.floor(args.reportDocuments));
          const inputs = args.inputs as string[];
          const runOptions = { ...options, partitionBy: args.partitionBy, reportDocuments, partial: args.partial, skipDirs: args.skipDir ?? [] };
          // Stdin can be read once, and a --shard run is one worker's share already: those extract on threads.
          const summary =
            options.workers > 1 && !options.shard && !inputs.includes(STDIN)
              ? await runInShardProcesses(args.out, options.workers, workerArgs(inputs, args, reportDocuments), { partitionBy: args.partitionBy, onNotice: options.onNotice })
              : await runPipeline(inputs, args.out, runOptions);
          options.progress.stop();
          process.stderr.write(summaryLine(summary, started) + '\n');
        } finally {
          options.progress.stop();
        }
      },
    )
    .command(
      'map [inputs..]',
      'Documents (JSON Lines on stdin by default) to tagged JSON Lines on stdout: one {"table": "documents"|"facts"|"rejects", ...} record a line',
      (y) => inputOptions(y).positional('inputs', { default: [STDIN], describe: 'inputs as for run; default: stdin' }),
      async (args) => {
        const options = await runOptions({ ...args, quiet: true });
        const summary = await mapPipeline(args.inputs as string[], writeStdout, options);
        process.stderr.write(summaryLine(summary, started) + '\n');
      },
    )
    .command(
      'merge <shards..>',
      'Merge the outputs of shard runs (run --shard K/N --partial, K = 1..N, made anywhere) into one set of tables, byte-identical to one run over the whole input; the report, Parquet and data package are made here',
      (y) =>
        y
          .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'the shard runs\' output directories' })
          .option('out', { type: 'string', demandOption: true, describe: 'output directory' })
          .option('partition-by', { choices: PARTITION_KEYS, describe: 'also write Hive-partitioned Parquet by published month or year to OUT/partitioned/' }),
      async (args) => {
        const summary = await mergeShards(args.shards as string[], args.out, { partitionBy: args.partitionBy });
        process.stderr.write(summaryLine(summary, started) + '\n');
      },
    )
    .command(
      'ingest <inputs..>',
      'Stage 1: read inputs into documents.jsonl (and rejects.jsonl)',
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true })
          .option('out', { type: 'string', demandOption: true, describe: 'documents.jsonl to write' })
          .option('rejects', { type: 'string', demandOption: true, describe: 'rejects.jsonl to write' }),
      async (args) => {
        await ingestStage(args.inputs as string[], args.out, args.rejects, reportReject);
      },
    )
    .command(
      'parse',
      'Stage 2: paragraphs and sentences, documents.jsonl -> parsed.jsonl',
      (y) => y.option('in', { type: 'string', demandOption: true }).option('out', { type: 'string', demandOption: true }),
      async (args) => parseStage(args.in, args.out),
    )
    .command(
      'normalise',
      'Stage 3: quantities resolved to facts, parsed.jsonl -> facts.jsonl',
      (y) => y.option('in', { type: 'string', demandOption: true }).option('out', { type: 'string', demandOption: true }),
      async (args) => normaliseStage(args.in, args.out),
    )
    .command(
      'export',
      'Stage 4: CSV, Parquet and datapackage.json from the stage files',
      (y) =>
        y
          .option('stages', { type: 'string', demandOption: true, describe: 'directory holding parsed.jsonl, facts.jsonl, rejects.jsonl' })
          .option('out', { type: 'string', demandOption: true, describe: 'output directory' }),
      async (args) => {
        const summary = await exportStage(
          join(args.stages, 'parsed.jsonl'),
          join(args.stages, 'facts.jsonl'),
          join(args.stages, 'rejects.jsonl'),
          args.out,
        );
        process.stderr.write(summaryLine(summary, started) + '\n');
      },
    )
    .demandCommand(1, 'Name a command: run, map, merge, ingest, parse, normalise or export.')
    .strict()
    .version(version)
    .help()
    .fail((message, error, y) => {
      if (error) throw error;
      process.stderr.write(`${y.help() && ''}newsfacts: ${message}\nRun "newsfacts --help" for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
}

/** Runs the CLI and turns failures into one line on stderr and a non-zero exit. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await main(argv);
  } catch (error) {
    const message = error instanceof PipelineError ? error.message : (error as Error).message ?? String(error);
    process.stderr.write(`newsfacts: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}
