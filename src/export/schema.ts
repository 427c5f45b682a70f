// The one schema: every column of every output table is declared here once.
// The CSV writer, the Parquet schema and datapackage.json are generated from it.
import { ASPECTS, CATEGORIES, DIRECTIONS, QUALIFIERS, QUANTITY_TYPES, STATUSES, type DocumentRow, type Fact, type Reject } from '../model.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

export interface Column<Row> {
  name: keyof Row & string;
  type: ColumnType;
  nullable: boolean;
  description: string;
  enum?: readonly string[];
  /** Text taken from the input (a title, a sentence, a name): guarded against spreadsheet formulas in CSV (see formatCsv.ts). */
  freeText?: true;
}

export interface Table<Row> {
  name: 'facts' | 'documents' | 'rejects';
  description: string;
  columns: Column<Row>[];
  /** Rows per Parquet row group. DuckDB holds one row group per thread in memory while it writes, so a table of long rows (documents carry their text) takes fewer. */
  parquetRowGroupRows: number;
  primaryKey?: (keyof Row & string)[];
  foreignKeys?: { fields: (keyof Row & string)[]; reference: { resource: string; fields: string[] } }[];
}

const col = <Row>(
  name: keyof Row & string,
  type: ColumnType,
  nullable: boolean,
  description: string,
  values?: readonly string[],
): Column<Row> => (values ? { name, type, nullable, description, enum: values } : { name, type, nullable, description });

/** A column of text taken from the input: guarded in CSV (formatCsv.ts), raw in Parquet. */
const text = <Row>(column: Column<Row>): Column<Row> => ({ ...column, freeText: true });

export const documentsTable: Table<DocumentRow> = {
  name: 'documents',
  description: 'One row per document ingested.',
  parquetRowGroupRows: 4096,
  primaryKey: ['doc_id'],
  columns: [
    col('doc_id', 'string', false, 'Stable id of the document: a hash of its source and text, the same on every run and machine.'),
    text(col('source', 'string', false, 'Where it came from: a path relative to the input root, a URL, `path#id` for a JSON Lines record, or `stdin`.')),
    text(col('title', 'string', true, 'Headline.')),
    col('published', 'date', true, 'Publication date, when the input states it (never the run date).'),
    text(col('text', 'string', false, 'The exact text that the fact offsets index into.')),
    col('chars', 'integer', false, 'Length of `text` in Unicode code points.'),
    col('fact_count', 'integer', false, 'Rows in `facts` for this document.'),
    col('input_id', 'string', true, 'The input\'s own id (the JSON Lines or CSV `id` field), as given, to join back to the corpus metadata.'),
    col('duplicate_of', 'string', true, 'doc_id of an earlier document with the same text after white-space normalisation (the same article under another id or URL); its facts are still extracted and carry `same_as`.'),
  ],
};

export const factsTable: Table<Fact> = {
  name: 'facts',
  description: 'One row per quantitative mention found in any document.',
  parquetRowGroupRows: 32_768,
  primaryKey: ['fact_id'],
  foreignKeys: [{ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } }],
  columns: [
    col('fact_id', 'string', false, 'Stable id: document id and the mention\'s code-point span.'),
    col('doc_id', 'string', false, 'The document (foreign key to documents.doc_id).'),
    col('paragraph', 'integer', false, '0-based paragraph index.'),
    col('sentence', 'integer', false, '0-based sentence index in the document.'),
    col('start', 'integer', false, 'Start offset into documents.text in Unicode code points.'),
    col('end', 'integer', false, 'End offset (exclusive): text[start:end] equals mention.'),
    col('mention', 'string', false, 'The quantity as written, with its qualifier and unit.'),
    col('value', 'number', true, 'The stated figure, scaled ($2.3 billion -> 2300000000); null where no figure is stated.'),
    col('low', 'number', true, 'Lower bound the wording implies.'),
    col('high', 'number', true, 'Upper bound the wording implies.'),
    col('qualifier', 'string', false, 'How the figure is qualified.', QUALIFIERS),
    col('quantity_type', 'string', false, 'What kind of quantity.', QUANTITY_TYPES),
    col('unit', 'string', true, 'ISO 4217 code for money, unit symbol for measures, % or pp for percents, null for counts.'),
    col('unit_implied', 'boolean', false, 'True where the unit was not written next to the figure but carried from context.'),
    text(col('object', 'string', true, 'The thing counted or measured, as written.')),
    text(col('object_head', 'string', true, 'Head noun of object, singular, lower case.')),
    col('category', 'string', false, 'What the figure is about, from the object\'s head, the predicate and the sentence (src/lexicon/categories.json).', CATEGORIES),
    text(col('speaker', 'string', true, 'Who the figure is attributed to.')),
    text(col('speaker_role', 'string', true, 'The speaker\'s role as the text gives it (`US military spokesman`).')),
    text(col('period_text', 'string', true, 'The time expression the figure covers, as written.')),
    col('period_start', 'date', true, 'Start of that period.'),
    col('period_end', 'date', true, 'End of that period.'),
    col('part_of', 'string', true, 'fact_id of the total this figure is a part of.'),
    col('repeat_of', 'string', true, 'fact_id of an earlier mention of the same figure for the same thing.'),
    text(col('sentence_text', 'string', false, 'The whole sentence, for context.')),
    col('rule', 'string', false, 'The extraction rule that produced the row.'),
    col('predicate', 'string', true, 'Lemma of the verb or deverbal noun saying what happened to the counted thing (`kill`, `launch`, `pledge`, `rise`); null when the sentence says none.'),
    col('aspect', 'string', false, '`level` (a total or state), `change` (a difference: rose 32,000) or `rate` (per unit of time or thing: 2.43 mln barrels per day).', ASPECTS),
    col('direction', 'string', true, 'For a change: `up` or `down`; null otherwise. `value` stays as written.', DIRECTIONS),
    col('status', 'string', false, '`actual`, or `planned`, `pledged`, `conditional`, `negated` from cues in the figure\'s own clause.', STATUSES),
    col('same_as', 'string', true, 'fact_id of the earliest mention of the same figure about the same thing in another document (cross-document de-duplication).'),
  ],
};

export const rejectsTable: Table<Reject> = {
  name: 'rejects',
  description: 'One row per input that could not be read, with the reason.',
  parquetRowGroupRows: 32_768,
  columns: [
    text(col('source', 'string', false, 'The input (file, or file#record) that could not be read.')),
    col('record', 'integer', true, '1-based line or record number inside the input.'),
    col('reason', 'string', false, 'Why it was rejected.'),
  ],
};
