// Stage script for the Makefile, built to dist/parse.mjs: `node dist/parse.mjs ...` is `newsfacts parse ...`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(['parse', ...hideBin(process.argv)]);
