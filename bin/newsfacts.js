#!/usr/bin/env node
// Entry point of the `newsfacts` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
import { hideBin } from 'yargs/helpers';

register();
const { runCli } = await import('../pipeline/cli.ts');
await runCli(hideBin(process.argv));
