import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import type { Document, Reject } from '../model.ts';
import { documentId } from '../text/ids.ts';
import { withinMaxChars } from './maxChars.ts';
import { datelineDate } from './datelineDate.ts';
import { publishedDate } from './publishedDate.ts';
import { fitsDom, measureMarkup, plainTextOfHtml, withoutMenus } from './htmlBudget.ts';

type Dom = ReturnType<typeof ParseHtml>['document'];

// Loaded on the first page, not at start: linkedom and Readability take ~25 MB in every process
// that loads them, and most runs (JSON Lines, CSV, text) read no HTML.
const load = createRequire(import.meta.url);
let html: { Readability: typeof ReadabilityClass; parseHTML: typeof ParseHtml } | undefined;
const htmlLibraries = () =>
  (html ??= { Readability: (load('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability, parseHTML: (load('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML });

/** Readability output shorter than this (or than the body) counts as a failed extraction. */
const MIN_ARTICLE_CHARS = 100;
const MAX_READABILITY_DEPTH = 150;

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas',
  'head', 'title', 'meta', 'link', 'button', 'select', 'textarea', 'input',
]);
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'div', 'tr', 'table',
  'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'header', 'footer', 'nav',
  'aside', 'figure', 'figcaption', 'form', 'address', 'hr', 'body', 'html',
]);
/** Inline elements that still separate words. */
const SPACED = new Set(['td', 'th', 'br']);
/** The labels ad slots leave behind in article bodies. */
const AD_LABELS = /^(advertisement|advertisements|ad|sponsored|story continues below( this)? advertisement|continue reading (below|the main story))$/i;
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNews']);
const DATE_META_NAMES = [
  'pubdate', 'publishdate', 'date', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
];

/**
 * A news page: the main text via Readability (falling back to the whole body),
 * the headline and published date from the page's metadata. Never throws.
 */
export function readHtml(source: string, html: string): Document | Reject {
  try {
    return read(source, html);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { source, record: null, reason: `unreadable HTML: ${message.slice(0, 120)}` };
  }
}

function read(source: string, page: string): Document | Reject {
  if (page.includes('\u0000')) return { source, record: null, reason: 'binary content (NUL bytes)' };
  // A page too large or deep for the DOM loses its menus first; if that is not enough, its plain text is read.
  let html = page;
  if (!fitsDom(measureMarkup(html))) {
    html = withoutMenus(page);
    if (!fitsDom(measureMarkup(html))) return plainText(source, page);
  }
  const document = parse(html);
  const meta = metaContents(document);
  const jsonLd = jsonLdArticle(document);
  const itemprop = document.querySelector('[itemprop="datePublished"]');
  const published =
    [
      meta.get('article:published_time'),
      jsonLd.datePublished,
      meta.get('datepublished'),
      itemprop?.getAttribute('content') ?? itemprop?.getAttribute('datetime'),
      ...DATE_META_NAMES.map((name) => meta.get(name)),
      document.querySelector('article time[datetime]')?.getAttribute('datetime'),
    ]
      .map(publishedDate)
      .find((date) => date !== null) ?? null;
  const pageTitle = document.querySelector('title')?.textContent;

  // Everything is read before Readability runs, because Readability rewrites the DOM.
  const body = walk(document.body);
  let paragraphs = body.paragraphs;
  let articleTitle: string | null | undefined;
  // Readability's cost grows with the square of the nesting depth (minutes for a few
  // thousand levels), so pathologically deep pages keep the plain body text.
  if (paragraphs.length > 0 && body.depth <= MAX_READABILITY_DEPTH) {
    const article = new (htmlLibraries().Readability)<string[]>(document, { serializer: (node) => walk(node).paragraphs }).parse();
    articleTitle = article?.title;
    const found = article?.content ?? [];
    if (charCount(found) >= Math.min(MIN_ARTICLE_CHARS, charCount(paragraphs))) paragraphs = found;
  }
  const text = paragraphs.join('\n\n');
  if (text === '') return { source, record: null, reason: 'HTML has no article text' };

  const title = [meta.get('og:title'), jsonLd.headline, articleTitle, pageTitle]
    .map((value) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : ''))
    .find((value) => value !== '');
  return { doc_id: documentId(source, text), source, title: title ?? null, published: published ?? datelineDate(text), text };
}

/** A page read without a DOM (see htmlBudget.ts): block elements as paragraphs, <title> or og:title as the headline. */
function plainText(source: string, html: string): Document | Reject {
  const { paragraphs, title } = plainTextOfHtml(html);
  const text = paragraphs.join('\n\n');
  if (text === '') return { source, record: null, reason: 'HTML has no article text' };
  return { doc_id: documentId(source, text), source, title, published: datelineDate(text), text };
}

const charCount = (paragraphs: string[]): number => paragraphs.reduce((sum, p) => sum + p.length, 0);

/**
 * linkedom does no HTML5 tree repair: a fragment becomes the documentElement and
 * content outside <body> is lost, so the page is re-wrapped as head + body first.
 */
function parse(html: string): Dom {
  const headEnd = /<\/head\s*>/i.exec(html);
  const bodyStart = /<body\b[^>]*>/i.exec(html);
  const split = headEnd && (!bodyStart || headEnd.index < bodyStart.index) ? headEnd : bodyStart;
  const head = split ? html.slice(0, split.index) : '';
  const body = split ? html.slice(split.index + split[0].length) : html;
  const strip = (part: string) => part.replace(/<!doctype[^>]*>|<\/?(html|head|body)\b[^>]*>/gi, '');
  return htmlLibraries().parseHTML(`<!DOCTYPE html><html><head>${strip(head)}</head><body>${strip(body)}</body></html>`).document;
}

/**
 * Block-level text as paragraphs, whitespace collapsed, ad labels dropped, and the
 * deepest element nesting seen. Iterative, so deep nesting cannot overflow the stack.
 */
function walk(root: Node): { paragraphs: string[]; depth: number } {
  const paragraphs: string[] = [];
  let current = '';
  let maxDepth = 0;
  const flush = () => {
    const paragraph = current.replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();
    if (paragraph !== '' && !AD_LABELS.test(paragraph)) paragraphs.push(paragraph);
    current = '';
  };
  const stack: { node: Node; depth: number; leaving: boolean }[] = [{ node: root, depth: 0, leaving: false }];
  while (stack.length > 0) {
    const { node, depth, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (SPACED.has(tag)) current += ' ';
    if (leaving) {
      if (BLOCKS.has(tag)) flush();
      continue;
    }
    if (SKIPPED.has(tag) || element.hasAttribute('hidden')) continue;
    if (BLOCKS.has(tag)) flush();
    maxDepth = Math.max(maxDepth, depth);
    stack.push({ node, depth, leaving: true });
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1, leaving: false });
  }
  flush();
  return { paragraphs, depth: maxDepth };
}

/** The first content of each <meta>, keyed by its lower-cased property, name or itemprop. */
function metaContents(document: Dom): Map<string, string> {
  const contents = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta')) {
    const content = meta.getAttribute('content');
    if (content === null) continue;
    for (const key of ['property', 'name', 'itemprop']) {
      const name = meta.getAttribute(key)?.trim().toLowerCase();
      if (name && !contents.has(name)) contents.set(name, content);
    }
  }
  return contents;
}

/** headline and datePublished of the first article object in the page's JSON-LD blocks. */
function jsonLdArticle(document: Dom): { headline?: unknown; datePublished?: unknown } {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // malformed JSON-LD is common and carries nothing we can trust
    }
    const candidates = Array.isArray(data) ? data : [data];
    for (const item of candidates.flatMap((c) => (isObject(c) && Array.isArray(c['@graph']) ? c['@graph'] : [c]))) {
      if (!isObject(item)) continue;
      const types = ([] as unknown[]).concat(item['@type']);
      if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type))) return item;
    }
  }
  return {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A decoded HTML page not read yet: the pipeline reads pages on its worker threads. */
export interface HtmlPage {
  html: string;
  source: string;
  /** 1-based record number inside its file (WARC), or null for a file of its own. */
  record: number | null;
}

export const isHtmlPage = (x: object): x is HtmlPage => 'html' in x;

/** An HtmlPage read: its Document, or a Reject carrying the page's record number (also when its text is over `maxChars`). */
export function readHtmlPage(page: HtmlPage, maxChars = Infinity): Document | Reject {
  const read = readHtml(page.source, page.html);
  return 'reason' in read ? { ...read, record: page.record } : withinMaxChars(read, page.record, maxChars);
}
