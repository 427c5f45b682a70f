// Stage script for the Makefile: `tsx pipeline/export.ts ...` is `newsfacts export ...`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(['export', ...hideBin(process.argv)]);
