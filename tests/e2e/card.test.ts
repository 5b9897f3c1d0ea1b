// The card that hover or keyboard focus on a highlight shows: verdict, note excerpt and number of
// sources, in a closed shadow root that hostile page CSS cannot hide or restyle. Page scripts
// cannot see into a closed root, so the test proves it is there by placement (the card is what
// the page hit-tests at the card's place) and, in Chromium, reads its text through the DevTools
// protocol; WebDriver BiDi offers no way in, so Firefox checks everything but the text.
import { BROWSERS, hasBuiltExtension, type PageHandle } from './harness/driver';
import { useBrowserSession } from './harness/session';

const PARAGRAPHS = [
  'The city council voted 7 to 2 on Tuesday to raise the transit budget by 12 percent, the largest increase since 2009.',
  'Mayor Ana Ruiz said the plan would add 40 buses by March and cut average waiting times from 14 minutes to 9 minutes.',
  'According to the transit authority, ridership fell 18 percent in 2020 and has since recovered to 91 percent of its earlier level.',
  'The state legislature passed a similar law in 2017 that required cities to publish their transit budgets every year.',
];

// Rules a careless or hostile stylesheet might have: anything after <body> hidden, tooltips and
// divs shrunk and made transparent, every element restyled with !important.
const HOSTILE_CSS = `
body ~ *, html > :not(head):not(body) { display: none !important; }
[role="tooltip"], div { font-size: 2px !important; color: transparent !important; background: transparent !important; }
* { position: static !important; visibility: visible; z-index: 0 !important; }
`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council raises transit budget</title><style>${HOSTILE_CSS}</style></head>
<body><header><nav><a href="/">Home</a></nav></header>
<main><article><h1>Council raises transit budget</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article></main></body></html>`;

const NOTE = 'Checked against the council minutes: the vote was 6 to 3.';

const run = hasBuiltExtension() ? describe : describe.skip;

/** Where the card of the mark with this claim id is, what the page hit-tests there, and what the host hides. */
function probeCard(page: PageHandle, id: string) {
  return page.evaluate((claimId: string) => {
    const mark = [...document.querySelectorAll('mark[data-factmark-id]')].find((m) => m.getAttribute('data-factmark-id') === claimId);
    const host = document.querySelector('factmark-card');
    if (!mark || !host) return { host: Boolean(host), hit: false, openRoot: false, hasRoot: false };
    const box = mark.getBoundingClientRect();
    // The card's placement rule: below the mark, left-aligned with it, kept inside the viewport.
    const left = Math.max(8, Math.min(box.left, window.innerWidth - 330));
    const top = box.bottom + 90 < window.innerHeight ? box.bottom + 6 : Math.max(8, box.top - 80);
    const hit = document.elementFromPoint(left + 24, top + 12) === host;
    let hasRoot = false;
    try {
      host.attachShadow({ mode: 'open' });
    } catch {
      // Only an element that already has a shadow root refuses a new one.
      hasRoot = true;
    }
    return { host: true, hit, openRoot: host.shadowRoot !== null, hasRoot };
  }, id);
}

run.each(BROWSERS)('%s: the highlight card', (browserName) => {
  const session = useBrowserSession(browserName);
  beforeAll(() => session.server.setRoute('/card.html', { body: PAGE }));

  test('focus and hover show verdict, note and sources in a closed root that page CSS cannot break', async () => {
    const { server, driver } = session;
    const url = server.url('/card.html');
    const page = await driver.openPage(url);
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const tabId = await driver.tabIdOf(url);
    // Review the first claim through the background, as the popup does.
    const first = await driver.extensionEvaluate(async (tab: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> }; runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } | undefined>;
      const api = (g.browser ?? g.chrome)!;
      const state = (await api.tabs.sendMessage(tab, { to: 'content', type: 'page.state', payload: {} })) as { value: { key: string; url: string; title: string; claims: Array<{ id: string; selector: unknown }> } };
      const [claim, second] = state.value.claims;
      const page = { key: state.value.key, url: state.value.url, title: state.value.title };
      const edit = { verdict: 'false', note: 'Checked against the council minutes: the vote was 6 to 3.', sources: [{ url: 'https://council.example/minutes', title: 'Minutes', quote: '', publisher: 'City council' }] };
      const saved = await api.runtime.sendMessage({ to: 'background', type: 'annotation.save', payload: { page, id: claim!.id, origin: 'detected', selector: claim!.selector, edit } });
      return { id: claim!.id, second: second!.id, saved: saved.ok };
    }, tabId);
    expect(first.saved).toBe(true);
    await page.waitForFunction(`document.querySelector('mark[data-factmark-verdict="false"]') !== null`, 15_000);

    // Keyboard focus on the reviewed claim's highlight.
    await page.evaluate((id: string) => {
      const mark = [...document.querySelectorAll<HTMLElement>('mark[tabindex="0"]')].find((m) => m.getAttribute('data-factmark-id') === id);
      mark?.focus();
    }, first.id);
    await page.waitForFunction(`document.querySelector('factmark-card') !== null`, 5_000);
    expect(await probeCard(page, first.id)).toEqual({ host: true, hit: true, openRoot: false, hasRoot: true });
    const focusedTexts = await page.closedShadowTexts('factmark-card');
    if (browserName === 'chromium') expect(focusedTexts).not.toBeNull();
    if (focusedTexts) {
      expect(focusedTexts[0]).toBe('False');
      expect(focusedTexts[1]).toBe(NOTE);
      expect(focusedTexts[2]).toMatch(/^1 source\b/);
    }

    // The pointer over an unreviewed claim moves the card there.
    await page.hover({ css: `mark[tabindex="0"][data-factmark-id="${first.second}"]` });
    await page.waitForFunction(`(() => { const m = document.querySelector('mark[data-factmark-id="${first.second}"]'); const b = m.getBoundingClientRect(); const left = Math.max(8, Math.min(b.left, innerWidth - 330)); const top = b.bottom + 90 < innerHeight ? b.bottom + 6 : Math.max(8, b.top - 80); return document.elementFromPoint(left + 24, top + 12) === document.querySelector('factmark-card'); })()`, 5_000);
    const hoverTexts = await page.closedShadowTexts('factmark-card');
    if (hoverTexts) {
      expect(hoverTexts[0]).toBe('Unreviewed');
      expect(hoverTexts[1]).toMatch(/^No sources\b/);
    }

    // The pointer moving off the highlights hides it; so does focus moving elsewhere.
    const hidden = `(() => { const h = document.querySelector('factmark-card'); for (let y = 0; y < innerHeight; y += 8) for (let x = 0; x < innerWidth; x += 8) if (document.elementFromPoint(x, y) === h) return false; return true; })()`;
    await page.hover('h1');
    await page.waitForFunction(hidden, 5_000);
    // (The mark kept focus meanwhile: focus leaves and comes back, so focusin fires again.)
    await page.evaluate(() => document.querySelector<HTMLElement>('nav a')?.focus());
    await page.evaluate((id: string) => [...document.querySelectorAll<HTMLElement>('mark[tabindex="0"]')].find((m) => m.getAttribute('data-factmark-id') === id)?.focus(), first.id);
    expect((await probeCard(page, first.id)).hit).toBe(true);
    await page.evaluate(() => document.querySelector<HTMLElement>('nav a')?.focus());
    await page.waitForFunction(hidden, 5_000);
    await page.close();
  });
});
