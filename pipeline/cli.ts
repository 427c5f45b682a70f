#!/usr/bin/env node
// newsfacts command line: `run` does everything in one process; the stage
// commands are what the Makefile calls, one file in, one file out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { Reject } from '../src/model.ts';
import { defaultWorkers } from './lib/extractInParallel.ts';
import { STDIN } from './lib/inputs.ts';
import { PipelineError, exportStage, ingestStage, normaliseStage, parseStage, runPipeline, type RunSummary } from './stages.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const reportReject = (r: Reject) =>
  process.stderr.write(`newsfacts: ${r.source}${r.record !== null ? `:${r.record}` : ''}: ${r.reason}\n`);

function summaryLine(summary: RunSummary, started: number): string {
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  return `newsfacts: ${summary.documents} documents, ${summary.facts} facts, ${summary.rejects} rejects, ${seconds} s`;
}

export async function main(argv: string[]): Promise<void> {
  const started = performance.now();
  // yargs drops a bare "-" from positionals; name stdin in a way it keeps.
  await yargs(argv.map((a) => (a === '-' ? STDIN : a)))
    .scriptName('newsfacts')
    .usage('$0 <command> [options]\n\nTurns news articles into tables of their quantitative facts.')
    .command(
      'run <inputs..>',
      'Run every stage in one process: inputs (files, directories, - for stdin) to CSV, Parquet and datapackage.json',
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'files or directories (.txt, .jsonl); - reads stdin' })
          .option('out', { type: 'string', default: 'output', describe: 'output directory' })
          .option('workers', { type: 'number', default: defaultWorkers(), describe: 'extraction threads (output is identical for any count)' }),
      async (args) => {
        const summary = await runPipeline(args.inputs as string[], args.out, { workers: args.workers, onReject: reportReject });
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
    .demandCommand(1, 'Name a command: run, ingest, parse, normalise or export.')
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

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/pipeline/cli.ts')) {
  await runCli(hideBin(process.argv));
}
