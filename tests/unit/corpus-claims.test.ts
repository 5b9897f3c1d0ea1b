import { JSDOM, VirtualConsole } from 'jsdom';
import { findArticle } from '../../src/core/article/find-article';
import { detectClaims } from '../../src/core/claims/detect';
import { DEFAULT_THRESHOLD } from '../../src/core/claims/score';
import { buildTextIndex } from '../../src/core/text/text-index';
import { corpusAvailable, corpusPage, corpusPages, foldText } from '../support/corpus';

const pages = corpusPages();
const quiet = new VirtualConsole();

function claimsOf(name: string): { claims: string[]; expectedText: string } {
  const { source, expected } = corpusPage(name);
  const dom = new JSDOM(source, { url: 'http://fakehost/test/page.html', virtualConsole: quiet });
  const expectedText = foldText(new JSDOM(expected, { virtualConsole: quiet }).window.document.body.textContent ?? '');
  const article = findArticle(dom.window.document);
  if (!article) return { claims: [], expectedText };
  const index = buildTextIndex(article.root);
  return { claims: detectClaims(index, article.isArticleText, DEFAULT_THRESHOLD).map((claim) => claim.text), expectedText };
}

(corpusAvailable() ? describe : describe.skip)('claims on the 43 real news pages of the corpus', () => {
  const totals = { claims: 0, inside: 0, pagesWithClaims: 0 };

  test.each(pages)('%s: every claim lies in the article body', (name) => {
    const { claims, expectedText } = claimsOf(name);
    const outside = claims.filter((claim) => !expectedText.includes(foldText(claim)));
    totals.claims += claims.length;
    totals.inside += claims.length - outside.length;
    if (claims.length > 0) totals.pagesWithClaims++;
    expect(outside).toEqual([]);
  });

  afterAll(() => {
    if (totals.claims > 0) console.log(`corpus: ${totals.inside}/${totals.claims} claims inside the article body (${((100 * totals.inside) / totals.claims).toFixed(1)} %) on ${totals.pagesWithClaims}/${pages.length} pages`);
  });
});
