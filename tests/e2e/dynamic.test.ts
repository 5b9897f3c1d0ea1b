// Pages that change after load, and claims added from a selection, in both browsers.
import { BROWSERS, hasBuiltExtension, launch, type BrowserDriver, type PageHandle } from './harness/driver';
import { startServer, type TestServer } from './harness/server';

const PARAGRAPHS = [
  'The city council voted 7 to 2 on Tuesday to raise the transit budget by 12 percent, the largest increase since 2009.',
  'Mayor Ana Ruiz said the plan would add 40 buses by March and cut average waiting times from 14 minutes to 9 minutes.',
  'Critics argued that the money should go to road repairs instead, and several residents spoke against the measure at the meeting.',
  'According to the transit authority, ridership fell 18 percent in 2020 and has since recovered to 91 percent of its earlier level.',
  'The state legislature passed a similar law in 2017 that required cities to publish their transit budgets every year.',
];

function articlePage(script: string): string {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council raises transit budget</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article id="story"><h1>Council raises transit budget</h1><div id="body">${body}</div></article></main>
<footer>Copyright 2024 The Example Times</footer><script>${script}</script></body></html>`;
}

const run = hasBuiltExtension() ? describe : describe.skip;

run.each(BROWSERS)('%s: dynamic pages and claims from selections', (browserName) => {
  let server: TestServer;
  let driver: BrowserDriver;

  beforeAll(async () => {
    server = await startServer();
    server.setRoute('/lazy.html', { body: articlePage(`setTimeout(() => { const p = document.createElement('p'); p.textContent = 'Officials confirmed on Friday that 3,200 new riders registered in the first week, up 25 percent from last year.'; document.getElementById('body').append(p); }, 1500);`) });
    server.setRoute('/rerender.html', { body: articlePage(`setTimeout(() => { const b = document.getElementById('body'); b.innerHTML = b.innerHTML.replace(/<mark[^>]*>/g, '').replace(/<\\/mark>/g, ''); }, 2500);`) });
    server.setRoute('/spa.html', { body: articlePage(`const first = document.getElementById('body').innerHTML; window.addEventListener('popstate', () => { document.getElementById('body').innerHTML = first; }); window.goNext = () => { history.pushState({}, '', '/spa-second.html'); document.getElementById('body').innerHTML = '<p>The second story reports that the harbour handled 2.4 million containers in 2023, a record for the port.</p><p>Port officials said that exports of grain rose 30 percent after the new terminal opened in May.</p><p>Shipping companies expect volumes to keep growing as the canal is widened over the next two years.</p>'; };`) });
    server.setRoute('/static.html', { body: articlePage('') });
    driver = await launch(browserName);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  const marked = (page: PageHandle) => page.evaluate(() => [...document.querySelectorAll('mark[data-factmark-id]')].map((m) => m.textContent).join(' '));

  test('content added after load is scanned and highlighted', async () => {
    const page = await driver.openPage(server.url('/lazy.html'));
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    await page.waitForFunction(() => [...document.querySelectorAll('mark')].some((m) => (m.textContent ?? '').includes('3,200 new riders')), 15_000);
    await page.close();
  });

  test('marks dropped by a page script re-rendering are restored, with no feedback loop', async () => {
    const page = await driver.openPage(server.url('/rerender.html'));
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const before = await marked(page);
    await page.waitForFunction(() => (window as unknown as { rerendered?: boolean }).rerendered === true || document.querySelectorAll('mark').length === 0, 6_000).catch(() => undefined);
    await page.waitForFunction(() => document.querySelectorAll('mark[data-factmark-id]').length > 0, 15_000);
    // Let it settle, then count our DOM insertions over two seconds: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await page.evaluate(() => {
      const w = window as unknown as { markInsertions: number };
      w.markInsertions = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'MARK') w.markInsertions++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await page.evaluate(() => (window as unknown as { markInsertions: number }).markInsertions)).toBe(0);
    expect(await marked(page)).toBe(before);
    await page.close();
  });

  test('single-page-app navigation (pushState, then back: popstate) re-scans the content under each URL', async () => {
    const page = await driver.openPage(server.url('/spa.html'));
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    await page.evaluate(() => (window as unknown as { goNext(): void }).goNext());
    await page.waitForFunction(() => [...document.querySelectorAll('mark')].some((m) => (m.textContent ?? '').includes('2.4 million containers')), 15_000);
    const tabId = await driver.tabIdOf(server.url('/spa-second.html'));
    const state = await driver.extensionEvaluate(async (id: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      const api = (g.browser ?? g.chrome)!;
      return (await api.tabs.sendMessage(id, { to: 'content', type: 'page.state', payload: {} })) as { ok: boolean; value: { url: string; claims: Array<{ text: string }> } };
    }, tabId);
    expect(state.value.url).toContain('/spa-second.html');
    expect(state.value.claims.map((c) => c.text).join(' ')).toContain('2.4 million containers');
    // Back: the page script puts the first story back on popstate.
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => [...document.querySelectorAll('mark')].some((m) => (m.textContent ?? '').includes('voted 7 to 2')), 15_000);
    const back = await driver.extensionEvaluate(async (id: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      return (await (g.browser ?? g.chrome)!.tabs.sendMessage(id, { to: 'content', type: 'page.state', payload: {} })) as { value: { url: string; claims: Array<{ text: string }> } };
    }, tabId);
    expect(back.value.url).toMatch(/\/spa\.html$/);
    expect(back.value.claims.map((c) => c.text).join(' ')).not.toContain('2.4 million containers');
    await page.close();
  });

  test('a selection spanning inline elements and paragraphs becomes the reader’s claim', async () => {
    const page = await driver.openPage(server.url('/static.html'));
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    await page.evaluate(() => {
      // Text nodes may already be split by highlights: find the ones holding each end.
      const textWith = (needle: string) => {
        const walker = document.createTreeWalker(document.getElementById('body') as Node, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.includes(needle)) return node as Text;
        throw new Error(`no text node with ${needle}`);
      };
      const range = document.createRange();
      const first = textWith('several residents');
      range.setStart(first, first.data.indexOf('several residents'));
      const last = textWith('According to');
      range.setEnd(last, last.data.indexOf('According to') + 'According to'.length);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    const tabId = await driver.tabIdOf(server.url('/static.html'));
    const reply = await driver.extensionEvaluate(async (id: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      const api = (g.browser ?? g.chrome)!;
      return (await api.tabs.sendMessage(id, { to: 'content', type: 'selection.add', payload: {} })) as { ok: boolean; value?: string; error?: string };
    }, tabId);
    expect(reply).toMatchObject({ ok: true });
    const items = await driver.waitForStorage((all) => Object.values(all).some((v) => JSON.stringify(v).includes('"origin":"user"')), 10_000);
    const record = Object.values(items).find((v) => JSON.stringify(v).includes('"origin":"user"')) as { annotations: Record<string, { selector: { quote: { exact: string } } }> };
    const exact = record.annotations[reply.value as string]?.selector.quote.exact ?? '';
    expect(exact.startsWith('several residents spoke against the measure at the meeting.')).toBe(true);
    expect(exact.endsWith('According to')).toBe(true);
    await page.waitForFunction(`[...document.querySelectorAll('mark')].some((m) => m.getAttribute('data-factmark-id') === ${JSON.stringify(reply.value)})`, 10_000);
    await page.close();
  });

  test('turning Factmark off for the site from the popup removes the highlights; the highlight style setting applies', async () => {
    const page = await driver.openPage(server.url('/static.html'));
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const tabId = await driver.tabIdOf(server.url('/static.html'));
    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.click({ role: 'button', name: 'Turn off for 127.0.0.1', exact: true });
    await page.waitForFunction(() => document.querySelectorAll('mark[data-factmark-id]').length === 0, 10_000);
    await popup.waitForSelector({ role: 'button', name: 'Turn on for 127.0.0.1', exact: true }, 10_000);
    await popup.click({ role: 'button', name: 'Turn on for 127.0.0.1', exact: true });
    await page.waitForSelector('mark[data-factmark-id]', 10_000);
    const settings = (await driver.storageGet('settings')).settings as Record<string, unknown>;
    await driver.storageSet({ settings: { ...settings, highlightStyle: 'underline' } });
    await page.waitForSelector('mark[data-factmark-style="underline"]', 10_000);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('mark[data-factmark-id]') as Element).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    await popup.close();
    await page.close();
  });
});
