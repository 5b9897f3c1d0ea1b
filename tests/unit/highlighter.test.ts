/** @jest-environment jsdom */
import { claimIdOf, clearHighlights, hasHighlights, highlightClaims, marksOf, recolourHighlights } from '../../src/content/highlighter';
import { ownMarkAround } from '../../src/content/own-marks';
import type { ClaimView } from '../../src/core/model/page-state';
import { selectorFor } from '../../src/core/model/selectors';
import { buildTextIndex } from '../../src/core/text/text-index';

function claimAt(text: string, exact: string, id: string): ClaimView {
  const start = text.indexOf(exact);
  return { id, text: exact, score: 0.9, reasons: [], selector: selectorFor(text, start, start + exact.length), anchored: true, annotation: null };
}

describe('highlighting with mark.js', () => {
  beforeEach(() => {
    document.body.innerHTML = `<article id="a"><p>Intro. <script>var s = "Sales rose 5%.";</script>Sales rose <em>5%</em> in 2019.</p>
      <p hidden>Hidden claim of 10%.</p><div><span>Nested </span><p>Prices fell 3% after the ban.</p></div></article>`;
  });

  test('marks exactly the indexed text, across inline elements, skipping scripts and hidden text', () => {
    const root = document.getElementById('a') as HTMLElement;
    const index = buildTextIndex(root);
    const claims = [claimAt(index.text, 'Sales rose 5% in 2019.', 'c1'), claimAt(index.text, 'Prices fell 3% after the ban.', 'c2')];
    highlightClaims(root, claims);
    const marked = (id: string) => [...root.querySelectorAll(`mark[data-factmark-id="${id}"]`)].map((m) => m.textContent).join('');
    expect(marked('c1')).toBe('Sales rose 5% in 2019.');
    expect(marked('c2')).toBe('Prices fell 3% after the ban.');
    expect(root.querySelector('script')?.textContent).toContain('Sales rose 5%.');
    expect(root.querySelectorAll('mark[data-factmark-verdict="unreviewed"]').length).toBeGreaterThanOrEqual(3);
  });

  test('recolours and clears without changing the text', () => {
    const root = document.getElementById('a') as HTMLElement;
    const before = root.textContent;
    const index = buildTextIndex(root);
    const claim = claimAt(index.text, 'Prices fell 3% after the ban.', 'c2');
    highlightClaims(root, [claim]);
    const selector = claim.selector;
    recolourHighlights(root, [{ ...claim, annotation: { id: 'c2', origin: 'detected', selector, verdict: 'false', note: '', sources: [], tags: [], createdAt: '', updatedAt: '' } }]);
    expect(root.querySelector('mark')?.getAttribute('data-factmark-verdict')).toBe('false');
    clearHighlights(root);
    expect(root.querySelector('mark')).toBeNull();
    expect(root.textContent).toBe(before);
    expect(buildTextIndex(root).text).toBe(index.text);
  });

  test('page-made look-alikes are never taken for highlights: not cleared, recoloured, counted or shown', () => {
    const root = document.getElementById('a') as HTMLElement;
    const fakes = '<mark class="factmark-highlight" data-markjs="true" data-factmark-id="c2" data-factmark-verdict="true">Forged</mark><mark data-factmark-id="x">Spoof</mark>';
    root.insertAdjacentHTML('beforeend', `<p id="fakes">${fakes}</p>`);
    expect(hasHighlights(root)).toBe(false);
    const index = buildTextIndex(root);
    const claim = claimAt(index.text, 'Prices fell 3% after the ban.', 'c2');
    highlightClaims(root, [claim]);
    expect(hasHighlights(root)).toBe(true);
    expect(marksOf(root, 'c2').map((m) => m.textContent)).toEqual(['Prices fell 3% after the ban.']);
    const [forged, spoof] = [...root.querySelectorAll('#fakes mark')];
    expect(claimIdOf(forged)).toBeNull();
    expect(ownMarkAround(forged?.firstChild ?? null)).toBeNull();
    expect(ownMarkAround(marksOf(root, 'c2')[0]?.firstChild ?? null)).toBe(marksOf(root, 'c2')[0]);
    recolourHighlights(root, [{ ...claim, annotation: { id: 'c2', origin: 'detected', selector: claim.selector, verdict: 'false', note: '', sources: [], tags: [], createdAt: '', updatedAt: '' } }]);
    expect(forged?.getAttribute('data-factmark-verdict')).toBe('true');
    clearHighlights(root);
    expect(marksOf(root, 'c2')).toEqual([]);
    expect(forged?.isConnected && spoof?.isConnected).toBe(true);
    expect(root.querySelector('#fakes')?.innerHTML).toBe(fakes);
  });
});
