import { SingleBar } from 'cli-progress';

export interface Progress {
  bytes(n: number): void;
  document(facts: number): void;
  reject(): void;
  stop(): void;
}

const silent: Progress = { bytes() {}, document() {}, reject() {}, stop() {} };

/**
 * A progress bar on stderr when it is a terminal: input bytes read against the
 * total (documents when the total is unknown, as on stdin), documents/s, facts
 * and rejects so far. Off when --quiet or when stderr is not a TTY.
 */
export function openProgress(totalBytes: number | null, enabled: boolean): Progress {
  if (!enabled) return silent;
  const started = performance.now();
  let read = 0;
  let documents = 0;
  let facts = 0;
  let rejects = 0;
  const format = totalBytes
    ? ' {bar} {percentage}% | {documents} docs | {rate} docs/s | {facts} facts | {rejects} rejects | ETA {eta_formatted}'
    : ' {documents} docs | {rate} docs/s | {facts} facts | {rejects} rejects';
  const bar = new SingleBar({ format, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 5 });
  bar.start(totalBytes ?? 1, 0, { documents, facts, rejects, rate: 0 });
  const payload = () => ({ documents, facts, rejects, rate: Math.round(documents / Math.max(0.001, (performance.now() - started) / 1000)) });
  const render = () => bar.update(totalBytes ? read : 0, payload());
  return {
    bytes(n) {
      read += n;
      render();
    },
    document(n) {
      documents++;
      facts += n;
      render();
    },
    reject() {
      rejects++;
      render();
    },
    stop() {
      bar.update(totalBytes ?? 0, payload());
      bar.stop();
    },
  };
}
