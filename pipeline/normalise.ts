// Stage script for the Makefile, built to dist/normalise.mjs: `node dist/normalise.mjs ...` is `newsfacts normalise ...`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(['normalise', ...hideBin(process.argv)]);
