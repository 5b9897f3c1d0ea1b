/**
 * @jest-environment jsdom
 */
// The page's and the article's text lengths, counted node by node in pauses, equal what
// textContent.length gives (the content script compares them to tell page changes apart).
import { textLengthsSteps, type TextLengths } from '../../src/core/text/text-lengths';
import { drainSteps } from '../support/steps';

function run(outer: Node | null, inner: Node | null): { lengths: TextLengths; pauses: number } {
  const { value, pauses } = drainSteps(textLengthsSteps(outer, inner));
  return { lengths: value, pauses };
}

beforeEach(() => {
  document.body.innerHTML = `<header>Menu <a href="/">Home</a><script>var x = "<p>";</script></header>
    <main><article id="story"><h1>Title</h1><p>First <b>bold</b> paragraph.</p><style>p { color: red }</style>
    <p hidden>Hidden text counts too.</p><!-- a comment does not --><textarea>typed</textarea></article>
    <aside>Related</aside></main><footer>© 2026</footer>`;
});

test('equal textContent lengths of the body and of an article inside it', () => {
  const story = document.getElementById('story') as Element;
  expect(run(document.body, story).lengths).toEqual({ outer: document.body.textContent?.length, inner: story.textContent?.length });
});

test('an article equal to the body, outside it, or missing', () => {
  expect(run(document.body, document.body).lengths).toEqual({ outer: document.body.textContent?.length, inner: document.body.textContent?.length });
  const detached = document.createElement('div');
  detached.innerHTML = '<p>Elsewhere <i>entirely</i></p>';
  expect(run(document.body, detached).lengths).toEqual({ outer: document.body.textContent?.length, inner: detached.textContent?.length });
  expect(run(document.body, null).lengths).toEqual({ outer: document.body.textContent?.length, inner: 0 });
  expect(run(null, null).lengths).toEqual({ outer: 0, inner: 0 });
});

test('a long page is counted in pauses, with the same lengths', () => {
  document.body.innerHTML = `<nav>${'<a href="/">x</a>'.repeat(700)}</nav><article>${'<p>Sentence <b>one</b>. Two.</p>'.repeat(3000)}</article><footer>${'<span>f</span>'.repeat(700)}</footer>`;
  const article = document.querySelector('article') as Element;
  const { lengths, pauses } = run(document.body, article);
  expect(lengths).toEqual({ outer: document.body.textContent?.length, inner: article.textContent?.length });
  expect(pauses).toBeGreaterThan(5);
});
