// The HTML review report: one self-contained page (inline CSS and SVG, no
// network) with every fact highlighted in its text. Pure functions: strings in,
// strings out; pipeline/lib/reportWriter.ts decides where they are written.
import { CATEGORIES, type Category, type Document, type Fact, type Reject } from '../model.ts';
import { codePointIndex } from '../text/codePoints.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => entities[c]!) : s);

// Okabe-Ito's colour-blind-safe palette, widened with Paul Tol's muted one for twelve
// categories; every category is also written out as text beside its mark.
export const CATEGORY_COLOURS: Record<Category, string> = {
  strikes: '#D55E00',
  casualties: '#E69F00',
  displaced: '#B8A000',
  detained: '#882255',
  personnel: '#CC79A7',
  equipment: '#0072B2',
  money: '#009E73',
  economy: '#44AA99',
  people: '#332288',
  places: '#56B4E9',
  time: '#AA4499',
  other: '#999999',
};

// One formatter for all calls: toLocaleString builds a new one each time, measured at 3% of a corpus run.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt = (n: number | null) => (n === null ? '' : Number.isInteger(n) ? grouped.format(n) : String(n));

export const STYLE = `
:root { font-family: system-ui, sans-serif; line-height: 1.5; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 75rem; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
.meta { color: #444; font-size: .9rem; }
.doc { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr); gap: 1.5rem; align-items: start; }
.rows { overflow-x: auto; max-height: 80vh; overflow-y: auto; }
@media (max-width: 60rem) { .doc { grid-template-columns: 1fr; } }
.text { white-space: pre-wrap; font-family: Georgia, serif; font-size: 1.02rem; }
mark.fact { position: relative; background: color-mix(in srgb, var(--c) 22%, white); border-bottom: 3px solid var(--c); padding: 0 1px; cursor: help; color: inherit; }
mark.fact::after { content: attr(data-category); font: 600 .62rem system-ui, sans-serif; text-transform: uppercase; letter-spacing: .03em; margin-left: 2px; vertical-align: super; color: #222; }
mark.fact:focus { outline: 3px solid #000; outline-offset: 1px; }
mark.fact .tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 10; min-width: 16rem; max-width: 26rem; background: #111; color: #fff; padding: .5rem .7rem; border-radius: 4px; font: .82rem/1.4 system-ui, sans-serif; white-space: normal; }
mark.fact:hover .tip, mark.fact:focus .tip { display: block; }
.tip dt { display: inline; font-weight: 600; } .tip dd { display: inline; margin: 0 0 0 .3rem; } .tip div { margin: 0; }
table { border-collapse: collapse; font-size: .78rem; width: 100%; }
th, td { border: 1px solid #ccc; padding: .2rem .35rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:target { outline: 3px solid #000; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border: 1px solid #333; vertical-align: middle; margin-right: .3rem; }
nav ol { columns: 2; font-size: .9rem; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
a { color: #0645ad; }
`;

function tooltip(f: Fact): string {
  const rows: [string, string][] = [
    ['value', f.value === null ? `≥ ${fmt(f.low)}` : fmt(f.value)],
    ['qualifier', f.qualifier],
    ['unit', f.unit ?? ''],
    ['object', f.object ?? ''],
    ['category', f.category],
    ['predicate', f.predicate ?? ''],
    ['aspect', f.aspect === 'change' && f.direction ? `change (${f.direction})` : f.aspect],
    ['status', f.status],
    ['speaker', f.speaker ?? ''],
    ['period', f.period_text ? `${f.period_text}${f.period_start ? ` (${f.period_start} – ${f.period_end ?? '…'})` : ''}` : ''],
    ['part of', f.part_of ?? ''],
    ['repeats', f.repeat_of ?? ''],
    ['same as', f.same_as ?? ''],
  ];
  return `<span class="tip" role="tooltip" id="tip-${escapeHtml(f.fact_id)}"><dl>${rows
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`)
    .join('')}</dl></span>`;
}

/** The document text with each fact wrapped in a focusable highlight carrying its fact_id. */
export function highlightText(doc: Document, facts: Fact[]): string {
  const index = codePointIndex(doc.text);
  const out: string[] = [];
  let at = 0;
  for (const f of [...facts].sort((a, b) => a.start - b.start)) {
    const start = index.toUtf16(f.start);
    const end = index.toUtf16(f.end);
    if (start < at) continue;
    out.push(escapeHtml(doc.text.slice(at, start)));
    out.push(
      `<mark class="fact" tabindex="0" data-fact-id="${escapeHtml(f.fact_id)}" data-category="${f.category}" style="--c:${CATEGORY_COLOURS[f.category]}" aria-describedby="tip-${escapeHtml(f.fact_id)}">${escapeHtml(doc.text.slice(start, end))}${tooltip(f)}</mark>`,
    );
    at = end;
  }
  out.push(escapeHtml(doc.text.slice(at)));
  return out.join('');
}

const link = (id: string | null) => (id ? `<a href="#row-${escapeHtml(id)}">${escapeHtml(id.split('-').slice(1).join('-'))}</a>` : '');

/** The facts of one document as a table; part_of and repeat_of link to the rows they point at. */
export function factTable(facts: Fact[]): string {
  const head = ['mention', 'value', 'low', 'high', 'qualifier', 'unit', 'object', 'category', 'speaker', 'period', 'part of', 'repeats'];
  const rows = facts.map(
    (f) =>
      `<tr id="row-${escapeHtml(f.fact_id)}" data-fact-row="${escapeHtml(f.fact_id)}"><td>${escapeHtml(f.mention)}</td><td class="num">${fmt(f.value)}</td><td class="num">${fmt(f.low)}</td><td class="num">${fmt(f.high)}</td><td>${f.qualifier}</td><td>${escapeHtml(f.unit ?? '')}</td><td>${escapeHtml(f.object ?? '')}</td><td><span class="swatch" style="background:${CATEGORY_COLOURS[f.category]}"></span>${f.category}</td><td>${escapeHtml(f.speaker ?? '')}</td><td>${escapeHtml(f.period_text ?? '')}</td><td>${link(f.part_of)}</td><td>${link(f.repeat_of)}</td></tr>`,
  );
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** One document's section: title, source, date, highlighted text beside its fact table. */
export function documentSection(doc: Document, facts: Fact[]): string {
  return `<section class="document" id="doc-${escapeHtml(doc.doc_id)}" data-doc-id="${escapeHtml(doc.doc_id)}" data-fact-count="${facts.length}">
<h2>${escapeHtml(doc.title ?? doc.source)}</h2>
<p class="meta">source: ${escapeHtml(doc.source)} · published: ${escapeHtml(doc.published ?? 'unknown')} · ${facts.length} facts</p>
<div class="doc"><div class="text">${highlightText(doc, facts)}</div><div class="rows">${factTable(facts)}</div></div>
</section>`;
}

export interface ReportSummary {
  /** The documents listed in the index (the first ones, up to a limit). */
  documents: { doc_id: string; title: string | null; source: string; facts: number; href: string }[];
  /** All documents of the run. */
  documentCount: number;
  /** Documents past the report's limit: counted in the overview, in the tables, not shown. */
  notShown: number;
  byCategory: Record<Category, number>;
  /** Facts per month of period_start ("2014-08"). */
  byMonth: Record<string, number>;
  rejects: Reject[];
}

function barChart(byCategory: Record<Category, number>): string {
  const max = Math.max(1, ...Object.values(byCategory));
  const rowHeight = 26;
  const bars = CATEGORIES.map((c, i) => {
    const width = Math.round((byCategory[c] / max) * 300);
    return `<text x="0" y="${i * rowHeight + 17}" font-size="13">${c}</text><rect x="90" y="${i * rowHeight + 4}" width="${width}" height="18" fill="${CATEGORY_COLOURS[c]}"/><text x="${96 + width}" y="${i * rowHeight + 17}" font-size="13">${byCategory[c]}</text>`;
  }).join('');
  return `<figure><figcaption>Facts by category</figcaption><svg role="img" aria-label="Bar chart of facts by category" width="460" height="${CATEGORIES.length * rowHeight + 6}" xmlns="http://www.w3.org/2000/svg">${bars}</svg></figure>`;
}

function timeline(byMonth: Record<string, number>): string {
  const months = Object.keys(byMonth).sort();
  if (months.length === 0) return '<figure><figcaption>Facts by period</figcaption><p>No fact has a resolved period.</p></figure>';
  const max = Math.max(...Object.values(byMonth));
  const width = Math.max(300, months.length * 14);
  const bars = months
    .map((m, i) => {
      const h = Math.round((byMonth[m]! / max) * 120);
      return `<rect x="${i * 14}" y="${130 - h}" width="11" height="${h}" fill="#555"><title>${m}: ${byMonth[m]} facts</title></rect>`;
    })
    .join('');
  return `<figure><figcaption>Facts by period start, per month (${months[0]} to ${months[months.length - 1]})</figcaption><svg role="img" aria-label="Timeline of facts by period" width="${width}" height="150" xmlns="http://www.w3.org/2000/svg">${bars}<text x="0" y="146" font-size="11">${months[0]}</text><text x="${width - 50}" y="146" font-size="11">${months[months.length - 1]}</text></svg></figure>`;
}

/** The whole page: overview (counts, charts, rejects), a document index, and the embedded document sections. */
export function renderReport(summary: ReportSummary, embeddedSections: string[], title = 'newsfacts report'): string {
  const total = Object.values(summary.byCategory).reduce((a, b) => a + b, 0);
  const counts = CATEGORIES.map((c) => `<tr><td><span class="swatch" style="background:${CATEGORY_COLOURS[c]}"></span>${c}</td><td class="num">${summary.byCategory[c]}</td></tr>`).join('');
  const rejects = summary.rejects.length
    ? `<table><thead><tr><th scope="col">source</th><th scope="col">record</th><th scope="col">reason</th></tr></thead><tbody>${summary.rejects
        .map((r) => `<tr><td>${escapeHtml(r.source)}</td><td class="num">${r.record ?? ''}</td><td>${escapeHtml(r.reason)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>No input was rejected.</p>';
  const unlisted = summary.documentCount - summary.notShown - summary.documents.length;
  const last = summary.documents.at(-1);
  const index =
    summary.documents.map((d) => `<li><a href="${escapeHtml(d.href)}">${escapeHtml(d.title ?? d.source)}</a> (${d.facts} facts)</li>`).join('') +
    (unlisted > 0 && last ? `</ol><p>… and ${unlisted} more documents: follow “next page” from <a href="${escapeHtml(last.href)}">the last one listed</a>; documents.csv lists them all.</p><ol>` : '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${escapeHtml(title)}</h1>
<p class="meta">${summary.documentCount} documents · ${total} facts · ${summary.rejects.length} rejects. Hover or focus (Tab) a highlighted figure to see its row.</p></header>
<main>
<section id="overview"><h2>Overview</h2>
<div class="charts"><div><table><thead><tr><th scope="col">category</th><th scope="col">facts</th></tr></thead><tbody>${counts}</tbody></table></div>${barChart(summary.byCategory)}${timeline(summary.byMonth)}</div>
<h3>Rejected inputs</h3>${rejects}
</section>
<nav aria-label="Documents"><h2>Documents</h2><ol>${index}</ol>${
    summary.notShown > 0
      ? `<p>The report shows the first ${summary.documentCount - summary.notShown} documents; the other ${summary.notShown} are counted above and are in documents.csv and facts.csv (<code>--report-documents</code> shows more).</p>`
      : ''
  }</nav>
${embeddedSections.join('\n')}
</main></body></html>
`;
}

/** A page of documents (used when the corpus is too large to embed); its style sheet is report/style.css. */
export function renderDocumentPage(doc: { title: string | null; source: string }, sections: string, previous: string | null = null, next: string | null = null): string {
  const links = [
    '<a href="../report.html">← report</a>',
    previous ? `<a href="${escapeHtml(previous)}" rel="prev">previous page</a>` : '',
    next ? `<a href="${escapeHtml(next)}" rel="next">next page</a>` : '',
  ].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title ?? doc.source)}</title><link rel="stylesheet" href="style.css"></head>
<body><nav aria-label="Pages"><p>${links}</p></nav><main>${sections}</main></body></html>
`;
}
