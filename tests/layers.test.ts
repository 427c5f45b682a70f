// The layers of src/ (DESIGN.md: "imports point down the layers only"), read from the import
// statements of every .ts file under src/: no import cycle, and each layer imports only the
// layers below it. model.ts (with tokens.ts) and lexicon/ are underneath all of them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

type Layer = 'model' | 'lexicon' | 'text' | 'ingest' | 'extract' | 'enrich' | 'extractFacts' | 'export' | 'evaluate' | 'outside src';

const BELOW_EXTRACTION: Layer[] = ['model', 'lexicon', 'text'];
/** What a module of each layer may import. Nothing in src imports ingest/ but ingest/ itself, nor anything outside src. */
const MAY_IMPORT: Record<Exclude<Layer, 'outside src'>, Layer[]> = {
  model: ['model'],
  lexicon: ['model', 'lexicon'],
  text: ['model', 'lexicon', 'text'],
  ingest: ['model', 'lexicon', 'text', 'ingest'],
  extract: [...BELOW_EXTRACTION, 'extract'],
  enrich: [...BELOW_EXTRACTION, 'extract', 'enrich'],
  extractFacts: [...BELOW_EXTRACTION, 'extract', 'enrich'],
  export: [...BELOW_EXTRACTION, 'extract', 'enrich', 'extractFacts', 'export'],
  evaluate: [...BELOW_EXTRACTION, 'extract', 'enrich', 'extractFacts', 'export', 'evaluate'],
};

/**
 * Imports that break a rule and wait for a move larger than a refactor should make on its own,
 * each with what the move is. The test fails when one of them is gone, so the entry goes too.
 */
const KNOWN: Record<string, string> = {};

function layerOf(path: string): Layer {
  // the tokens of a sentence and the tokenizer that defines them sit with the records: the lexicon's phrase tables are matched against them
  if (path === 'src/model.ts' || path === 'src/tokens.ts') return 'model';
  if (path === 'src/extractFacts.ts') return 'extractFacts';
  const folder = /^src\/([^/]+)\//.exec(path)?.[1];
  const layers: Layer[] = ['lexicon', 'text', 'ingest', 'extract', 'enrich', 'export', 'evaluate'];
  return layers.find((l) => l === folder) ?? 'outside src';
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The files under the repository root that a module imports (packages and node: modules left out), as TypeScript reads them. */
function importsOf(path: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, path), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, join(ROOT, dirname(path), specifier)).split('\\').join('/'));
}

const modules = tsFiles('src');
const graph = new Map(modules.map((m) => [m, importsOf(m)]));

/** Every cycle among src modules, each as the path that closes it, found by depth-first search. */
function cycles(): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (m: string) => {
    state.set(m, 'open');
    stack.push(m);
    for (const next of graph.get(m) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of modules) if (!state.has(m)) visit(m);
  return found;
}

/** Every import that points up the layers or out of src, as "from -> to (from layer -> to layer)". */
function violations(): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    const layer = layerOf(from);
    if (layer === 'outside src') continue;
    for (const to of targets) if (!MAY_IMPORT[layer].includes(layerOf(to))) found.push(`${from} -> ${to}`);
  }
  return found;
}

describe('layers of src/', () => {
  it('reads the imports of every module', () => {
    expect(modules.length).toBeGreaterThan(40);
    expect(graph.get('src/extractFacts.ts')).toContain('src/enrich/objectOfFigure.ts');
    expect(graph.get('src/text/segment.ts')).toContain('src/lexicon/abbreviations.json');
  });

  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('imports point down the layers only, and never out of src', () => {
    const found = violations();
    expect(found.filter((v) => !(v in KNOWN)).map((v) => `${v} (${v.split(' -> ').map(layerOf).join(' -> ')})`)).toEqual([]);
    // a known violation that is gone leaves KNOWN too
    expect(Object.keys(KNOWN).filter((v) => !found.includes(v))).toEqual([]);
  });

  it('sorts files into the layers by their path', () => {
    expect(['src/model.ts', 'src/lexicon/index.ts', 'src/text/tokenize.ts', 'src/ingest/readWarc.ts', 'src/extractFacts.ts', 'src/export/schema.ts', 'pipeline/stages.ts'].map(layerOf)).toEqual([
      'model', 'lexicon', 'text', 'ingest', 'extractFacts', 'export', 'outside src',
    ]);
  });
});
