/** @jest-environment jsdom */
// The content script's controller draws highlights in slices: render() resolves after the last
// slice, every slice runs with the page observer paused, and a page change in the middle of a
// drawing stops it before its next slice, so the redraw starts from a clean page.
import { DEFAULT_SETTINGS } from '../../src/core/model/settings';
import type { PageState } from '../../src/core/model/page-state';

jest.mock('../../src/platform/browser', () => ({
  requestBackground: async (type: string) => (type === 'settings.get' ? DEFAULT_SETTINGS : null),
}));

type Controller = typeof import('../../src/content/page-controller');
type Observer = typeof import('../../src/content/page-observer');

const PARAGRAPHS = [
  'The city council voted 7 to 2 on Tuesday to raise the transit budget by 12 percent, the largest increase since 2009.',
  'Mayor Ana Ruiz said the plan would add 40 buses by March and cut average waiting times from 14 minutes to 9 minutes.',
  'According to the transit authority, ridership fell 18 percent in 2020 and has since recovered to 91 percent of its earlier level.',
  'The state legislature passed a similar law in 2017 that required cities to publish their transit budgets every year.',
  'Officials confirmed on Friday that 3,200 new riders registered in the first week, up 25 percent from last year.',
  'Unemployment in the region fell to 3.1 percent in May, the lowest rate recorded since the survey began in 1976.',
];

function loadArticle(): void {
  document.title = 'Council raises transit budget';
  document.body.innerHTML = `<main><article id="story"><h1>Council raises transit budget</h1><div id="body">${[...PARAGRAPHS, ...PARAGRAPHS.map((p) => p.replace('The ', 'Again, the '))].map((p) => `<p>${p}</p>`).join('')}</div></article></main>`;
}

/** Each anchored claim's marks spell its text, and no mark sits inside another. */
function expectDrawn(state: PageState): void {
  const anchored = state.claims.filter((claim) => claim.anchored);
  expect(anchored.length).toBeGreaterThan(3);
  for (const claim of anchored) {
    const marks = [...document.querySelectorAll('mark[data-factmark-id]')].filter((m) => m.getAttribute('data-factmark-id') === claim.id);
    expect(marks.map((m) => m.textContent).join('')).toBe(claim.text);
  }
  expect(document.querySelector('mark mark')).toBeNull();
}

describe('PageController draws in slices', () => {
  let modules: Controller & Observer;
  let clock = 0;

  beforeAll(async () => {
    modules = { ...(await import('../../src/content/page-controller')), ...(await import('../../src/content/page-observer')) };
  });

  beforeEach(() => {
    loadArticle();
    // Every reading of the clock is 10 ms later: each slice marks one group, so there are many.
    jest.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
  });

  afterEach(() => jest.restoreAllMocks());

  test('render resolves after the last slice; the page observer sees none of the slices', async () => {
    const onChange = jest.fn();
    const observer = new modules.PageObserver(onChange, 5);
    let slices = 0;
    const controller = new modules.PageController((change) => {
      slices++;
      return observer.withoutObserving(change);
    });
    observer.start();
    const state = await controller.ready();
    expect(state.status).toBe('ready');
    expectDrawn(state);
    expect(slices).toBeGreaterThan(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onChange).not.toHaveBeenCalled();
  });

  test('a page change during a drawing stops it before its next slice; the redraw is whole', async () => {
    const marksAfterEachChange: number[] = [];
    let changed = false;
    const controller = new modules.PageController((change) => {
      const result = change();
      if (changed) marksAfterEachChange.push(document.querySelectorAll('mark').length);
      return result;
    });
    const first = controller.ready();
    // Let a few slices draw, then the page changes (as the observer would report it).
    while (document.querySelectorAll('mark').length < 2) await new Promise((resolve) => setTimeout(resolve, 0));
    changed = true;
    const again = controller.pageChanged('navigation');
    expect(again).toBeDefined();
    await first;
    const state = await controller.ready();
    // pageChanged's clear leaves no mark, and the stopped drawing never draws again: from there
    // on only the new drawing adds marks, one slice after another.
    expect(marksAfterEachChange[0]).toBe(0);
    expect(marksAfterEachChange.length).toBeGreaterThan(3);
    expect(marksAfterEachChange).toEqual([...marksAfterEachChange].sort((a, b) => a - b));
    expectDrawn(state);
  });

  test('a content change re-scans when the article text changed or a section of text came, not for a small change elsewhere', async () => {
    const controller = new modules.PageController((change) => change());
    await controller.ready();
    // A ticker outside the article: its few characters are no reason to re-scan.
    const ticker = document.createElement('div');
    ticker.textContent = 'EUR/USD 1.08';
    document.body.append(ticker);
    expect(await controller.pageChanged('content')).toBeUndefined();
    // A whole new section outside the article is.
    const section = document.createElement('section');
    section.textContent = 'More news. '.repeat(30);
    document.body.append(section);
    const rescanned = await controller.pageChanged('content');
    expect(rescanned?.status).toBe('ready');
    // So is any change of the article's own text.
    (document.querySelector('#body p') as HTMLElement).append(' It was raised again in 2024.');
    const again = await controller.pageChanged('content');
    expect(again?.status).toBe('ready');
    expect(again?.claims.some((claim) => claim.text.includes('raised again in 2024'))).toBe(true);
    expectDrawn(again as PageState);
    expect(await controller.pageChanged('content')).toBeUndefined();
  });
});

