/**
 * @jest-environment jsdom
 */
// Which highlights are drawn at once and which wait for the reader to scroll (lazy-highlights.ts).
// jsdom has no layout, so each paragraph is given a place on a tall page, and IntersectionObserver
// is a stub that only records what would be watched.
import { bandsOf } from '../../src/core/scan/far-bands';
import { drawLazily } from '../../src/content/lazy-highlights';
import type { ClaimView } from '../../src/core/model/page-state';
import { selectorFor } from '../../src/core/model/selectors';
import { buildTextIndex } from '../../src/core/text/text-index';

const watched = new Set<Element>();
type Notify = (entries: Array<{ target: Element; isIntersecting: boolean }>) => void;
let notify: Notify = () => undefined;
class RecordingObserver {
  constructor(callback: Notify) {
    notify = callback;
  }
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
  // The far groups are watched a band at a time, through a few containers rather than each of them.
  expect(watched.size).toBeGreaterThan(0);
  expect(watched.size).toBeLessThan((2_100 - near) / 8);
  // Revealing a far claim draws it at once.
  expect(drawing.drawClaim('c2000')).toBe(true);
  expect(drawnIds(root).has('c2000')).toBe(true);
});

test('scrolling far down draws every group near the new viewport, through the bands watched', async () => {
  const { root, claims } = tallPage(2_100, 0, 200);
  const drawing = drawLazily(root, claims, 'both', { yieldBetween: async () => undefined });
  expect(await drawing.initial).toBe('done');
  const height = window.innerHeight;
  const scrolledTo = 200 * 1_000;
  Object.defineProperty(window, 'scrollY', { value: scrolledTo, configurable: true });
  try {
    // What IntersectionObserver (margin: NEAR_SCREENS viewports above and below) reports for the watched containers.
    notify([...watched].map((target) => {
      const box = target.getBoundingClientRect();
      return { target, isIntersecting: box.bottom >= -10 * height && box.top <= 11 * height };
    }));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    const drawn = drawnIds(root);
    for (let i = 0; i < 2_100; i++) {
      const top = i * 200 - scrolledTo;
      const distance = top + 20 < 0 ? -(top + 20) : top > height ? top - height : 0;
      // Every group within the near distance of the new viewport is drawn; none beyond twice that
      // (a band reaches at most half the near distance past its watched edge), except those near the top.
      if (distance <= 10 * height) expect(drawn.has(`c${i}`)).toBe(true);
      if (distance > 20 * height && i * 200 > 11 * height) expect(drawn.has(`c${i}`)).toBe(false);
    }
  } finally {
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
  }
});

test('bands hold consecutive items, at most so many and so tall, with their highest and lowest items as edges', () => {
  const far = [
    { item: 'a', top: 0, bottom: 10 },
    { item: 'b', top: 20, bottom: 90 },
    { item: 'c', top: 95, bottom: 100 },
    { item: 'd', top: 110, bottom: 400 },
    { item: 'e', top: 500, bottom: 510 },
    { item: 'f', top: 520, bottom: 530 },
    { item: 'g', top: 540, bottom: 550 },
  ];
  expect(bandsOf(far, 100, 10)).toEqual([
    { items: ['a', 'b', 'c'], edges: ['a', 'c'] },
    { items: ['d'], edges: ['d'] },
    { items: ['e', 'f', 'g'], edges: ['e', 'g'] },
  ]);
  expect(bandsOf(far, 100, 2).map((band) => band.items)).toEqual([['a', 'b'], ['c'], ['d'], ['e', 'f'], ['g']]);
  expect(bandsOf([], 100, 2)).toEqual([]);
});
