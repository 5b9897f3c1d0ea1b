// The article body and its claims on real pages, each page parsed once. On the 87 pages of the
// article-extraction benchmark (hand-made bodies, never used to write rules) and the 43 pages of
// the Readability corpus: the body scored as the benchmark scores extractors (word 4-shingles,
// per-page precision and recall averaged) stays above floors (`factmark eval-article` prints
// Readability.js beside it: 0.956 on the benchmark pages; running it here would double the
// time of the unit tier), every claim from the body lies in the reference body, and caption
// claims are statements, never credit lines. Figures are printed for the closing notes.
import { JSDOM, VirtualConsole } from 'jsdom';
import { CREDIT_LINE } from '../../src/core/article/block-kind';
import { blockText } from '../../src/core/article/body-text';
import { findArticle } from '../../src/core/article/find-article';
import { corpusScore, matchShingles, type ShingleMatch } from '../../src/core/article/shingle-score';
import { detectClaims } from '../../src/core/claims/detect';
import { DEFAULT_THRESHOLD } from '../../src/core/claims/score';
import { buildTextIndex } from '../../src/core/text/text-index';
import { corpusAvailable, corpusPage, corpusPages, extractionAvailable, extractionPages, foldText } from '../support/corpus';

const quiet = new VirtualConsole();

/** Letters and digits only, lower case: the reference bodies differ from the page in spacing and punctuation. */
function bare(text: string): string {
  return foldText(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

interface Tally {
  body: number;
  inside: number;
  captions: number;
  outside: string[];
  credits: string[];
  matches: ShingleMatch[];
}

const newTally = (): Tally => ({ body: 0, inside: 0, captions: 0, outside: [], credits: [], matches: [] });

/** Scores one page's body and tallies its claims; returns the body claims outside the reference. */
function checkPage(html: string, url: string, reference: string, into: Tally): string[] {
  const doc = new JSDOM(html, { url, virtualConsole: quiet }).window.document;
  const article = findArticle(doc);
  into.matches.push(matchShingles(reference, article ? blockText(article.root, article.isBodyText) : ''));
  if (!article) return [];
  const truth = bare(reference);
  const outside: string[] = [];
  for (const claim of detectClaims(buildTextIndex(article.root), article.isArticleText, DEFAULT_THRESHOLD, article.isCaption)) {
    if (claim.caption) {
      into.captions++;
      if (CREDIT_LINE.test(claim.text)) into.credits.push(claim.text);
      continue;
    }
    into.body++;
    if (truth.includes(bare(claim.text))) into.inside++;
    else outside.push(claim.text);
  }
  into.outside.push(...outside);
  return outside;
}

function report(name: string, t: Tally): string {
  const body = corpusScore(t.matches);
  return `${name}: body F1 ${body.f1.toFixed(3)} P ${body.precision.toFixed(3)} R ${body.recall.toFixed(3)} on ${body.pages} pages; ${t.inside}/${t.body} body claims inside the reference body (${((100 * t.inside) / Math.max(1, t.body)).toFixed(1)} %); ${t.captions} caption claims`;
}

(corpusAvailable() ? describe : describe.skip)('the 43 real news pages of the Readability corpus', () => {
  const pages = corpusPages();
  const totals = newTally();

  test.each(pages)('%s: every body claim lies in the article body', (name) => {
    const { source, expected } = corpusPage(name);
    const referenceBody = new JSDOM(expected, { virtualConsole: quiet }).window.document.body;
    expect(checkPage(source, 'http://fakehost/test/page.html', blockText(referenceBody), totals)).toEqual([]);
  });

  test('body F1 at least 0.96 and precision at least 0.98 against Readability’s own output; no caption claim is a credit', () => {
    console.log(report('readability corpus', totals));
    expect(totals.matches).toHaveLength(pages.length);
    const body = corpusScore(totals.matches);
    expect(body.f1).toBeGreaterThanOrEqual(0.96);
    expect(body.precision).toBeGreaterThanOrEqual(0.98);
    expect(totals.credits).toEqual([]);
  });
});

(extractionAvailable() ? describe : describe.skip)('the 87 article-extraction pages (hand-made bodies)', () => {
  test('body F1 at least 0.96 (Readability.js: 0.956); at least 98 % of body claims in the hand-made body; no caption claim is a credit', () => {
    const totals = newTally();
    const pages = extractionPages();
    for (const page of pages) checkPage(page.html, page.url, page.body, totals);
    console.log(`${report('article-extraction corpus', totals)}\noutside:\n${totals.outside.map((text) => `  ${text.slice(0, 160)}`).join('\n')}`);
    const body = corpusScore(totals.matches);
    expect(body.pages).toBe(87);
    expect(body.f1).toBeGreaterThanOrEqual(0.96);
    expect(body.precision).toBeGreaterThanOrEqual(0.95);
    expect(totals.credits).toEqual([]);
    expect(totals.inside / totals.body).toBeGreaterThanOrEqual(0.98);
  });
});
