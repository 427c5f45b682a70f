// Stage script for the Makefile, built to dist/ingest.mjs: `node dist/ingest.mjs ...` is `newsfacts ingest ...`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(['ingest', ...hideBin(process.argv)]);
