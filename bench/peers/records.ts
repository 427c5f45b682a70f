// The records of the peer benchmark: a suite's cases and what they expect, the scope
// file, and what running a case produces.
import type { Fact } from '../../src/model.ts';

/** A unit that counts as right for an expectation: our `unit` and how our value relates (ours = expected × factor). */
export interface UnitOption {
  /** '*' accepts any unit, null means a plain number (count). */
  unit: string | null | '*';
  factor: number;
  /** An equivalent reading, not shown as the expected unit in the report ("two thirds" as 66.67 %). */
  alt?: boolean;
}

export interface Interval {
  low: number | null;
  high: number | null;
  lowOpen: boolean;
  highOpen: boolean;
}

export type Target = { kind: 'point'; value: number } | ({ kind: 'interval' } & Interval);

export interface Expected {
  /** Code-point offsets into the input, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** null where the peer states no figure ("dollar"): unscorable, must be out of scope. */
  target: Target | null;
  units: UnitOption[];
  /** The peer's own unit name, for the report. */
  peerUnit: string | null;
}

export interface BenchCase {
  index: number;
  input: string;
  expected: Expected[];
  /** Upstream marks the case NotSupported for its javascript implementation. */
  notSupportedJs: boolean;
}

export type SpanPolicy = 'contains' | 'unit-phrase';

export interface SuiteAdapter {
  id: string;
  file: string;
  /** What the peer's expected span covers, hence how far our span may differ (see RULES). */
  spanPolicy: SpanPolicy;
  /** Our facts of the kind this peer model reports: they decide negative cases and count as extras. */
  relevant: (f: Fact) => boolean;
  relevantDoc: string;
  target?: number;
  load: () => BenchCase[];
}

export interface ScopeEntry {
  index: number;
  input: string;
  reason: string;
  results?: string[];
  note?: string;
}

export interface ScopeFile {
  reasons: Record<string, string>;
  suites: Record<string, ScopeEntry[]>;
}

export type FailureKind = 'missed' | 'unit not read' | 'wrong unit' | 'span differs' | 'split' | 'partial' | 'over-extended' | 'wrong value' | 'false positive';

export interface Failure {
  kind: FailureKind;
  /** The failure class: what the text does ("spelled fraction") or, for unit errors, what was misread. */
  tag: string;
  expected: Expected | null;
  produced: Fact[];
  /** What exactly was not read, where the class groups several ("cubic feet", "ml"). */
  detail?: string;
}

export interface CaseResult {
  bench: BenchCase;
  facts: Fact[];
  /** null when in scope, else the scope reason key. */
  outOfScope: string | null;
  droppedTexts: string[];
  passRaw: boolean;
  pass: boolean;
  failures: Failure[];
  extras: Fact[];
}


export interface SuiteResult {
  suite: SuiteAdapter;
  cases: CaseResult[];
}
