// Hostile pages, part 1: no page element can switch Factmark off by shadowing the names its
// content script and the polyfill read (DOM clobbering: elements with ids or names become
// properties of window and document). Upstream bug mozilla/webextension-polyfill#720.
import { BROWSERS, hasBuiltExtension, launch, type BrowserDriver, type PageHandle } from './harness/driver';
import { startServer, type TestServer } from './harness/server';
import { clobberingMarkup, hostileArticle } from './hostile/pages';

const run = hasBuiltExtension() ? describe : describe.skip;

run.each(BROWSERS)('%s: clobbering pages cannot switch Factmark off', (browserName) => {
  let server: TestServer;
  let driver: BrowserDriver;

  beforeAll(async () => {
    server = await startServer();
    server.setRoute('/polyfill-720.html', { body: hostileArticle('<form id="browser"><input name="runtime" id="x"></form>') });
    server.setRoute('/clobbered.html', { body: hostileArticle(clobberingMarkup()) });
    driver = await launch(browserName);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  /** The page's claims as the popup asks for them. */
  const pageState = (url: string) =>
    driver.tabIdOf(url).then((id) =>
      driver.extensionEvaluate(async (tab: number) => {
        const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
        return (await (g.browser ?? g.chrome)!.tabs.sendMessage(tab, { to: 'content', type: 'page.state', payload: {} })) as { ok: boolean; value: { claims: Array<{ id: string; text: string }> } };
      }, id),
    );

  const expectWorking = async (page: PageHandle, url: string) => {
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const state = await pageState(url);
    expect(state.ok).toBe(true);
    expect(state.value.claims.map((c) => c.text).join(' ')).toContain('voted 7 to 2');
    // The hover card still shows (it reads document and window in the content script).
    await page.hover({ css: 'mark[data-factmark-id]', nth: 0 });
    // The page's own document.querySelector may be clobbered too: the test uses the prototype's.
    await page.waitForFunction(() => Document.prototype.querySelector.call(document, 'factmark-card') !== null, 5_000);
  };

  test('the upstream bug: <form id="browser"><input name="runtime" id="x"></form>', async () => {
    const url = server.url('/polyfill-720.html');
    const page = await driver.openPage(url);
    await expectWorking(page, url);
    expect(page.pageErrors()).toEqual([]);
    await page.close();
  });

  test('every shape at once: ids and names of globals, document properties, nested forms', async () => {
    const url = server.url('/clobbered.html');
    const page = await driver.openPage(url);
    await expectWorking(page, url);
    await page.close();
  });
});
