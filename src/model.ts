// The typed records that flow from stage to stage. Every offset is in Unicode
// code points of `Document.text` (end exclusive), as SPEC.md requires.

/** One article, as ingest produces it. */
export interface Document {
  doc_id: string;
  source: string;
  title: string | null;
  /** ISO date (YYYY-MM-DD) the input states, never the run date. */
  published: string | null;
  text: string;
}

/** An input that could not be read: one row of rejects.csv. */
export interface Reject {
  source: string;
  /** 1-based line or record number inside the input, when it has records. */
  record: number | null;
  reason: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** 0-based sentence index in the document. */
  index: number;
  /** 0-based paragraph index. */
  paragraph: number;
}

/** A document split into paragraphs and sentences: the parse stage's record. */
export interface ParsedDocument extends Document {
  paragraphs: Span[];
  sentences: Sentence[];
}

export const QUALIFIERS = [
  'exact',
  'approximate',
  'more_than',
  'at_least',
  'less_than',
  'at_most',
  'range',
  'vague',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const QUANTITY_TYPES = ['count', 'money', 'measure', 'percent'] as const;
export type QuantityType = (typeof QUANTITY_TYPES)[number];

export const CATEGORIES = [
  'strikes',
  'money',
  'equipment',
  'personnel',
  'casualties',
  'places',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** One quantity found in a sentence, resolved to its value and bounds. */
export interface Mention extends Span {
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  quantity_type: QuantityType;
  unit: string | null;
  /** True where the unit was not written next to the figure but carried from context. */
  unit_implied: boolean;
  rule: string;
}

/** One row of the facts table. Column order and meaning live in src/export/schema.ts. */
export interface Fact {
  fact_id: string;
  doc_id: string;
  paragraph: number;
  sentence: number;
  start: number;
  end: number;
  mention: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  quantity_type: QuantityType;
  unit: string | null;
  unit_implied: boolean;
  object: string | null;
  object_head: string | null;
  category: Category;
  speaker: string | null;
  speaker_role: string | null;
  period_text: string | null;
  period_start: string | null;
  period_end: string | null;
  part_of: string | null;
  repeat_of: string | null;
  sentence_text: string;
  rule: string;
}

/** One row of the documents table. */
export interface DocumentRow extends Document {
  chars: number;
  fact_count: number;
}
