// The core workflow, end to end, in real Chromium and Firefox against the built extension:
// detection and highlighting on the sample page, the popup's claim list, storing a verdict,
// source and note, and their return after a reload.
import { artifactPath, BROWSERS, hasBuiltExtension, launch, type BrowserDriver, type PageHandle } from './harness/driver';
import { startServer, type TestServer } from './harness/server';

const SAMPLE = '/sample/venezuela-russia.html';
const run = hasBuiltExtension() ? describe : describe.skip;

interface StoredAnnotation {
  verdict: string | null;
  note: string;
  sources: Array<{ url: string; title: string }>;
}

function annotationsIn(items: Record<string, unknown>): Record<string, StoredAnnotation> {
  const page = Object.entries(items).find(([key]) => key.startsWith('page:'))?.[1] as { annotations?: Record<string, StoredAnnotation> } | undefined;
  return page?.annotations ?? {};
}

/** Opens the first claim's editor, waiting until it is really open (the list may re-render once after load). */
async function openFirstDetails(popup: PageHandle): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await popup.attribute({ css: '.claim [aria-expanded]', nth: 0 }, 'aria-expanded')) !== 'true') await popup.click({ css: '.claim [aria-expanded]', nth: 0 });
    try {
      await popup.waitForSelector({ css: '.claim .claim-details', nth: 0 }, 3_000);
      return;
    } catch {
      // Clicked during a re-render: try again.
    }
  }
  throw new Error('the claim editor did not open');
}

run.each(BROWSERS)('%s: the core workflow on the sample page', (browserName) => {
  let server: TestServer;
  let driver: BrowserDriver;
  let page: PageHandle;
  let popup: PageHandle;
  let firstClaimId = '';

  beforeAll(async () => {
    server = await startServer();
    driver = await launch(browserName);
    page = await driver.openPage(server.url(SAMPLE));
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  test('1. claims are detected and highlighted with mark.js, only inside the article body and its lead caption', async () => {
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const report = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('mark[data-factmark-id]')];
      return {
        count: new Set(marks.map((m) => m.getAttribute('data-factmark-id'))).size,
        outside: marks.filter((m) => !(m.closest('.article-body') || m.closest('.article-figure figcaption')) || m.closest('.article-body figcaption, aside, .share-bar, .tag-list')).map((m) => m.textContent),
        caption: [...document.querySelectorAll('.article-figure figcaption mark[data-factmark-id]')].map((m) => m.textContent).join(' '),
        inClutter: document.querySelectorAll('header mark, nav mark, .trending-rail mark, .related-stories mark, .newsletter-signup mark, .comments-prompt mark, footer mark, .byline mark, .news-ticker mark').length,
        states: [...new Set(marks.map((m) => m.getAttribute('data-factmark-verdict')))],
        text: marks.map((m) => m.textContent).join(' '),
      };
    });
    expect(report.count).toBeGreaterThanOrEqual(5);
    expect(report.outside).toEqual([]);
    expect(report.inClutter).toBe(0);
    expect(report.states).toEqual(['unreviewed']);
    expect(report.text).toContain('U.S. Secretary of State Mike Pompeo accused the Russians');
    // The lead photo's caption is the story's own statement; its credit line is not.
    expect(report.caption).toContain('About 500 soldiers take part in the military exercises until March 20.');
    expect(report.caption).not.toMatch(/AFP PHOTO|credit/i);
    await page.screenshot(artifactPath(`${browserName}-sample.png`));
  });

  test('2. the popup lists the claims of the tab in reading order', async () => {
    const tabId = await driver.tabIdOf(server.url(SAMPLE));
    popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.claim', 15_000);
    const listed = await popup.evaluate(() => [...document.querySelectorAll('.claim')].map((li) => li.getAttribute('data-claim-id')));
    const inPage = await page.evaluate(() => [...new Set([...document.querySelectorAll('mark[data-factmark-id]')].map((m) => m.getAttribute('data-factmark-id')))]);
    expect(listed).toEqual(inPage);
    firstClaimId = listed[0] as string;
    const firstText = await popup.text({ css: '.claim .claim-text', nth: 0 });
    const firstMarked = await page.evaluate((id) => [...document.querySelectorAll('mark[data-factmark-id]')].filter((m) => m.getAttribute('data-factmark-id') === id).map((m) => m.textContent).join(''), firstClaimId);
    expect(firstText.replace(/\s+/g, ' ')).toBe(firstMarked.replace(/\s+/g, ' '));
    // Claims from the lead photo's caption say so; body claims do not.
    const chips = await popup.evaluate(() => [...document.querySelectorAll('.claim')].map((li) => [li.querySelector('.claim-text')?.textContent ?? '', li.querySelector('.caption-chip') !== null] as const));
    expect(chips.filter(([, chip]) => chip).map(([text]) => text)).toContain('About 500 soldiers take part in the military exercises until March 20.');
    expect(chips.find(([text]) => text.startsWith('U.S. Secretary of State Mike Pompeo'))?.[1]).toBe(false);
  });

  test('3. a verdict, a source URL and a note are stored in browser.storage.local', async () => {
    await popup.select({ label: 'Verdict', exact: true, nth: 0 }, 'false');
    await openFirstDetails(popup);
    await popup.fill({ label: 'Source URL', nth: 0 }, 'https://example.org/fact-check/troops');
    await popup.click({ role: 'button', name: 'Add source', nth: 0 });
    await popup.fill({ label: 'Note', exact: true, nth: 0 }, 'No public record of a troop increase.');
    await popup.press('Tab');
    const items = await driver.waitForStorage((all) => {
      const annotation = annotationsIn(all)[firstClaimId];
      return annotation?.verdict === 'false' && annotation.note === 'No public record of a troop increase.' && annotation.sources.length === 1;
    }, 15_000);
    expect(annotationsIn(items)[firstClaimId]?.sources[0]?.url).toBe('https://example.org/fact-check/troops');
  });

  test('4. after a reload the highlight returns in the verdict colour and the popup shows verdict, source and note', async () => {
    await page.reload();
    const selector = `mark[data-factmark-id="${firstClaimId}"][data-factmark-verdict="false"]`;
    await page.waitForSelector(selector, 15_000);
    const colours = await page.evaluate((sel) => {
      const verdictMark = document.querySelector(sel) as HTMLElement;
      const unreviewed = document.querySelector('mark[data-factmark-verdict="unreviewed"]') as HTMLElement;
      return { verdict: getComputedStyle(verdictMark).backgroundColor, unreviewed: getComputedStyle(unreviewed).backgroundColor, style: getComputedStyle(verdictMark).textDecorationStyle };
    }, selector);
    expect(colours.verdict).toBe('rgba(213, 94, 0, 0.32)');
    expect(colours.verdict).not.toBe(colours.unreviewed);
    expect(colours.style).toBe('double');
    await page.screenshot(artifactPath(`${browserName}-sample-verdict.png`));

    await popup.reload();
    await popup.waitForSelector(`.claim[data-claim-id="${firstClaimId}"]`, 15_000);
    expect(await popup.value({ label: 'Verdict', exact: true, nth: 0 })).toBe('false');
    await openFirstDetails(popup);
    expect(await popup.value({ label: 'Note', exact: true, nth: 0 })).toBe('No public record of a troop increase.');
    expect(await popup.attribute(`.claim[data-claim-id="${firstClaimId}"] .sources a`, 'href')).toBe('https://example.org/fact-check/troops');
    await popup.screenshot(artifactPath(`${browserName}-popup.png`));
  });
});
