// Pages too large or too deep for a DOM: measured on the markup itself, in one
// linear pass, before linkedom and Readability see them. linkedom's parse takes
// time quadratic in the nesting depth (20,000 levels 1.6 s, 300,000 minutes) and
// about 2.5 KB of heap an element (a 1.5 MB page whose menu holds 35,000 links:
// 70,000 elements, 180 MB); htmlparser2 alone is quadratic in depth too.
import { decodeHTML } from 'entities';

/** Elements a page may have for linkedom and Readability (about 50 MB of heap). */
export const MAX_DOM_ELEMENTS = 20_000;
/** Nesting a page may have for linkedom (1,000 levels parse in milliseconds). */
export const MAX_DOM_DEPTH = 1_000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose end tag may be left out ("<li>one<li>two"): not counted as nesting. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'optgroup']);
/** Elements whose content is not markup. */
const RAW_TEXT = /<(script|style|textarea|title|noscript|template|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>|<!--[\s\S]*?-->/g;

export interface MarkupSize {
  elements: number;
  /** Nesting depth, estimated from start and end tags (end tags a browser would imply do not count). */
  depth: number;
}

/** Elements and nesting depth of a page, from its tags alone. */
export function measureMarkup(html: string): MarkupSize {
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // a comment
    if (m[1]) {
      if (!IMPLIED_END.has(name) && !VOID.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    elements++;
    if (VOID.has(name) || IMPLIED_END.has(name) || m[0].endsWith('/>')) continue;
    depth++;
    if (depth > maxDepth) maxDepth = depth;
  }
  return { elements, depth: maxDepth };
}

export const fitsDom = ({ elements, depth }: MarkupSize) => elements <= MAX_DOM_ELEMENTS && depth <= MAX_DOM_DEPTH;

/** Navigation: whole elements that are never the article. */
const NAVIGATION = /<(nav|menu|aside|header|footer|form|select)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** A list whose items are each one link: a menu, however it is marked up. */
const LINK_LIST = /<(ul|ol)\b[^>]*>(?:\s*<li\b[^>]*>\s*<a\b[^>]*>[^<]*<\/a>\s*(?:<\/li>)?)+\s*<\/\1\s*>/gi;

/** The page without its navigation, menus and link lists: what a page too large for the DOM is tried as first. */
export function withoutMenus(html: string): string {
  return html.replace(NAVIGATION, ' ').replace(LINK_LIST, ' ');
}

const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'div', 'tr', 'table',
  'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'header', 'footer', 'nav',
  'aside', 'figure', 'figcaption', 'form', 'address', 'hr', 'body', 'html', 'br',
]);
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * The text of a page without a DOM, for pages still too large or deep for one:
 * a paragraph per block element, script and style left out, entities decoded.
 */
export function plainTextOfHtml(html: string): { paragraphs: string[]; title: string | null } {
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1];
  const ogTitle = /<meta\b[^>]*\bproperty\s*=\s*["']og:title["'][^>]*\bcontent\s*=\s*"([^"]*)"/i.exec(html)?.[1];
  const body = html.replace(/<head\b[\s\S]*?<\/head\s*>/i, ' ').replace(RAW_TEXT, ' ');
  const paragraphs: string[] = [];
  let at = 0;
  const text = (to: number) => body.slice(at, to);
  let current = '';
  const flush = () => {
    const paragraph = decodeHTML(current).replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();
    if (paragraph !== '') paragraphs.push(paragraph);
    current = '';
  };
  for (const m of body.matchAll(TAG)) {
    current += text(m.index);
    at = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue;
    if (BLOCK.has(name)) flush();
    else if (name === 'td' || name === 'th') current += ' ';
  }
  current += text(body.length);
  flush();
  const clean = (s: string | undefined) => (s === undefined ? '' : decodeHTML(s).replace(/\s+/g, ' ').trim());
  return { paragraphs, title: [ogTitle, title].map(clean).find((t) => t !== '') ?? null };
}
