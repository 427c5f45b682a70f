import { wordList } from '../lexicon/index.ts';
import { readCsv } from './duckdbTypes.ts';
import { documentsTable, factsTable } from './schema.ts';

const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;
const titleStopWords = [...wordList('crossDocument', 'titleStopWords')].map((w) => `'${w.replace(/'/g, "''")}'`).join(', ');

/**
 * The cross-document step of SPEC.md, as DuckDB statements over a run's tables (one
 * run's, or the union of shard outputs): `duplicate_of` names the earliest document with
 * the same text after white-space normalisation; `same_as` names the earliest mention of
 * the same figure about the same thing in another document. Earliest is by
 * documents.published (unknown last), then input order, then place in the text.
 *
 * The same figure: the same value and unit, category and predicate; object heads that
 * agree (or, both unnamed, a figure whose predicate and category say what it is); and
 * either overlapping periods, publication within 7 days, or the same text; and headlines that
 * share a word that says what the story is about ("PEGASUS GOLD", not "4TH QTR NET"), two for a
 * figure neither precise (three significant digits) nor a named hundred or more ("two pct fees");
 * a document with no headline shares none. A small count
 * (under 10) also needs a named object head: "three" alone recurs by chance. Every figure of
 * a duplicated text, stated or vague, is the same as its twin in the original.
 *
 * The statements write two CSV files without a header, each in its table's row order, so the
 * caller can stream them beside the tables: `duplicatesCsv` (doc_id, duplicate_of) and
 * `sameAsCsv` (fact_id, same_as). Nothing of the corpus is held in the caller's memory.
 */
export function crossDocumentSql(documentsCsv: string, factsCsv: string, duplicatesCsv: string, sameAsCsv: string): string[] {
  return [
    `CREATE TEMP TABLE docs AS SELECT doc_id, published, row_number() OVER () AS ord,
       md5(regexp_replace(trim(text), '\\s+', ' ', 'g')) AS text_hash, coalesce(title, '') AS headline
     FROM ${readCsv(documentsTable.columns, documentsCsv)}`,
    // What a story is about, for telling one company's "45 cts" from another's: its headline's words
    `CREATE TEMP TABLE doc_words AS SELECT DISTINCT doc_id, word FROM (
       SELECT doc_id, unnest(string_split(regexp_replace(lower(headline), '[^\\pL\\pN]+', ' ', 'g'), ' ')) AS word FROM docs)
     WHERE regexp_matches(word, '^\\pL{3,}$') AND word NOT IN (${titleStopWords})`,
    `CREATE TEMP TABLE originals AS SELECT doc_id, published, ord,
       first_value(doc_id) OVER (PARTITION BY text_hash ORDER BY published NULLS LAST, ord) AS original
     FROM docs`,
    `CREATE TEMP TABLE duplicate_links AS SELECT doc_id, original AS duplicate_of FROM originals WHERE original <> doc_id ORDER BY ord`,
    `CREATE TEMP TABLE figures AS SELECT f.row, f.fact_id, f.doc_id, f.start, f.mention, f.value, f.unit, f.category, f.predicate, f.object_head,
       f.period_start, f.period_end, o.published, o.ord, o.original, coalesce(o.published, DATE '9999-12-31') AS published_key
     FROM (SELECT *, row_number() OVER () AS row FROM ${readCsv(factsTable.columns, factsCsv)}) f JOIN originals o USING (doc_id)`,
    // A duplicated text: each of its figures is the same as its twin in the original.
    `CREATE TEMP TABLE twin_links AS SELECT later.fact_id, earlier.fact_id AS same_as
     FROM figures later JOIN figures earlier ON later.original = earlier.doc_id AND later.start = earlier.start
     WHERE later.original <> later.doc_id`,
    // Figures that can be the same as another's: stated, and saying what they count, or of a kind and
    // precise enough (three significant digits: "1,028 votes", "45.5 pct") that a chance match is unlikely. Copies of a
    // text take part through their original only, so a corpus of many copies joins no more pairs.
    // A measure that names nothing ("some 80 km west of Kharg island") is the same only in the same words.
    `CREATE TEMP TABLE candidates AS SELECT * FROM (
       SELECT *, coalesce(object_head, '') AS head_key,
         length(trim(replace(CAST(abs(value) AS VARCHAR), '.', ''), '0')) >= 3 OR (object_head IS NOT NULL AND abs(value) >= 100) AS precise,
         NOT (object_head IS NOT NULL OR (predicate IS NOT NULL AND category <> 'other')
              OR (category <> 'other' AND length(trim(replace(CAST(abs(value) AS VARCHAR), '.', ''), '0')) >= 3)) AS by_words
       FROM figures WHERE doc_id = original AND value IS NOT NULL)
     WHERE (NOT by_words OR unit IS NOT NULL)
       AND NOT (abs(value) < 10 AND object_head IS NULL)`,
    `CREATE TEMP TABLE figure_links AS
     SELECT later.fact_id, earlier.fact_id AS same_as, earlier.published_key, earlier.ord, earlier.start
     FROM candidates later JOIN candidates earlier
       ON later.value = earlier.value
      AND coalesce(later.unit, '') = coalesce(earlier.unit, '')
      AND later.category = earlier.category
      AND coalesce(later.predicate, '') = coalesce(earlier.predicate, '')
      AND later.head_key = earlier.head_key
      AND (NOT (later.by_words OR earlier.by_words) OR later.mention = earlier.mention)
     WHERE later.doc_id <> earlier.doc_id
       AND (SELECT count(*) FROM doc_words a JOIN doc_words b ON a.word = b.word WHERE a.doc_id = later.doc_id AND b.doc_id = earlier.doc_id)
           >= CASE WHEN later.precise THEN 1 ELSE 2 END
       AND (earlier.published_key < later.published_key OR (earlier.published_key = later.published_key AND earlier.ord < later.ord))
       AND (
         (later.period_start IS NOT NULL AND earlier.period_start IS NOT NULL
          AND later.period_start <= coalesce(earlier.period_end, earlier.period_start)
          AND earlier.period_start <= coalesce(later.period_end, later.period_start))
         OR (later.published IS NOT NULL AND earlier.published IS NOT NULL AND abs(later.published - earlier.published) <= 7)
       )`,
    // The earliest mention: by publication, input order, then place in the text.
    `CREATE TEMP TABLE same_as_links AS
     SELECT fact_id, same_as FROM twin_links
     UNION ALL
     SELECT fact_id, arg_min(same_as, (published_key, ord, start)) FROM figure_links GROUP BY fact_id`,
    `COPY (SELECT l.doc_id, l.duplicate_of FROM duplicate_links l JOIN docs d USING (doc_id) ORDER BY d.ord) TO ${quote(duplicatesCsv)} (HEADER false)`,
    `COPY (SELECT l.fact_id, l.same_as FROM same_as_links l JOIN figures f USING (fact_id) ORDER BY f.row) TO ${quote(sameAsCsv)} (HEADER false)`,
  ];
}
