// The library page (library.html, the options page) in real Chromium and Firefox: the list of
// annotated pages from seeded storage, search as you type, delete with Undo (the record comes
// back byte for byte), and settings that persist across a reload.
import { readFileSync } from 'node:fs';
import { artifactPath, BROWSERS, hasBuiltExtension, launch, type BrowserDriver, type PageHandle } from './harness/driver';
import { REPO_ROOT } from './harness/server';
import { DEFAULT_SETTINGS } from '../../src/core/model/settings';

const run = hasBuiltExtension() ? describe : describe.skip;

function selector(exact: string) {
  return { quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: exact.length } };
}

const TROOPS_KEY = 'page:https://news.example/world/russia-troops';
const CAFE_KEY = 'page:https://blog.example/2026/cafe-muller';
const BUDGET_KEY = 'page:https://gazette.example/budget';
const TROOPS_TITLE = 'Russia sends troops to Venezuela';

/** Stored records, in the shape records.ts reads; the troops page also carries fields this build does not know, which Undo must keep. */
const SEED: Record<string, unknown> = {
  [TROOPS_KEY]: {
    key: 'https://news.example/world/russia-troops',
    url: 'https://news.example/world/russia-troops',
    title: TROOPS_TITLE,
    updatedAt: '2026-03-03T10:00:00.000Z',
    annotations: {
      t1: {
        id: 't1',
        origin: 'detected',
        selector: selector('Russia sent 100 troops to Venezuela last week.'),
        verdict: 'false',
        note: 'No public record of a troop increase.',
        sources: [{ url: 'https://factcheck.example/troops', title: 'Troop numbers', quote: 'no deployment', publisher: 'Agence Example' }],
        tags: ['defence'],
        createdAt: '2026-03-03T09:00:00.000Z',
        updatedAt: '2026-03-03T10:00:00.000Z',
        reviewedBy: 'someone, in a future schema',
      },
      t2: { id: 't2', origin: 'user', selector: selector('The flight carried aid, the ministry said.'), verdict: null, note: '', sources: [], tags: [], createdAt: '2026-03-03T09:30:00.000Z', updatedAt: '2026-03-03T09:30:00.000Z' },
    },
    lang: 'en',
  },
  [CAFE_KEY]: {
    key: 'https://blog.example/2026/cafe-muller',
    url: 'https://blog.example/2026/cafe-muller',
    title: 'Café Müller opens 40 shops',
    updatedAt: '2026-03-02T10:00:00.000Z',
    annotations: {
      c1: {
        id: 'c1',
        origin: 'detected',
        selector: selector('The Café Müller chain opened 40 new shops in São Paulo.'),
        verdict: 'mostly-true',
        note: 'Matches the annual report.',
        sources: [{ url: 'https://reports.example/annual', title: 'Annual report', quote: '', publisher: 'Reuters' }],
        tags: ['retail'],
        createdAt: '2026-03-02T10:00:00.000Z',
        updatedAt: '2026-03-02T10:00:00.000Z',
      },
    },
  },
  [BUDGET_KEY]: {
    key: 'https://gazette.example/budget',
    url: 'https://gazette.example/budget',
    title: 'Budget deficit falls',
    updatedAt: '2026-03-01T10:00:00.000Z',
    annotations: {
      b1: { id: 'b1', origin: 'detected', selector: selector('The deficit fell to 3.1% of GDP.'), verdict: 'mixed', note: '', sources: [], tags: [], createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z' },
      b2: { id: 'b2', origin: 'detected', selector: selector('Unemployment is at a record low.'), verdict: 'mixed', note: '', sources: [], tags: [], createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z' },
    },
  },
};

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js', { paths: [REPO_ROOT] }), 'utf8');

/** axe-core violations on the page, as "rule: help at targets" lines. */
async function axeViolations(page: PageHandle): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE};globalThis.axe = axe;`);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

function activeLabel(library: PageHandle): Promise<string> {
  return library.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.getAttribute('aria-label') ?? active?.id ?? active?.textContent ?? '';
  });
}

function titles(library: PageHandle): Promise<string[]> {
  return library.evaluate(() => [...document.querySelectorAll('.lib-row .lib-title')].map((a) => (a.getAttribute('title') ?? '').trim()));
}

async function searchFor(library: PageHandle, query: string, expected: string[]): Promise<void> {
  await library.fill({ label: 'Search annotations' }, query);
  await library.waitForFunction(`JSON.stringify([...document.querySelectorAll('.lib-row .lib-title')].map((a) => a.getAttribute('title'))) === ${JSON.stringify(JSON.stringify(expected))}`, 5_000);
}

run.each(BROWSERS)('%s: the library page', (browserName) => {
  let driver: BrowserDriver;
  let library: PageHandle;

  beforeAll(async () => {
    driver = await launch(browserName);
    await driver.storageSet(SEED);
    library = await driver.openExtensionPage('library.html');
    await library.waitForSelector('.lib-row', 15_000);
  });

  afterAll(async () => {
    await driver?.close();
  });

  test('lists every annotated page, newest first, with site, date, link and verdict badges', async () => {
    expect(await titles(library)).toEqual([TROOPS_TITLE, 'Café Müller opens 40 shops', 'Budget deficit falls']);
    const link = { role: 'link', name: TROOPS_TITLE };
    expect(await library.attribute(link, 'href')).toBe('https://news.example/world/russia-troops');
    expect(await library.attribute(link, 'target')).toBe('_blank');
    const row = await library.evaluate(() => {
      const first = document.querySelector('.lib-row') as HTMLElement;
      return {
        site: first.querySelector('.lib-site')?.textContent,
        meta: (first.querySelector('.lib-meta') as HTMLElement).innerText,
        badges: [...first.querySelectorAll('.lib-badge')].map((b) => ({ text: (b as HTMLElement).innerText.replace(/\s+/g, ' '), verdict: b.getAttribute('data-verdict'), colour: getComputedStyle(b).backgroundColor })),
      };
    });
    expect(row.site).toBe('news.example');
    expect(row.meta).toMatch(/updated .*2026/);
    expect(row.meta).toContain('2 annotations');
    expect(row.badges).toEqual([
      { text: 'False 1', verdict: 'false', colour: 'rgb(213, 94, 0)' },
      { text: 'Unreviewed 1', verdict: 'unreviewed', colour: 'rgb(240, 228, 66)' },
    ]);
    expect(await library.text('.lib-count')).toBe('Pages shown: 3 of 3');
    await library.screenshot(artifactPath(`${browserName}-library.png`));
  });

  test('search filters as you type: accents, several words, notes, sources and tags', async () => {
    await searchFor(library, 'cafe muller', ['Café Müller opens 40 shops']);
    await searchFor(library, 'SAO PAULO', ['Café Müller opens 40 shops']);
    await searchFor(library, 'reuters', ['Café Müller opens 40 shops']); // source publisher
    await searchFor(library, 'agence', [TROOPS_TITLE]); // source publisher
    await searchFor(library, 'public record', [TROOPS_TITLE]); // note
    await searchFor(library, 'defence', [TROOPS_TITLE]); // tag
    await searchFor(library, 'the', [TROOPS_TITLE, 'Café Müller opens 40 shops', 'Budget deficit falls']);
    await searchFor(library, 'troops reuters', []);
    expect(await library.isVisible({ text: 'No annotated page matches your search.' })).toBe(true);
    expect(await library.text('.lib-count')).toBe('Pages shown: 0 of 3');
    await library.click({ role: 'button', name: 'Clear search' });
    await library.waitForFunction("document.querySelectorAll('.lib-row').length === 3", 5_000);
    expect(await library.value({ label: 'Search annotations' })).toBe('');
    await library.select({ label: 'Pages with claims marked' }, 'mixed');
    await library.waitForFunction("document.querySelectorAll('.lib-row').length === 1", 5_000);
    expect(await titles(library)).toEqual(['Budget deficit falls']);
    await library.select({ label: 'Pages with claims marked' }, 'all');
    await library.waitForFunction("document.querySelectorAll('.lib-row').length === 3", 5_000);
  });

  test('Delete removes the record through the background; Undo restores it byte for byte', async () => {
    const before = await driver.storageGet(TROOPS_KEY);
    expect(Object.keys(before)).toEqual([TROOPS_KEY]);
    await library.click({ role: 'button', name: `Delete annotations of ${TROOPS_TITLE}` });
    await driver.waitForStorage((items) => !(TROOPS_KEY in items) && CAFE_KEY in items);
    await library.waitForFunction("document.querySelectorAll('.lib-row').length === 2", 5_000);
    expect(await titles(library)).toEqual(['Café Müller opens 40 shops', 'Budget deficit falls']);
    expect(await library.text('.lib-toast > span')).toBe(`Deleted ${TROOPS_TITLE}.`);
    // Focus moves on to the next row's Delete button, so the keyboard user is not stranded. The
    // list may settle a render or two after the delete: wait for it, then check where focus is
    // (focus that went to the disappearing row's own button never comes back).
    await library.waitForFunction("document.activeElement?.getAttribute('aria-label') === 'Delete annotations of Café Müller opens 40 shops'", 5_000).catch(() => undefined);
    expect(await library.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete annotations of Café Müller opens 40 shops');

    expect(await axeViolations(library)).toEqual([]);

    await library.click({ role: 'button', name: 'Undo' });
    await driver.waitForStorage((items) => TROOPS_KEY in items);
    const after = await driver.storageGet(TROOPS_KEY);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect(after).toEqual({ [TROOPS_KEY]: SEED[TROOPS_KEY] });
    await library.waitForFunction("document.querySelectorAll('.lib-row').length === 3", 5_000);
    expect(await titles(library)).toEqual([TROOPS_TITLE, 'Café Müller opens 40 shops', 'Budget deficit falls']);
    expect(await library.text('.lib-toast > span')).toBe(`Restored ${TROOPS_TITLE}.`);
  });

  test('the keyboard reaches everything in order, with a way past the list', async () => {
    // The skip link is the first thing in tab order and shows when focused.
    const skip = await library.evaluate(() => {
      const first = document.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
      first?.focus();
      return { text: first?.textContent, top: first ? first.getBoundingClientRect().top : -1 };
    });
    expect(skip.text).toBe('Skip to settings');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await library.press('Tab');
    expect(await activeLabel(library)).toBe('lib-search');
    await library.press('Tab');
    expect(await library.evaluate(() => document.activeElement?.localName)).toBe('select');
    // Firefox makes a scroll container a tab stop of its own; Chromium does not when it holds focusable rows.
    await library.press('Tab');
    if (await library.evaluate(() => document.activeElement?.classList.contains('lib-scroll'))) await library.press('Tab');
    expect(await library.evaluate(() => document.activeElement?.getAttribute('title'))).toBe(TROOPS_TITLE);
    await library.press('Tab');
    expect(await activeLabel(library)).toBe(`Delete annotations of ${TROOPS_TITLE}`);
    const outline = await library.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await library.evaluate(() => (document.querySelector('.lib-skip') as HTMLElement).focus());
    await library.press('Enter');
    await library.waitForFunction("document.activeElement && document.activeElement.id === 'settings-heading'", 5_000);
    await library.press('Tab');
    expect(await library.evaluate(() => document.activeElement?.closest('label')?.firstChild?.textContent)).toBe('Look for claims');
  });

  test('settings are saved through the background and persist after a reload', async () => {
    await library.select({ label: 'Look for claims' }, 'news-like');
    await library.select({ label: 'Highlight style' }, 'underline');
    await library.select({ label: 'Claim detection' }, 'more');
    // Each sensitivity shows the precision and recall cross-validation measured for it (from the model file).
    const options = await library.evaluate(() => [...document.querySelectorAll('option[value="fewer"], option[value="balanced"], option[value="more"]')].map((o) => o.textContent ?? ''));
    expect(options).toHaveLength(3);
    for (const option of options) expect(option).toMatch(/ — precision \d+ %, recall \d+ %$/);
    expect(Number(/precision (\d+)/.exec(options[0] ?? '')?.[1])).toBeGreaterThanOrEqual(85);
    expect(Number(/recall (\d+)/.exec(options[2] ?? '')?.[1])).toBeGreaterThanOrEqual(90);

    const site = { label: 'Site to turn Factmark off on' };
    await library.fill(site, 'not a site');
    await library.click({ role: 'button', name: 'Add site' });
    expect(await library.text({ role: 'alert' })).toContain('“not a site” is not a site address');
    expect(await library.attribute(site, 'aria-invalid')).toBe('true');
    await library.fill(site, 'https://WWW.Example.org/news/today');
    await library.press('Enter');
    await library.waitForSelector({ role: 'button', name: 'Remove www.example.org' });
    expect(await library.value(site)).toBe('');
    await library.fill(site, 'other.example');
    await library.click({ role: 'button', name: 'Add site' });
    await library.waitForSelector({ role: 'button', name: 'Remove other.example' });
    await library.fill(site, 'www.example.org');
    await library.click({ role: 'button', name: 'Add site' });
    expect(await library.text({ role: 'alert' })).toBe('www.example.org is already in the list.');
    await library.click({ role: 'button', name: 'Remove other.example' });
    await library.waitFor({ role: 'button', name: 'Remove other.example' }, { state: 'detached' });

    await library.fill({ label: 'Reviewer name' }, 'Ana Ruiz');
    await library.fill({ label: 'Organisation' }, 'Example Fact Desk');
    await library.press('Tab');

    const expected = { scanMode: 'news-like', highlightStyle: 'underline', sensitivity: 'more', disabledSites: ['www.example.org'], reviewerName: 'Ana Ruiz', organisation: 'Example Fact Desk', collectFactChecks: true, knownThreshold: DEFAULT_SETTINGS.knownThreshold, claimOrder: 'reading' };
    const items = await driver.waitForStorage((all) => {
      const settings = all.settings as Record<string, unknown> | undefined;
      return settings?.organisation === 'Example Fact Desk' && settings.reviewerName === 'Ana Ruiz';
    });
    expect(items.settings).toEqual(expected);

    await library.reload();
    await library.waitForSelector({ label: 'Look for claims' }, 15_000);
    expect(await library.value({ label: 'Look for claims' })).toBe('news-like');
    expect(await library.value({ label: 'Highlight style' })).toBe('underline');
    expect(await library.value({ label: 'Claim detection' })).toBe('more');
    expect(await library.value({ label: 'Reviewer name' })).toBe('Ana Ruiz');
    expect(await library.value({ label: 'Organisation' })).toBe('Example Fact Desk');
    expect(await library.texts('.lib-site-list li > span')).toEqual(['www.example.org']);
    await library.screenshot(artifactPath(`${browserName}-library-settings.png`), { fullPage: true });
  });

  test('a long list keeps a short DOM; pages stored while the library is open appear without a reload', async () => {
    const more: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++) {
      const url = `https://bulk.example/story-${i}`;
      const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
      more[`page:${url}`] = {
        key: url,
        url,
        title: `Bulk story ${i}`,
        updatedAt: at,
        annotations: { x: { id: 'x', origin: 'detected', selector: selector(`Claim ${i} about zeppelins.`), verdict: 'true', note: '', sources: [], tags: [], createdAt: at, updatedAt: at } },
      };
    }
    await driver.storageSet(more);
    await library.waitForFunction("document.querySelector('.lib-count')?.textContent === 'Pages shown: 503 of 503'", 15_000);
    const dom = await library.evaluate(() => ({ rows: document.querySelectorAll('.lib-row').length, setsize: document.querySelector('.lib-row')?.getAttribute('aria-setsize') }));
    expect(dom.rows).toBeLessThan(40);
    expect(dom.setsize).toBe('503');
    await library.evaluate(() => {
      const scroller = document.querySelector('.lib-scroll') as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight;
    });
    await library.waitForFunction("[...document.querySelectorAll('.lib-row')].some((row) => row.getAttribute('aria-posinset') === '503')", 5_000);
    const last = await library.evaluate(() => {
      const rows = [...document.querySelectorAll('.lib-row')];
      const row = rows.find((r) => r.getAttribute('aria-posinset') === '503');
      return { title: row?.querySelector('.lib-title')?.getAttribute('title'), rows: rows.length, visible: row ? row.getBoundingClientRect().bottom <= (document.querySelector('.lib-scroll') as HTMLElement).getBoundingClientRect().bottom + 1 : false };
    });
    expect(last).toEqual({ title: 'Bulk story 0', rows: expect.any(Number), visible: true });
    expect(last.rows).toBeLessThan(40);
    await searchFor(library, 'zeppelins story-49', ['Bulk story 499', 'Bulk story 498', 'Bulk story 497', 'Bulk story 496', 'Bulk story 495', 'Bulk story 494', 'Bulk story 493', 'Bulk story 492', 'Bulk story 491', 'Bulk story 490', 'Bulk story 49']);
    await library.fill({ label: 'Search annotations' }, '');
  });
});
