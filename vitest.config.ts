import { defineConfig } from 'vitest/config';

/**
 * `make test-unit`: the pure src/ modules on sentences, tokens and strings. No reader of
 * whole files (readHtml, readWarc, readDelimited), no pipeline run, no CLI, no browser.
 */
export const UNIT = [
  'tests/attributeSpeakers.test.ts',
  'tests/codePoints.test.ts',
  'tests/columnReference.test.ts',
  'tests/datelineDate.test.ts',
  'tests/export.test.ts',
  'tests/findObject.test.ts',
  'tests/findPeriods.test.ts',
  'tests/findPredicate.test.ts',
  'tests/findQuantities.test.ts',
  'tests/findStatus.test.ts',
  'tests/ingest.test.ts',
  'tests/layers.test.ts',
  'tests/linkFacts.test.ts',
  'tests/mayHoldQuantity.test.ts',
  'tests/not-facts.test.ts',
  'tests/readAges.test.ts',
  'tests/resultsTablePeriod.test.ts',
  'tests/segment.test.ts',
  'tests/shareRestatedContext.test.ts',
];

// `make test-unit` runs the first project, `make test` both (unit first); `make test-corpus` uses vitest.corpus.config.ts.
export default defineConfig({
  test: {
    // Two files at a time, not vitest's cores - 1 (one on a 2-core machine): most of the
    // integration tests' time is spent waiting for a spawned newsfacts or Chromium.
    maxWorkers: 2,
    // Timeouts catch a hung test, not a slow machine (performance is `make bench`'s): generous,
    // because the test machines are shared and a loaded one runs everything several times slower.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // Pure functions share one module graph: importing compromise and the lexicons once, not per file.
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false, poolOptions: { forks: { singleFork: true } } } },
      { extends: true, test: { name: 'integration', include: ['tests/*.test.ts'], exclude: UNIT } },
    ],
  },
});
