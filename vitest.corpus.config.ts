import { defineConfig } from 'vitest/config';

/**
 * `make test-corpus`: the checks that need the corpora in ../shared/data/news beside the
 * clone (CI has them; a user's clone may not): tests/corpus/, and the fuzz test of
 * tests/fuzz.test.ts on the corpora at full size (3,000 files) instead of the fixtures, and the
 * stress tests of tests/stress/ (pages and documents of megabytes beside good ones: a minute).
 */
export default defineConfig({
  test: {
    include: ['tests/corpus/**/*.test.ts', 'tests/stress/**/*.test.ts', 'tests/fuzz.test.ts'],
    env: { NEWSFACTS_FUZZ: 'corpus' },
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
