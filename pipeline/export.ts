// Stage script for the Makefile, built to dist/export.mjs: `node dist/export.mjs ...` is `newsfacts export ...`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(['export', ...hideBin(process.argv)]);
