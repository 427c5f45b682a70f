#!/usr/bin/env node
// Entry point of the `newsfacts` command: the compiled CLI that `npm run build` writes.
import '../dist/cli.mjs';
