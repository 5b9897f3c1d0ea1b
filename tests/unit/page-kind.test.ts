import { JSDOM } from 'jsdom';
import { scanPage } from '../../src/core/scan/page-scan';
import { notArticleReason } from '../../src/core/article/page-kind';

const PROSE = 'The council voted 7-2 on Tuesday to raise the city sales tax by half a cent, the first increase since 2009, officials said after the meeting ended. ';

function doc(html: string, url: string): Document {
  return new JSDOM(`<!doctype html><html lang="en"><head><title>Ledger</title>${html.includes('<meta') ? '' : ''}</head><body>${html}</body></html>`, { url }).window.document;
}

const teasers = Array.from({ length: 30 }, (_, i) => `<li><a href="/2024/05/story-${i}">Headline number ${i} about the council, the budget and the mayor</a><p>Short teaser text.</p></li>`).join('');

describe('pages that are not articles', () => {
  test('a home page of headlines is a front, even with one paragraph of prose', () => {
    const page = doc(`<ul class="stories">${teasers}</ul><div><p>${PROSE.repeat(3)}</p></div>`, 'https://news.example/');
    expect(notArticleReason(page, 'https://news.example/', 500)).toBe('front');
    const scan = scanPage(page, 'https://news.example/');
    expect(scan.sentences).toEqual([]);
    expect(scan.notice === null || scan.notice.kind === 'not-article').toBe(true);
  });

  test('a section front under a one-word path is a front', () => {
    const page = doc(`<ul>${teasers}</ul>`, 'https://news.example/politics/');
    expect(notArticleReason(page, 'https://news.example/politics/', 300)).toBe('front');
  });

  test('search results are search results', () => {
    const page = doc(`<ul>${teasers}</ul><p>${PROSE.repeat(8)}</p>`, 'https://news.example/search?q=council+tax');
    expect(notArticleReason(page, 'https://news.example/search?q=council+tax', 3000)).toBe('search');
  });

  test('a video page with a player and little text is a video page', () => {
    const page = doc(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"VideoObject","name":"Council vote"}</script><video src="v.mp4"></video><p>${PROSE}</p>`, 'https://news.example/video/2024/05/council-vote');
    expect(notArticleReason(page, 'https://news.example/video/2024/05/council-vote', PROSE.length)).toBe('video');
  });

  test('an article with a video, many related links or a short path is still an article', () => {
    const withVideo = doc(`<script type="application/ld+json">{"@type":"NewsArticle","video":{"@type":"VideoObject"}}</script><video src="v.mp4"></video><article><p>${PROSE.repeat(10)}</p></article>`, 'https://news.example/council-vote');
    expect(notArticleReason(withVideo, 'https://news.example/council-vote', PROSE.length * 10)).toBeNull();
    const longStory = doc(`<ul>${teasers}</ul><article><p>${PROSE.repeat(40)}</p></article>`, 'https://news.example/2024/05/council-vote-tax');
    expect(notArticleReason(longStory, 'https://news.example/2024/05/council-vote-tax', PROSE.length * 40)).toBeNull();
  });
});
