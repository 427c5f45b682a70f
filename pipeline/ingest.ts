// Stage script for the Makefile: `tsx pipeline/ingest.ts ...` is `newsfacts ingest ...`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(['ingest', ...hideBin(process.argv)]);
