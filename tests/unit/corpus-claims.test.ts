// Claims land in the story only: on the 43 pages of the Readability corpus and on the 87 pages of
// the article-extraction benchmark (hand-made bodies, never used to write the rules), every
// claim from the body must lie in the reference body, and caption claims must be statements,
// never credit lines. The share is printed for the closing figures.
import { JSDOM, VirtualConsole } from 'jsdom';
import { CREDIT_LINE } from '../../src/core/article/block-kind';
import { findArticle } from '../../src/core/article/find-article';
import { detectClaims, type ScoredSentence } from '../../src/core/claims/detect';
import { DEFAULT_THRESHOLD } from '../../src/core/claims/score';
import { buildTextIndex } from '../../src/core/text/text-index';
import { corpusAvailable, corpusPage, corpusPages, extractionAvailable, extractionPages, foldText } from '../support/corpus';

const quiet = new VirtualConsole();

/** Letters and digits only, lower case: the reference bodies differ from the page in spacing and punctuation. */
function bare(text: string): string {
  return foldText(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function claimsOf(html: string, url: string): ScoredSentence[] {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  const article = findArticle(dom.window.document);
  if (!article) return [];
  return detectClaims(buildTextIndex(article.root), article.isArticleText, DEFAULT_THRESHOLD, article.isCaption);
}

interface Tally {
  body: number;
  inside: number;
  captions: number;
  outside: string[];
}

function tally(claims: ScoredSentence[], reference: string, into: Tally): { outside: string[]; credits: string[] } {
  const truth = bare(reference);
  const outside: string[] = [];
  const credits: string[] = [];
  for (const claim of claims) {
    if (claim.caption) {
      into.captions++;
      if (CREDIT_LINE.test(claim.text)) credits.push(claim.text);
      continue;
    }
    into.body++;
    if (truth.includes(bare(claim.text))) into.inside++;
    else outside.push(claim.text);
  }
  into.outside.push(...outside);
  return { outside, credits };
}

function report(name: string, t: Tally, pages: number): string {
  return `${name}: ${t.inside}/${t.body} body claims inside the reference body (${((100 * t.inside) / Math.max(1, t.body)).toFixed(1)} %) on ${pages} pages; ${t.captions} caption claims`;
}

(corpusAvailable() ? describe : describe.skip)('claims on the 43 real news pages of the Readability corpus', () => {
  const pages = corpusPages();
  const totals: Tally = { body: 0, inside: 0, captions: 0, outside: [] };

  test.each(pages)('%s: every body claim lies in the article body, no caption claim is a credit', (name) => {
    const { source, expected } = corpusPage(name);
    const reference = new JSDOM(expected, { virtualConsole: quiet }).window.document.body.textContent ?? '';
    const { outside, credits } = tally(claimsOf(source, 'http://fakehost/test/page.html'), reference, totals);
    expect(outside).toEqual([]);
    expect(credits).toEqual([]);
  });

  afterAll(() => console.log(report('readability corpus', totals, pages.length)));
});

(extractionAvailable() ? describe : describe.skip)('claims on the 87 article-extraction pages (hand-made bodies)', () => {
  test('at least 98 % of body claims lie in the hand-made article body; no caption claim is a credit', () => {
    const totals: Tally = { body: 0, inside: 0, captions: 0, outside: [] };
    const credits: string[] = [];
    const pages = extractionPages();
    for (const page of pages) credits.push(...tally(claimsOf(page.html, page.url), page.body, totals).credits);
    console.log(`${report('article-extraction corpus', totals, pages.length)}\noutside:\n${totals.outside.map((text) => `  ${text.slice(0, 160)}`).join('\n')}`);
    expect(credits).toEqual([]);
    expect(totals.inside / totals.body).toBeGreaterThanOrEqual(0.98);
  });
});
