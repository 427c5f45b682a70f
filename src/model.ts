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
  /** The input's own id (a JSON Lines or CSV `id`), as given. */
  input_id?: string | null;
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

/** SPEC.md "Categories": what a figure is about, for news of every kind. */
export const CATEGORIES = [
  'strikes',
  'casualties',
  'displaced',
  'detained',
  'personnel',
  'equipment',
  'money',
  'economy',
  'people',
  'places',
  'time',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** A level (a total or state), a change (a difference), or a rate (per unit of time or thing). */
export const ASPECTS = ['level', 'change', 'rate'] as const;
export type Aspect = (typeof ASPECTS)[number];
export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** Whether the figure is reported as done, or only planned, pledged, possible or denied. */
export const STATUSES = ['actual', 'planned', 'pledged', 'conditional', 'negated'] as const;
export type Status = (typeof STATUSES)[number];

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
  predicate: string | null;
  aspect: Aspect;
  direction: Direction | null;
  status: Status;
  same_as: string | null;
}

/** One row of the documents table. */
export interface DocumentRow extends Document {
  chars: number;
  fact_count: number;
  input_id: string | null;
  duplicate_of: string | null;
}

// The records that flow through extraction: tokens of a sentence, the quantities found in them,
// the objects they count and the periods that scope them. Token offsets are UTF-16, absolute in the document.

/** A token of a sentence. Offsets are UTF-16, absolute in the document text. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'number' | 'word' | 'symbol' | 'fraction' | 'punct';
  /** White space separates this token from the previous one. */
  spaced: boolean;
}

/** A figure found at a token position, before any scale word or unit. */
export interface NumberMatch {
  /** Token range [start, end). */
  start: number;
  end: number;
  value: number;
  form: 'digits' | 'words' | 'fraction';
}

/** One end of a quantity: a figure with its scale word. */
export interface Amount {
  number: NumberMatch;
  /** Multiplier written after the figure ("billion", "bn", "mln"), 1 if none. */
  scale: number;
  /** The scale was carried from the other end of a range ("3 to 4 million"). */
  scaleCarried: boolean;
  /**
   * Further parts of the same figure written after it, each a value and the factor that brings it to
   * the figure's currency or unit: "3 dollars 50 cents" {50, 0.01}, "5 ft 2 in" {2, 1/12},
   * "3 million and a half" {0.5, 1e6}. The finder lists them; resolveValue adds them up.
   */
  parts: { value: number; scale: number }[];
}

/** What the extractor found: token spans and the pieces the normaliser resolves. */
export interface QuantityMatch {
  /** Token range [start, end) of the whole mention, qualifier included. */
  start: number;
  end: number;
  /** Token range of the figure itself, without qualifier and unit (for not-fact checks). */
  coreStart: number;
  coreEnd: number;
  qualifier: Qualifier;
  amounts: Amount[];
  /** Lower bound implied by a vague word ("thousands" -> 2000). */
  vagueLow: number | null;
  currency: string | null;
  /** The currency is written in hundredths ("28 cts", "51.4p"). */
  subunit: boolean;
  /** The currency was not written next to the figure but carried from context. */
  currencyImplied: boolean;
  /** A bare currency word that several countries use ("francs", "dinars"), for the document to resolve. */
  currencyWord: string | null;
  unit: string | null;
  /** A share written in words ("two-thirds of"), reported as a percent. */
  shareOfWhole: boolean;
  rule: string;
}

export interface CountedObject {
  /** UTF-16 span of the object phrase in the document. */
  start: number;
  end: number;
  /** Tokens of the phrase, for the category lexicon. */
  words: Token[];
  head: string;
  /** The object as the table spells it out, where the text abbreviates it ("Revs" -> "revenues"). */
  text?: string;
  /** The head the category is read from when it differs from `head`: "three new types of nuclear weapons" -> "weapon". */
  categoryHead?: string;
}

/** A time expression in a sentence that can scope a figure: "since August 2014", "over the past year". */
export interface Period {
  /** UTF-16 offsets, absolute in the document. */
  start: number;
  end: number;
  text: string;
  period_start: string | null;
  period_end: string | null;
}

export interface SentenceQuantities {
  tokens: Token[];
  matches: QuantityMatch[];
}
