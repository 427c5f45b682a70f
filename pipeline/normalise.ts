// Stage script for the Makefile: `tsx pipeline/normalise.ts ...` is `newsfacts normalise ...`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(['normalise', ...hideBin(process.argv)]);
