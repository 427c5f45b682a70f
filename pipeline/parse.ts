// Stage script for the Makefile: `tsx pipeline/parse.ts ...` is `newsfacts parse ...`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(['parse', ...hideBin(process.argv)]);
