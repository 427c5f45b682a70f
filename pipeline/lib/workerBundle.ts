/**
 * The worker tasks as `npm run build` writes them: dist/worker.mjs, plain
 * JavaScript bundled by esbuild without tsx's keepNames wrappers (measured on
 * the news corpus, 23% faster a thread). The built CLI finds it beside itself;
 * the TypeScript sources (tests, bench) use the same built file, so the
 * workers run one artifact everywhere.
 */
export const WORKER_BUNDLE = new URL(import.meta.url.includes('/dist/') ? './worker.mjs' : '../../dist/worker.mjs', import.meta.url);
