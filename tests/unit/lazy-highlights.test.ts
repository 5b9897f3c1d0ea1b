/**
 * @jest-environment jsdom
 */
// Which highlights are drawn at once and which wait for the reader to scroll (lazy-highlights.ts).
// jsdom has no layout, so each paragraph is given a place on a tall page, and IntersectionObserver
// is a stub that only records what would be watched.
import { drawLazily } from '../../src/content/lazy-highlights';
import type { ClaimView } from '../../src/core/model/page-state';
import { selectorFor } from '../../src/core/model/selectors';
import { buildTextIndex } from '../../src/core/text/text-index';

const watched = new Set<Element>();
class RecordingObserver {
  observe(target: Element): void {
    watched.add(target);
  }
  unobserve(target: Element): void {
    watched.delete(target);
  }
  disconnect(): void {
    watched.clear();
  }
}

/** A page whose paragraphs start `offset` pixels down and stand `gap` pixels apart, each with one claim. */
function tallPage(paragraphs: number, offset: number, gap: number): { root: HTMLElement; claims: ClaimView[] } {
  document.body.innerHTML = `<article>${Array.from({ length: paragraphs }, (_, i) => `<p data-top="${offset + i * gap}">Claim ${i} says 10 percent rose.</p>`).join('')}</article>`;
  const root = document.querySelector('article') as HTMLElement;
  const index = buildTextIndex(root);
  const claims = [...root.querySelectorAll('p')].map((p, i): ClaimView => {
    const start = index.text.indexOf(p.textContent ?? '');
    return { id: `c${i}`, text: p.textContent ?? '', score: 0.9, reasons: [], selector: selectorFor(index.text, start, start + (p.textContent ?? '').length), anchored: true, annotation: null };
  });
  return { root, claims };
}

beforeAll(() => {
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = RecordingObserver;
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const holder = this.closest('[data-top]');
    const top = holder ? Number(holder.getAttribute('data-top')) - window.scrollY : 0;
    return { top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
  };
});

beforeEach(() => watched.clear());

const drawnIds = (root: Element) => new Set([...root.querySelectorAll('mark[data-factmark-id]')].map((mark) => mark.getAttribute('data-factmark-id')));

test('an ordinary article is drawn whole even when it starts far below the first screen', async () => {
  // 40 paragraphs starting 30 screens down (an unstyled page's long menu above the story).
  const { root, claims } = tallPage(40, 30 * window.innerHeight, 300);
  const drawing = drawLazily(root, claims, 'both', { yieldBetween: async () => undefined });
  expect(await drawing.initial).toBe('done');
  expect(drawnIds(root).size).toBe(40);
  expect(watched.size).toBe(0);
});

test('a huge article draws the groups near the viewport and leaves the far ones to the scroll observer', async () => {
  const { root, claims } = tallPage(2_100, 0, 200);
  const drawing = drawLazily(root, claims, 'both', { yieldBetween: async () => undefined });
  expect(await drawing.initial).toBe('done');
  const near = Math.floor((11 * window.innerHeight) / 200) + 1;
  expect(drawnIds(root).size).toBe(near);
  expect(watched.size).toBe(2_100 - near);
  // Revealing a far claim draws it at once.
  expect(drawing.drawClaim('c2000')).toBe(true);
  expect(drawnIds(root).has('c2000')).toBe(true);
});
