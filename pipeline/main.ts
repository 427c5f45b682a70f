// Entry point of the built command (dist/cli.mjs): `newsfacts <command> [options]`.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

await runCli(hideBin(process.argv));
