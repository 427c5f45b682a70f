import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { documentId } from '../src/text/ids.ts';
import { readHtml } from '../src/ingest/readHtml.ts';
import { fitsDom, measureMarkup } from '../src/ingest/htmlBudget.ts';
import { isReject } from '../src/ingest/readJsonLines.ts';
import type { Document } from '../src/model.ts';
import { NEWS_FIXTURES } from './helpers.ts';

const page = (name: string) => readFileSync(new URL(`./fixtures/html/${name}`, import.meta.url), 'utf8');
/** The paragraphs of a sample article the page was made from (its first line is the title). */
const sampleParagraphs = (id: string) =>
  readFileSync(`${NEWS_FIXTURES}sample/${id}.txt`, 'utf8').split('\n').slice(1).map((l) => l.trim()).filter(Boolean);

function read(source: string, html: string): Document {
  const doc = readHtml(source, html);
  if (isReject(doc)) throw new Error(`unexpected reject: ${doc.reason}`);
  return doc;
}

/** Text of the page chrome around every fixture article: none of it may reach the text. */
const BOILERPLATE = [
  'cookies', 'Accept all cookies', 'Manage cookie settings', 'Search', 'Home', // cookie banner, header nav
  'Related stories', 'Most read', 'Weather warning', // related-links sidebar
  'Terms of Use', 'Privacy Policy', 'Copyright', 'All rights reserved', // footer
  'Share on Twitter', 'Advertisement', 'googletag', 'dataLayer', 'tracking-only', 'font-family', // widgets, ads, scripts, styles
];

describe('readHtml on news pages', () => {
  const cases = [
    {
      file: 'timewarner.html',
      id: 'bbc-business-001',
      title: 'Ad sales boost Time Warner profit', // og:title
      published: '2005-02-02', // article:published_time only
      figures: 'Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.',
    },
    {
      file: 'chad.html',
      id: 'reuters21578-9209',
      title: 'Chad says troops killed 1,200 Libyans in battle', // JSON-LD headline inside @graph, not <title>
      published: '1987-03-25', // JSON-LD datePublished inside @graph only
      figures: 'the high command said 438 Libyans were taken prisoner, while 29 Chadian soldiers were killed and 58 wounded.',
    },
    {
      file: 'regiments.html',
      id: 'bbc-politics-245',
      title: 'Army chiefs in regiments decision',
      published: null, // no date; the <time> in the header bar is not the article's
      figures: "The proposals include cutting Scotland's six single-battalion regiments to five and merging these into a super regiment.",
    },
  ];

  it.each(cases)('$file: title, published date and id', ({ file, title, published }) => {
    const doc = read(`https://example.com/${file}`, page(file));
    expect(doc.title).toBe(title);
    expect(doc.published).toBe(published);
    expect(doc.source).toBe(`https://example.com/${file}`);
    expect(doc.doc_id).toBe(documentId(doc.source, doc.text));
  });

  it.each(cases)('$file: every article paragraph, each its own, figures intact', ({ file, id, figures }) => {
    const doc = read(file, page(file));
    const paragraphs = doc.text.split('\n\n');
    const expected = sampleParagraphs(id);
    for (const paragraph of expected) expect(paragraphs).toContain(paragraph);
    expect(paragraphs[0]).toBe(expected[0]); // nothing from the header before the article
    expect(doc.text).toContain(figures);
    expect(doc.text).not.toMatch(/\n{3,}|[ \t]{2,}|^\s|\s$/);
    expect(doc.text).not.toMatch(/&[a-z#0-9]+;|<\/?[a-z]/i);
  });

  it.each(cases)('$file: no navigation, cookie banner, sidebar, footer, ads or scripts', ({ file }) => {
    const doc = read(file, page(file));
    for (const text of BOILERPLATE) expect(doc.text).not.toContain(text);
  });
});

describe('readHtml metadata', () => {
  const html = (head: string, body = '<article><p>Troops killed 1,269 soldiers in the battle on Sunday, the command said.</p></article>') =>
    `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
  const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

  it('takes the date from article:published_time before JSON-LD and other metas', () => {
    const head = `<meta name="date" content="2001-01-01">${ld({ '@type': 'NewsArticle', datePublished: '2002-02-02' })}<meta property="article:published_time" content="2003-03-03T10:00:00Z">`;
    expect(read('a', html(head)).published).toBe('2003-03-03');
  });

  it('reads JSON-LD datePublished at top level, in an array and in @graph', () => {
    expect(read('a', html(ld({ '@type': 'NewsArticle', datePublished: '2015-10-05T08:00:00+01:00' }))).published).toBe('2015-10-05');
    expect(read('a', html(ld([{ '@type': 'Organization' }, { '@type': 'ReportageNews', datePublished: '2016-01-02' }]))).published).toBe('2016-01-02');
    expect(read('a', html(ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['Article'], datePublished: '2017-03-04' }] }))).published).toBe('2017-03-04');
    expect(read('a', html(ld({ '@type': 'WebPage', datePublished: '2018-01-01' }))).published).toBeNull();
  });

  it.each([
    ['<meta itemprop="datePublished" content="2019-04-05">', '2019-04-05'],
    ['<meta name="DC.date" content="2019-04-06">', '2019-04-06'],
    ['<meta name="parsely-pub-date" content="2019-04-07T12:00:00Z">', '2019-04-07'],
    ['<meta name="sailthru.date" content="Tue, 09 Apr 2019 10:00:00 GMT">', '2019-04-09'],
    ['<meta name="pubdate" content="not a date"><meta name="dcterms.created" content="2019-04-10">', '2019-04-10'],
  ])('reads %s', (head, expected) => expect(read('a', html(head)).published).toBe(expected));

  it('reads <time datetime> inside the article, not elsewhere on the page', () => {
    const text = '<p>Troops killed 1,269 soldiers in the battle on Sunday, the command said.</p>';
    expect(read('a', html('', `<article><time datetime="2020-05-06T07:00">6 May</time>${text}</article>`)).published).toBe('2020-05-06');
    expect(read('a', html('', `<header><time datetime="2020-05-06">today</time></header><article>${text}</article>`)).published).toBeNull();
  });

  it('ignores malformed JSON-LD and goes on to the next source', () => {
    const head = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken", "datePublished": "2021-</script>${ld({ '@type': 'NewsArticle', headline: 'Good headline' })}<meta name="date" content="2021-07-08">`;
    const doc = read('a', html(head));
    expect(doc).toMatchObject({ title: 'Good headline', published: '2021-07-08' });
  });

  it('prefers og:title, then JSON-LD headline, then the <title>', () => {
    const og = '<meta property="og:title" content="  Og &amp; title ">';
    const headline = ld({ '@type': 'NewsArticle', headline: 'Ld headline' });
    const title = '<title>Page title</title>';
    expect(read('a', html(title + headline + og)).title).toBe('Og & title');
    expect(read('a', html(title + headline)).title).toBe('Ld headline');
    expect(read('a', html(title)).title).toBe('Page title');
    expect(read('a', html('')).title).toBeNull();
  });
});

describe('readHtml text', () => {
  it('decodes entities and collapses whitespace, &nbsp; included', () => {
    const doc = read('a', '<p>Profits at AT&amp;T rose\n   to&nbsp;10&nbsp;000 units, worth &#8364;5m (&euro;6m, &#x20AC;7m) &lt;est.&gt;</p>');
    expect(doc.text).toBe('Profits at AT&T rose to 10 000 units, worth €5m (€6m, €7m) <est.>');
  });

  it('makes each block element its own paragraph, separated by a blank line', () => {
    const doc = read(
      'a',
      '<h2>Casualties</h2><div>First <b>bold</b>\nblock.</div><ul><li>12 tanks</li><li>3 jets</li></ul><blockquote>We lost 40 men.</blockquote><table><tr><td>Army</td><td>1,269</td></tr><tr><td>Navy</td><td>58</td></tr></table><pre>a   b</pre>',
    );
    expect(doc.text).toBe('Casualties\n\nFirst bold block.\n\n12 tanks\n\n3 jets\n\nWe lost 40 men.\n\nArmy 1,269\n\nNavy 58\n\na b');
  });

  it('keeps text outside <body>, and pages without <html>, <head> or <body> tags', () => {
    expect(read('a', '<html><head><title>T</title></head><p>One.</p><body><p>Two.</p></body></html>').text).toBe('One.\n\nTwo.');
    expect(read('a', '<title>T</title><p>Only a fragment.</p>')).toMatchObject({ title: 'T', text: 'Only a fragment.' });
  });

  it('drops script, style and noscript text from the body fallback', () => {
    const doc = read('a', '<body><script>var x = "1,000 troops";</script><style>p { color: red }</style><noscript>Enable JavaScript</noscript><p>Prices rose 5% in March.</p></body>');
    expect(doc.text).toBe('Prices rose 5% in March.');
  });
});

describe('readHtml rejects', () => {
  it.each([
    ['an empty string', ''],
    ['HTML with no body', '<!DOCTYPE html><html><head><title>Only a title</title><meta property="og:title" content="X"></head></html>'],
    ['an empty body', '<html><body>  \n </body></html>'],
    ['a page with only scripts', '<html><head><script>var a = 1;</script></head><body><script src="app.js"></script><script>render("1,269 killed")</script><style>body{}</style></body></html>'],
  ])('%s', (_, html) => {
    expect(readHtml('page.html', html)).toEqual({ source: 'page.html', record: null, reason: 'HTML has no article text' });
  });

  it('rejects binary content', () => {
    expect(readHtml('x.html', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toMatchObject({ reason: 'binary content (NUL bytes)' });
  });

  it('never throws, on garbage or on deep nesting', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['<div>', '</div>', '<p>', '</p>', '<', '>', '&', '&amp', ';', '<!--', '-->', '<script>', '</script>', '"', "'", '=', 'a', '7', ' ', '\n', '<body>', '<html>', '</head>', '<![CDATA[', '<?xml', '\uFFFD', '\u0001', '<meta content="', '<table><tr><td>'];
    for (let n = 0; n < 200; n++) {
      const html = Array.from({ length: 1 + Math.floor(random() * 200) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const result = readHtml('fuzz', html);
      expect(isReject(result) || result.text.length > 0).toBe(true);
    }
    const deep = read('deep', '<div>'.repeat(20000) + 'Troops killed 1,269 soldiers.' + '</div>'.repeat(20000));
    expect(deep.text).toBe('Troops killed 1,269 soldiers.');
  });
});

describe('pages too large or deep for the DOM', () => {
  const article = readFileSync(new URL('./fixtures/html/chad.html', import.meta.url), 'utf8');
  const articleText = (readHtml('chad.html', article) as Document).text;

  it('measures elements and nesting from the tags alone (implied end tags do not nest)', () => {
    expect(measureMarkup('<div><p>a<p>b<ul><li>x<li>y</ul><br><img src=x></div>')).toEqual({ elements: 8, depth: 2 });
  });

  it('drops the menu of a 1.5 MB page with 35,000 links and reads the article as usual', () => {
    let menu = '<nav><ul>';
    for (let i = 0; i < 35_000; i++) menu += `<li><a href="/s/${i}">Section ${i}</a></li>`;
    const page = article.replace(/<body([^>]*)>/i, `<body$1>${menu}</ul></nav>`);
    expect(measureMarkup(page).elements).toBeGreaterThan(70_000);
    expect((readHtml('menu.html', page) as Document).text).toBe(articleText);
  });

  it('also drops a menu that is only a list of links, without <nav>', () => {
    let menu = '<div class="menu"><ul class="links">';
    for (let i = 0; i < 25_000; i++) menu += `<li><a href="/s/${i}">Section ${i}</a></li>`;
    const page = article.replace(/<body([^>]*)>/i, `<body$1>${menu}</ul></div>`);
    expect((readHtml('menu.html', page) as Document).text).toBe(articleText);
  });

  it('reads the plain text of a page nested 300,000 elements deep, without a DOM', () => {
    const page = `<html><head><title>Deep &amp; dark</title></head><body>${'<div>'.repeat(300_000)}Rebels said 5 soldiers died.${'</div>'.repeat(300_000)}<p>Second &lt;paragraph&gt;.</p></body></html>`;
    expect(fitsDom(measureMarkup(page))).toBe(false);
    expect(readHtml('deep.html', page)).toMatchObject({ title: 'Deep & dark', text: 'Rebels said 5 soldiers died.\n\nSecond <paragraph>.' });
  });

  it('reads the plain text of a page of 60,000 elements that are not a menu', () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => `<tr><td>${i}</td><td>${i * 2} tonnes</td></tr>`).join('');
    const page = `<html><body><h1>Harvest</h1><table>${cells}</table></body></html>`;
    const read = readHtml('table.html', page) as Document;
    expect(read.text.split('\n\n')).toHaveLength(20_001);
    expect(read.text).toContain('19999 39998 tonnes');
  });
});
