/** @jest-environment jsdom */
// The article search and the text index pause every few hundred nodes so a huge page is walked
// in short tasks: run in slices (a pause at every step) they must give exactly the one-pass scan,
// on the corpus pages and on a big synthetic page with the markup the body walk cares about.
import { scanPage } from '../../src/core/scan/page-scan';
import type { PageScan } from '../../src/core/scan/page-scan';
import { runInSlices } from '../../src/content/highlight-slices';
import { NEAR_FIRST_CHARS, scanPageInSlices } from '../../src/content/page-scan-slices';
import { findArticle, findArticleSteps } from '../../src/core/article/find-article';
import { buildTextIndex, textIndexSteps } from '../../src/core/text/text-index';
import { corpusPage, corpusPages, extractionPages } from '../support/corpus';

const URL = 'http://127.0.0.1/news/2024/a-long-story.html';
// Corpus pages carry stylesheets jsdom cannot parse; its complaints say nothing about the scan.
beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
let pauses = 0;
const pause = () => {
  pauses++;
  return Promise.resolve();
};

/** A big page: nested sections, bylines and share labels inline, a data table, hidden parts, links, captions. */
function bigPage(paragraphs: number): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) parts.push(`<section class="chapter"><h2>Chapter ${i / 50}</h2>`);
    if (i % 7 === 0) parts.push(`<p>Officials said on Monday that ${i} people, about ${i % 13} percent, had left. <span class="byline">By Ann Lee</span> The report, released in ${1990 + (i % 30)}, was disputed.</p>`);
    else if (i % 11 === 0) parts.push(`<div class="share-tools"><a href="/s">Share</a> <a href="/t">Tweet</a></div><div><div><p>Nested paragraph ${i}, with commas, clauses, and a <a href="/x">link to more</a>.</p></div></div>`);
    else if (i % 17 === 0) parts.push(`<figure><img src="/i${i}.jpg"><figcaption>Protesters gathered in the square on Tuesday. Photo: Getty Images</figcaption></figure>`);
    else if (i % 23 === 0) parts.push(`<table><tr><th>Year</th><th>Rate</th></tr><tr><td>${2000 + i}</td><td>${i}%</td></tr></table><p hidden>Hidden ${i}.</p>`);
    else if (i % 29 === 0) parts.push(`<aside class="related"><ul><li><a href="/r${i}">Related story number ${i} about the same events</a></li></ul></aside>`);
    else parts.push(`<p>Paragraph ${i} says the budget grew by ${i * 3} million dollars last year, more than the ${i % 5} years before it. It was the largest rise since 2009.<br><br>A second run of text ${i} follows the break, as the minister told reporters.</p>`);
    if (i % 50 === 49) parts.push('</section>');
  }
  return `<header><nav><a href="/">Home</a></nav></header><main><article><h1>A long story</h1>${parts.join('')}</article></main><footer>The Paper</footer>`;
}

async function expectSameScan(html: string): Promise<void> {
  document.documentElement.innerHTML = html;
  const whole = scanPage(document, URL);
  const sliced = await scanPageInSlices(document, URL, pause, 0);
  expect(sliced.text).toBe(whole.text);
  expect(sliced.sentences).toEqual(whole.sentences);
  expect(sliced.language).toEqual(whole.language);
  expect(sliced.notice).toEqual(whole.notice);
  expect(sliced.article?.root).toBe(whole.article?.root);
}

describe('the article search and text index in slices', () => {
  test('a big synthetic page: the same article, text index and kinds of every text node, walked in many pauses', async () => {
    document.documentElement.innerHTML = bigPage(3000);
    const whole = findArticle(document);
    pauses = 0;
    const sliced = await runInSlices(findArticleSteps(document), pause, 0);
    expect(pauses).toBeGreaterThan(50);
    expect(whole).not.toBeNull();
    expect(sliced?.root).toBe(whole?.root);
    expect(sliced?.textLength).toBe(whole?.textLength);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      expect(sliced?.kindOf(node as Text)).toBe(whole?.kindOf(node as Text));
      expect(sliced?.isBodyText(node as Text)).toBe(whole?.isBodyText(node as Text));
    }
    const root = whole?.root as Element;
    const index = buildTextIndex(root);
    const slicedIndex = await runInSlices(textIndexSteps(root), pause, 0);
    expect(slicedIndex.text).toBe(index.text);
    expect(slicedIndex.blockBreaks).toEqual(index.blockBreaks);
    expect(slicedIndex.starts).toEqual(index.starts);
    expect(slicedIndex.nodes.length).toBe(index.nodes.length);
    expect(slicedIndex.nodes.every((node, i) => node === index.nodes[i])).toBe(true);
  });

  test('a big synthetic page: the sliced scan scores the same sentences', async () => {
    await expectSameScan(bigPage(600));
  });

  test('a huge body scores the sentences near the reader first, named and scored as in the whole scan, then all of them', async () => {
    document.documentElement.innerHTML = bigPage(2500);
    const whole = scanPage(document, URL);
    expect(whole.text.length).toBeGreaterThan(NEAR_FIRST_CHARS);
    const near = { start: Math.floor(whole.text.length / 2), end: Math.floor(whole.text.length / 2) + 20_000 };
    let partial: PageScan | null = null;
    let scoredWhenReady = -1;
    const sliced = await scanPageInSlices(document, URL, pause, 0, {
      range: () => near,
      ready: (scan) => {
        partial = scan;
        scoredWhenReady = scan.sentences.length;
      },
    });
    expect(sliced.sentences).toEqual(whole.sentences);
    const got = partial as PageScan | null;
    expect(got).not.toBeNull();
    // Only sentences reaching into the range were scored first, and each is the whole scan's sentence (ids count repeats before it).
    const expected = whole.sentences.filter((sentence) => sentence.end > near.start && sentence.start < near.end);
    expect(expected.length).toBeGreaterThan(50);
    expect(scoredWhenReady).toBe(expected.length);
    expect(got?.sentences).toEqual(expected);
    expect(expected.some((sentence) => /-\d+$/.test(sentence.id))).toBe(true);
  });

  test('markup nested deeper than the walk goes is left out the same way, without exhausting the stack', async () => {
    const deep = '<div>'.repeat(600) + '<p>Deep text that the walk never reaches, said the minister in 2019.</p>' + '</div>'.repeat(600);
    await expectSameScan(`<article>${bigPage(40)}${deep}</article>`);
  });

  test('every readability corpus page and the first article-extraction pages: the sliced scan equals the one-pass scan', async () => {
    const pages = [...corpusPages().map((name) => corpusPage(name).source), ...extractionPages().slice(0, 25).map((page) => page.html)];
    for (const html of pages) await expectSameScan(html);
  });
});
