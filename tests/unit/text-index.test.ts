/** @jest-environment jsdom */
import { buildTextIndex, offsetOf, rangeFor } from '../../src/core/text/text-index';

function fixture(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root') as HTMLElement;
}

describe('the body text index', () => {
  test('skips scripts, styles, hidden elements and our own UI, and records block breaks', () => {
    const root = fixture('<p>One <em>two</em>.</p><script>var x = 1;</script><style>p{}</style><p hidden>Hidden.</p><div data-factmark-ui>UI</div><p>Three.</p>');
    const index = buildTextIndex(root);
    expect(index.text).toBe('One two.Three.');
    expect(index.blockBreaks).toContain(8);
  });

  test('maps offsets to DOM ranges and back across inline elements', () => {
    const root = fixture('<p>Alpha <a href="#">beta</a> gamma.</p>');
    const index = buildTextIndex(root);
    const range = rangeFor(index, 3, 14);
    expect(range?.toString()).toBe('ha beta gam');
    const link = root.querySelector('a')!.firstChild!;
    expect(offsetOf(index, link, 2)).toBe(8);
  });
});
