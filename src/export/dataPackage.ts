import type { Table } from './schema.ts';

const frictionlessTypes = { string: 'string', integer: 'integer', number: 'number', date: 'date', boolean: 'boolean' } as const;

/** A Frictionless Data Package describing the CSV tables (Table Schema with keys). */
export function dataPackage(tables: Table<any>[], version: string): object {
  return {
    profile: 'tabular-data-package',
    name: 'newsfacts-output',
    title: 'newsfacts: quantitative facts extracted from news articles',
    version,
    resources: tables.map((t) => ({
      name: t.name,
      path: `${t.name}.csv`,
      profile: 'tabular-data-resource',
      description: t.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: t.columns.map((c) => ({
          name: c.name,
          type: frictionlessTypes[c.type],
          description: c.description,
          constraints: { required: !c.nullable, ...(c.enum ? { enum: [...c.enum] } : {}) },
        })),
        missingValues: [''],
        ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
        ...(t.foreignKeys ? { foreignKeys: t.foreignKeys } : {}),
      },
    })),
  };
}
