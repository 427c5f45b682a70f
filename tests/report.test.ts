import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { chromium, type Browser, type Page } from 'playwright-core';
import { highlightText, renderReport } from '../src/export/renderReport.ts';
import { NEWS_FIXTURES, ROOT, factsOf, newsfacts, runNewsfacts } from './helpers.ts';

// Debian's chromium (apt-get install chromium); flags as this machine's network needs them.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('highlightText', () => {
  it('wraps each fact in a focusable mark carrying its id, escaping the text', () => {
    const text = 'Warren said <b>2,000</b> AT-4 missiles & 😀 $2.3 billion.';
    const facts = factsOf(text);
    const html = highlightText({ doc_id: 'test', source: 's', title: null, published: null, text }, facts);
    expect(html.match(/data-fact-id=/g)?.length).toBe(facts.length);
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('&amp; 😀');
    expect(html).toContain('tabindex="0"');
  });
});

describe('report.html in a real browser (Chromium)', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  let facts: Record<string, string>[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsfacts-report-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    copyFileSync(join(ROOT, 'data/iraq-militia-us-coalition.txt'), join(input, 'iraq-militia-us-coalition.txt'));
    for (const f of ['reuters21578-9209.txt', 'bbc-business-061.txt', 'reuters21578-11672.txt']) copyFileSync(join(NEWS_FIXTURES, 'sample', f), join(input, f));
    const run = runNewsfacts(['run', input, '--out', join(dir, 'out'), '--workers', '1']);
    expect(run.status, run.stderr).toBe(0);
    facts = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'out/facts.csv'), 'utf8').trim(), { header: true }).data;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`file://${join(dir, 'out/report.html')}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('highlights exactly the facts rows of each document', async () => {
    const sections = await page.$$eval('section.document', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-doc-id')!, marks: [...el.querySelectorAll('mark[data-fact-id]')].map((m) => m.getAttribute('data-fact-id')) })),
    );
    expect(sections.length).toBe(4);
    for (const s of sections) {
      const rows = facts.filter((f) => f.doc_id === s.id).map((f) => f.fact_id);
      expect(s.marks, s.id).toEqual(rows);
    }
  });

  it('shows a fact\'s row on hover and on keyboard focus', async () => {
    const fact = facts.find((f) => f.mention === '7,276')!;
    const mark = page.locator(`mark[data-fact-id="${fact.fact_id}"]`);
    await mark.hover();
    const tip = mark.locator('.tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/value\s*7,276[\s\S]*category\s*strikes[\s\S]*speaker\s*Colonel Steve Warren/);
    await page.mouse.move(0, 0);
    await mark.focus();
    expect(await tip.isVisible()).toBe(true);
  });

  it('shows categories as text, links repeats to their first mention, and draws the overview', async () => {
    const category = await page.$eval('mark[data-fact-id]', (m) => getComputedStyle(m, '::after').content);
    expect(category).not.toBe('none');
    const repeat = facts.find((f) => f.repeat_of)!;
    expect(await page.locator(`tr[data-fact-row="${repeat.fact_id}"] a[href="#row-${repeat.repeat_of}"]`).count()).toBe(1);
    expect(await page.locator('svg[aria-label="Bar chart of facts by category"] rect').count()).toBe(12);
    // The page as an analyst first sees it: the overview, then the first document with one fact hovered.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('section.document mark[data-fact-id]').nth(2).hover();
    await page.screenshot({ path: join(ROOT, 'output/report.png'), fullPage: false });
    expect(existsSync(join(ROOT, 'output/report.png'))).toBe(true);
  });
});

describe('report index', () => {
  it('lists at most INDEX_LIMIT documents and says how to reach the rest', () => {
    const documents = Array.from({ length: 3 }, (_, i) => ({ doc_id: `d${i}`, title: `Doc ${i}`, source: 's', facts: 1, href: `report/00001.html#doc-d${i}` }));
    const html = renderReport({ documents, documentCount: 12_345, notShown: 0, byCategory: { strikes: 0, casualties: 0, displaced: 0, detained: 0, personnel: 0, equipment: 0, money: 0, economy: 0, people: 0, places: 0, time: 0, other: 3 }, byMonth: {}, rejects: [] }, []);
    expect(html).toContain('12345 documents');
    expect(html).toContain('… and 12342 more documents: follow “next page” from <a href="report/00001.html#doc-d2">the last one listed</a>');
  });
});

/** `count` one-line JSON Lines articles, one figure each, in dir/corpus.jsonl. */
function rocketCorpus(dir: string, count: number): string {
  const input = join(dir, 'corpus.jsonl');
  writeFileSync(input, Array.from({ length: count }, (_, i) => JSON.stringify({ id: `d${i}`, title: `Doc ${i}`, text: `Troops fired ${i + 2} rockets.` })).join('\n'));
  return input;
}

async function runOk(args: string[]): Promise<void> {
  const run = await newsfacts(args);
  expect(run.status, run.stderr).toBe(0);
}

describe('report for a large corpus', () => {
  it('writes pages of 50 documents past the embedding limit, each document linked to its page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsfacts-big-'));
    try {
      await runOk(['run', rocketCorpus(dir, 120), '--out', join(dir, 'out'), '--workers', '1']);
      expect(readdirSync(join(dir, 'out/report')).sort()).toEqual(['00001.html', '00002.html', '00003.html', 'style.css']);
      const index = readFileSync(join(dir, 'out/report.html'), 'utf8');
      expect(index).not.toContain('<section class="document"');
      const links = [...index.matchAll(/href="report\/(\d+\.html)#doc-([0-9a-f]+)"/g)];
      expect(links).toHaveLength(120);
      for (const [, page, id] of links) expect(readFileSync(join(dir, 'out/report', page!), 'utf8')).toContain(`id="doc-${id}"`);
      const last = readFileSync(join(dir, 'out/report/00003.html'), 'utf8');
      expect(last.match(/<section class="document"/g)).toHaveLength(20);
      expect(last).toContain('href="00002.html" rel="prev"');
      expect(last).not.toContain('rel="next"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('shows the first --report-documents documents, counts the rest, and keeps them all in the tables, for any worker count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsfacts-limit-'));
    try {
      const input = rocketCorpus(dir, 200);
      const outputs = await Promise.all(
        [1, 2].map(async (workers) => {
          const out = join(dir, `out${workers}`);
          await runOk(['run', input, '--out', out, '--workers', String(workers), '--report-documents', '130']);
          return out;
        }),
      );
      for (const out of outputs) {
        expect(readdirSync(join(out, 'report')).sort()).toEqual(['00001.html', '00002.html', '00003.html', 'style.css']);
        const index = readFileSync(join(out, 'report.html'), 'utf8');
        expect(index).toContain('200 documents · 200 facts');
        expect([...index.matchAll(/href="report\/(\d+\.html)#doc-/g)]).toHaveLength(130);
        expect(index).toContain('The report shows the first 130 documents; the other 70 are counted above and are in documents.csv and facts.csv');
        expect(readFileSync(join(out, 'report/00003.html'), 'utf8').match(/<section class="document"/g)).toHaveLength(30);
        expect(readFileSync(join(out, 'facts.csv'), 'utf8').trim().split('\n')).toHaveLength(201);
      }
      expect(readFileSync(join(outputs[1]!, 'report.html'), 'utf8')).toBe(readFileSync(join(outputs[0]!, 'report.html'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
