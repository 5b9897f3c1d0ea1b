import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { findArticle } from '../../src/core/article/find-article';
import { detectClaims, scoreArticleSentences } from '../../src/core/claims/detect';
import { DEFAULT_THRESHOLD } from '../../src/core/claims/score';
import { buildTextIndex } from '../../src/core/text/text-index';

const html = readFileSync(join(__dirname, '../../sample/venezuela-russia.html'), 'utf8');

function load() {
  const dom = new JSDOM(html, { url: 'http://127.0.0.1/sample/venezuela-russia.html' });
  const article = findArticle(dom.window.document);
  if (!article) throw new Error('no article found');
  const index = buildTextIndex(article.root);
  return { dom, article, index };
}

describe('the bundled sample page', () => {
  test('the article body holds the story and none of the clutter', () => {
    const { article, index } = load();
    const inArticle = index.nodes.filter((node) => article.isArticleText(node)).map((node) => node.data).join('');
    expect(inArticle).toContain('Russia is Maduro’s most prominent ally');
    expect(inArticle).toContain('Arreaza');
    for (const clutter of ['Unemployment falls to 3.6%', 'Sign up for our newsletter', 'Join the conversation', 'Founded in 1887', 'Share on', 'By Frances Martel', 'Venezuelan exodus passes 3 million']) {
      expect(inArticle).not.toContain(clutter);
    }
  });

  test('claims are sentences of the article, with the factual ones found and the clutter not', () => {
    const { article, index } = load();
    const claims = detectClaims(index, article.isArticleText, DEFAULT_THRESHOLD);
    const texts = claims.map((claim) => claim.text);
    const all = scoreArticleSentences(index, article.isArticleText);
    expect(all.length).toBeGreaterThan(claims.length);
    if (process.env.SHOW_CLAIMS) console.log(all.map((s) => `${s.score.toFixed(2)} ${s.reasons.join(',')} | ${s.text}`).join('\n'));
    expect(texts.length).toBeGreaterThanOrEqual(5);
    expect(texts.some((text) => text.includes('U.S. Secretary of State Mike Pompeo accused the Russians'))).toBe(true);
    for (const text of texts) {
      expect(text).not.toMatch(/Unemployment falls|newsletter|comments|1887|Frances Martel/);
      expect(text.split(/\s+/).length).toBeGreaterThan(3);
    }
  });
});
