import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { dataPackage } from '../src/export/dataPackage.ts';
import { csvCell, formatCsv, guardFormula, unguardFormula } from '../src/export/formatCsv.ts';
import { csvToParquetSql } from '../src/export/duckdbTypes.ts';
import { documentsTable, factsTable, rejectsTable } from '../src/export/schema.ts';
import { factsOf } from './helpers.ts';

describe('csvCell', () => {
  it('writes nulls empty, numbers without separators or exponents for the usual sizes, booleans as words', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(2300000000)).toBe('2300000000');
    expect(csvCell(0.514)).toBe('0.514');
    expect(csvCell(false)).toBe('false');
  });
});

describe('formatCsv', () => {
  it('quotes per RFC 4180 and round-trips through papaparse', () => {
    const facts = factsOf('"To this day," he said, the coalition spent $2.3 billion; it trained more than 15,000 troops.');
    const csv = formatCsv(factsTable.columns, facts);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(factsTable.columns.map((c) => c.name));
    expect(parsed.data.map((r) => [r.mention, r.value, r.low, r.high])).toEqual([
      ['$2.3 billion', '2300000000', '2300000000', '2300000000'],
      ['more than 15,000', '15000', '15000', ''],
    ]);
    expect(parsed.data[0]!.sentence_text).toContain('"To this day,"');
  });
});

describe('one schema', () => {
  it('declares every Fact field once and matches SPEC.md columns', () => {
    const names = factsTable.columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of ['fact_id', 'doc_id', 'paragraph', 'sentence', 'start', 'end', 'mention', 'value', 'low', 'high', 'qualifier', 'quantity_type', 'unit', 'object', 'object_head', 'category', 'speaker', 'period_text', 'period_start', 'period_end', 'part_of', 'repeat_of', 'sentence_text', 'rule']) {
      expect(names).toContain(spec);
    }
    const fact = factsOf('It spent $2.3 billion.')[0]!;
    expect(Object.keys(fact).sort()).toEqual([...names].sort());
  });

  it('gives Parquet the SPEC types through DuckDB, reading the CSV with explicit types', () => {
    const sql = csvToParquetSql(factsTable, '/tmp/facts.csv', "/tmp/it's.parquet");
    expect(sql).toContain("'value': 'DOUBLE'");
    expect(sql).toContain("'start': 'BIGINT'");
    expect(sql).toContain("'period_start': 'DATE'");
    expect(sql).toContain("'fact_id': 'VARCHAR'");
    expect(sql).toContain("auto_detect = false");
    expect(sql).toContain("TO '/tmp/it''s.parquet' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 32768)");
    expect(csvToParquetSql(documentsTable, '/tmp/documents.csv', '/tmp/documents.parquet')).toContain('ROW_GROUP_SIZE 4096');
  });

  it('generates a Frictionless data package with keys', () => {
    interface Field { name: string; type: string; constraints?: { enum?: string[] } }
    interface Resource { name: string; path: string; schema: { primaryKey: string[]; foreignKeys: unknown[]; fields: Field[] } }
    const pkg = dataPackage([documentsTable, factsTable, rejectsTable], '1.0.0') as { resources: Resource[] };
    const facts = pkg.resources.find((r) => r.name === 'facts')!;
    expect(facts.path).toBe('facts.csv');
    expect(facts.schema.primaryKey).toEqual(['fact_id']);
    expect(facts.schema.foreignKeys).toEqual([{ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } }]);
    expect(facts.schema.fields.find((f) => f.name === 'qualifier')!.constraints!.enum).toContain('more_than');
    expect(facts.schema.fields.find((f) => f.name === 'period_start')!.type).toBe('date');
  });
});

describe('spreadsheet formula guard', () => {
  const doc = (title: string, text: string) => ({ doc_id: 'd', source: 's', title, published: null, text, chars: text.length, fact_count: 0, input_id: null, duplicate_of: null });

  it("puts a single quote before free text that begins with = + - @ tab or CR; numbers, ids and mentions stay as they are", () => {
    const rows = Papa.parse<string[]>(formatCsv(documentsTable.columns, [doc('=HYPERLINK("http://evil")', '-5 degrees')], false).trim()).data;
    expect(rows[0]).toEqual(['d', 's', `'=HYPERLINK("http://evil")`, '', `'-5 degrees`, '10', '0', '', '']);
    for (const [text, cell] of [['+1', "'+1"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"], ["'=x", "''=x"], ['a=b', 'a=b'], ["'quoted", "'quoted"]]) {
      expect(guardFormula(text!), JSON.stringify(text)).toBe(cell);
      expect(unguardFormula(cell!), JSON.stringify(cell)).toBe(text);
    }
    const [fact] = factsOf('-5 degrees was the low, said =Colonel.');
    const csv = Papa.parse<Record<string, string>>(formatCsv(factsTable.columns, [fact!]).trim(), { header: true }).data[0]!;
    expect(csv).toMatchObject({ mention: '-5 degrees', value: '-5', start: '0', sentence_text: "'-5 degrees was the low, said =Colonel." });
    expect(factsTable.columns.filter((c) => c.freeText).map((c) => c.name)).toEqual(['object', 'object_head', 'speaker', 'speaker_role', 'period_text', 'sentence_text']);
    expect(documentsTable.columns.filter((c) => c.freeText).map((c) => c.name)).toEqual(['source', 'title', 'text']);
  });

  it('is undone when DuckDB makes Parquet: Parquet keeps the raw text', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'newsfacts-guard-'));
    try {
      const texts = ['=1+2', '-5 degrees', "'=already", '\tTabbed', 'plain'];
      writeFileSync(join(dir, 'documents.csv'), formatCsv(documentsTable.columns, texts.map((t, i) => ({ ...doc(t, t), doc_id: `d${i}` }))));
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      await connection.run(csvToParquetSql(documentsTable, join(dir, 'documents.csv'), join(dir, 'documents.parquet')));
      const rows = (await connection.runAndReadAll(`SELECT title, text FROM '${join(dir, 'documents.parquet')}' ORDER BY doc_id`)).getRows();
      expect(rows).toEqual(texts.map((t) => [t, t]));
      connection.closeSync();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
