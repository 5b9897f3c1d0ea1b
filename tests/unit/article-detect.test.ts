import { JSDOM } from 'jsdom';
import { HIGHLIGHT_ATTRIBUTE, findArticle, looksLikeArticle } from '../../src/core/article/find-article';
import { buildTextIndex } from '../../src/core/text/text-index';

/** Distinct, newsy paragraphs long enough to score (commas and length are what Readability counts). */
const PROSE = [
  'The city council voted 7 to 2 on Tuesday to approve the new budget, which raises spending on schools by 4 percent, according to the clerk.',
  'Officials said the plan, first proposed in March, would add 120 teachers, expand bus routes and repair roofs at eleven buildings.',
  'Opponents argued that the tax increase, the largest since 2009, would fall hardest on renters, small shops and retirees on fixed incomes.',
  'The mayor, who campaigned on school funding, called the vote historic and said construction could begin as early as next summer.',
  'A report by the state auditor found last year that maintenance had been deferred for a decade, leaving a backlog of $48 million.',
  'The budget now goes to the county board, which has until June 30 to review it, hold two hearings and publish its final figures.',
];

function paragraphs(count = PROSE.length, tag = 'p'): string {
  return PROSE.slice(0, count).map((text) => `<${tag}>${text}</${tag}>`).join('\n');
}

function load(body: string): Document {
  return new JSDOM(`<!doctype html><html><head><title>City council approves new school budget | The Daily Ledger</title></head><body>${body}</body></html>`).window.document;
}

/** The article's text as the claim detector sees it: index text from Text nodes that count. */
function articleText(doc: Document): string {
  const article = findArticle(doc);
  if (!article) throw new Error('no article found');
  return buildTextIndex(article.root).nodes.filter((node) => article.isArticleText(node)).map((node) => node.data).join(' ');
}

describe('findArticle on small synthetic pages', () => {
  test('a news page: the story is in; navigation, related stories, newsletter, share bar and footer are out', () => {
    const doc = load(`
      <header class="site-header"><a href="/">The Daily Ledger</a><p class="tagline">Independent news since 1887, every single day of the week</p></header>
      <nav><ul><li><a href="/world">World news from every continent</a></li><li><a href="/politics">Politics and the people who make it</a></li></ul></nav>
      <main>
        <article>
          <h1>Council approves school budget</h1>
          <p class="byline">By Jane Reporter</p>
          <div class="share-bar"><span>Share this story</span> <a href="#tw">Twitter</a></div>
          <div class="article-body">${paragraphs()}</div>
        </article>
        <section class="related-stories"><h2>Related</h2><ul><li><a href="/a">Teachers union endorses the school budget plan after long talks, sources say</a></li><li><a href="/b">Bus routes to expand in the fall, the transit agency says in a statement</a></li></ul></section>
        <div class="newsletter-signup"><p>Sign up for our newsletter and get the five biggest stories, every weekday, in your inbox at 6 AM.</p></div>
      </main>
      <footer><p>Copyright 2019, The Daily Ledger Company, all rights reserved, founded in 1887 by the Ledger family.</p></footer>`);
    const text = articleText(doc);
    for (const paragraph of PROSE) expect(text).toContain(paragraph);
    for (const clutter of ['World news', 'Teachers union', 'Sign up for our newsletter', 'Share this story', 'Copyright 2019', 'By Jane Reporter', 'Independent news']) expect(text).not.toContain(clutter);
    expect(findArticle(doc)?.title).toBe('City council approves new school budget');
  });

  test('an article written as a series of divs holding text', () => {
    const doc = load(`<div class="menu"><a href="/">Home</a> <a href="/news">News</a></div><div id="story">${paragraphs(PROSE.length, 'div')}</div>`);
    const text = articleText(doc);
    for (const paragraph of PROSE) expect(text).toContain(paragraph);
    expect(text).not.toContain('Home');
  });

  test('old-style markup: paragraphs split by <br><br> in one block', () => {
    const doc = load(`<table><tr><td class="left"><a href="/">Home</a></td><td class="text">${PROSE.join('<br><br>\n')}</td></tr></table>`);
    const text = articleText(doc);
    for (const paragraph of PROSE) expect(text).toContain(paragraph);
  });

  test('a page wrapped in one <form> (ASP.NET) is still scanned; a form inside the article is not', () => {
    const doc = load(`<div class="content">${paragraphs()}<form class="poll"><p>Do you agree with the council, yes or no? Tell us what you think, today.</p></form></div>`);
    // The parser never nests forms, so the page-wide one is put around the body's content by hand.
    const wrapper = doc.createElement('form');
    wrapper.id = 'aspnetForm';
    wrapper.append(...doc.body.childNodes);
    doc.body.append(wrapper);
    const text = articleText(doc);
    for (const paragraph of PROSE) expect(text).toContain(paragraph);
    expect(text).not.toContain('Do you agree');
  });

  test('a comments section under the article is left out', () => {
    const doc = load(`
      <div class="post">${paragraphs()}</div>
      <div id="comments"><h3>42 comments</h3>
        <div class="comment"><p>This is the worst budget I have ever seen, and I have lived here for 30 years, believe me.</p></div>
        <div class="comment"><p>Great reporting, thanks! The council should have voted on this in March, before the hearings.</p></div>
      </div>`);
    const text = articleText(doc);
    for (const paragraph of PROSE) expect(text).toContain(paragraph);
    expect(text).not.toContain('worst budget');
    expect(text).not.toContain('Great reporting');
  });

  test('hidden blocks, ad labels and linky link lists inside the article are left out', () => {
    const doc = load(`
      <article>${paragraphs(3)}
        <div style="display: none"><p>Hidden teaser text that no reader ever sees on the page, with commas, clauses, and more.</p></div>
        <div aria-hidden="true"><p>An aria-hidden duplicate of the story, kept for screen readers only, with commas, too.</p></div>
        <div class="slot"><div>Advertisement</div><div class="unit"></div></div>
        <div class="more"><a href="/1">Read more about the school budget</a> <a href="/2">Council votes on taxes</a></div>
        ${PROSE.slice(3).map((text) => `<p>${text}</p>`).join('')}
      </article>`);
    const text = articleText(doc);
    for (const paragraph of PROSE) expect(text).toContain(paragraph);
    for (const clutter of ['Hidden teaser', 'aria-hidden duplicate', 'Advertisement', 'Read more about']) expect(text).not.toContain(clutter);
  });

  test('a page with no article gives null', () => {
    const doc = load(`<nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="grid"><a href="/1">Story one</a><a href="/2">Story two</a></div><footer>© 2019 Ledger</footer>`);
    expect(findArticle(doc)).toBeNull();
    expect(looksLikeArticle(doc)).toBe(false);
    expect(findArticle(new JSDOM('').window.document)).toBeNull();
  });

  test('headings are not scanned, captions are (but are not body); highlighted text still counts', () => {
    const doc = load(`<article><h2>The vote, explained in full detail for readers</h2><figure><img src="x.jpg"><figcaption>The council chamber on Tuesday, photographed by AFP, with members</figcaption></figure>${paragraphs()}</article>`);
    const article = findArticle(doc);
    if (!article) throw new Error('no article found');
    const first = doc.querySelector('article p');
    const textNode = first?.firstChild as Text;
    const mark = doc.createElement('mark');
    mark.setAttribute(HIGHLIGHT_ATTRIBUTE, 'c1');
    const tail = textNode.splitText(10);
    first?.insertBefore(mark, tail);
    mark.appendChild(tail);
    expect(article.isArticleText(mark.firstChild as Text)).toBe(true);
    expect(article.isArticleText(textNode)).toBe(true);
    expect(article.isArticleText(doc.querySelector('h2')?.firstChild as Text)).toBe(false);
    // A caption of the story's own image is scanned as its own statement, but is not article body.
    expect(article.isArticleText(doc.querySelector('figcaption')?.firstChild as Text)).toBe(true);
    expect(article.isCaption(doc.querySelector('figcaption')?.firstChild as Text)).toBe(true);
    expect(article.isBodyText(doc.querySelector('figcaption')?.firstChild as Text)).toBe(false);
  });

  test('looksLikeArticle sees long paragraphs', () => {
    const long = PROSE.join(' ');
    expect(looksLikeArticle(load(`<article><p>${long}</p><p>${long}</p></article>`))).toBe(true);
  });
});
