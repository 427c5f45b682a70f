import type { Reject } from '../../src/model.ts';

/** A document the extractor failed on: it becomes a reject, and the run goes on. */
export interface Failed {
  failed: Reject;
}

export const isFailed = (x: object): x is Failed => 'failed' in x;
