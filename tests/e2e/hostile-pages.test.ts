// Hostile pages, part 2: pages that forge Factmark's highlights, forbid everything by CSP,
// patch the built-ins their scripts share with nobody but themselves, or keep removing the
// highlights. Factmark keeps working on each, in both browsers, and never fights a page forever.
import { BROWSERS, hasBuiltExtension, launch, type BrowserDriver, type PageHandle } from './harness/driver';
import { startServer, type TestServer } from './harness/server';
import { hostileArticle } from './hostile/pages';

const run = hasBuiltExtension() ? describe : describe.skip;

/** Marks inside the article body (#body), where only Factmark draws; the forgeries live elsewhere or carry data-forged. */
const REAL_MARKS = 'Array.prototype.filter.call(Document.prototype.querySelectorAll.call(document, "#body mark[data-factmark-id]"), (m) => !m.hasAttribute("data-forged"))';

const FORGED_OUTSIDE = '<aside><mark data-factmark-id="spoof">A page-made look-alike outside the article.</mark></aside>';
const FORGED_INSIDE_SCRIPT = `addEventListener('load', () => { const p = document.querySelector('#body p'); p.insertAdjacentHTML('beforeend', ' <mark class="factmark-highlight" data-markjs="true" data-factmark-id="forged" data-factmark-verdict="true" data-forged tabindex="0">Forged highlight.</mark>'); });`;
/** Unwraps the article's marks once, 2.5 s after load (a framework re-render): they must come back despite the forgery outside. */
const REMOVE_ONCE = `setTimeout(() => { for (const m of [...document.querySelectorAll('#body mark')]) m.replaceWith(...m.childNodes); window.removedOnce = true; }, 2500);`;
/** Unwraps every mark as soon as it appears, forever, counting them. */
const REMOVE_ALWAYS = `window.markWaves = []; new MutationObserver((records) => { let added = 0; for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'MARK') { added++; n.replaceWith(...n.childNodes); } if (added) window.markWaves.push(performance.now()); }).observe(document.documentElement, { childList: true, subtree: true });`;
/** Built-ins patched to throw, in the page's world. */
const PATCHES = `
const fail = (name) => function () { throw new Error('patched ' + name); };
Node.prototype.appendChild = fail('appendChild'); Node.prototype.insertBefore = fail('insertBefore'); Node.prototype.replaceChild = fail('replaceChild');
Array.prototype.map = fail('map'); Array.prototype.forEach = fail('forEach'); Array.prototype.sort = fail('sort');
JSON.parse = fail('JSON.parse'); JSON.stringify = fail('JSON.stringify');
window.MutationObserver = fail('MutationObserver'); window.IntersectionObserver = fail('IntersectionObserver');
Element.prototype.attachShadow = fail('attachShadow'); Element.prototype.closest = fail('closest'); Element.prototype.matches = fail('matches');
Document.prototype.createTreeWalker = fail('createTreeWalker'); Document.prototype.createRange = fail('createRange');
Element.prototype.scrollIntoView = fail('scrollIntoView'); window.requestAnimationFrame = fail('requestAnimationFrame');
window.scheduler = { yield: fail('scheduler.yield'), postTask: fail('scheduler.postTask') };`;
// (The page's Promise.prototype.then, setTimeout, addEventListener, Array.prototype.filter and Array.from are left alone: the test
// harness drives the page through them.)

run.each(BROWSERS)('%s: hostile pages', (browserName) => {
  let server: TestServer;
  let driver: BrowserDriver;

  beforeAll(async () => {
    server = await startServer();
    server.setRoute('/spoof-outside.html', { body: hostileArticle(FORGED_OUTSIDE, REMOVE_ONCE) });
    server.setRoute('/spoof-inside.html', { body: hostileArticle('', FORGED_INSIDE_SCRIPT) });
    server.setRoute('/strict-csp.html', { body: hostileArticle('', 'window.ranScript = true;'), headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; connect-src 'none'" } });
    server.setRoute('/patched.html', { body: hostileArticle('', PATCHES) });
    server.setRoute('/remover.html', { body: hostileArticle('', REMOVE_ALWAYS) });
    driver = await launch(browserName);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  const realMarkCount = (page: PageHandle) => page.evaluate<number>(`${REAL_MARKS}.length`);
  const claimsOf = async (url: string) => {
    const tab = await driver.tabIdOf(url);
    return driver.extensionEvaluate(async (id: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      const reply = (await (g.browser ?? g.chrome)!.tabs.sendMessage(id, { to: 'content', type: 'page.state', payload: {} })) as { value: { claims: Array<{ text: string }> } };
      return reply.value.claims.map((claim) => claim.text);
    }, tab);
  };
  const cardShown = (page: PageHandle) => page.evaluate(() => Document.prototype.querySelector.call(document, 'factmark-card') !== null);

  test('a page-made <mark data-factmark-id> does not stop Factmark restoring highlights the page removed', async () => {
    const page = await driver.openPage(server.url('/spoof-outside.html'));
    await page.waitForFunction(`${REAL_MARKS}.length > 0`, 15_000);
    const before = await realMarkCount(page);
    await page.waitForFunction('window.removedOnce === true', 10_000);
    await page.waitForFunction(`${REAL_MARKS}.length === ${before}`, 15_000);
    expect(await page.evaluate(() => Document.prototype.querySelector.call(document, 'aside mark')?.textContent)).toBe('A page-made look-alike outside the article.');
    await page.close();
  });

  test('a forged mark.factmark-highlight[data-markjs] is left alone: no card for it, not unwrapped when Factmark clears its own', async () => {
    const url = server.url('/spoof-inside.html');
    const page = await driver.openPage(url);
    await page.waitForFunction(`${REAL_MARKS}.length > 0`, 15_000);
    await page.waitForSelector('mark[data-forged]', 5_000);
    await page.hover('mark[data-forged]');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await cardShown(page)).toBe(false);
    // Turning Factmark off for the site clears every highlight of Factmark's, and only those.
    const settings = (await driver.storageGet('settings')).settings as Record<string, unknown>;
    await driver.storageSet({ settings: { ...settings, disabledSites: ['127.0.0.1'] } });
    await page.waitForFunction(`${REAL_MARKS}.length === 0`, 10_000);
    expect(await page.evaluate(() => Document.prototype.querySelector.call(document, 'mark[data-forged]')?.textContent)).toBe('Forged highlight.');
    await driver.storageSet({ settings: { ...settings, disabledSites: [] } });
    await page.close();
  });

  test('strict CSP (no scripts, styles, images or connections for the page): highlights and the card still work', async () => {
    const url = server.url('/strict-csp.html');
    const page = await driver.openPage(url);
    await page.waitForFunction(`${REAL_MARKS}.length > 0`, 15_000);
    expect(await page.evaluate('window.ranScript === true')).toBe(false);
    expect((await claimsOf(url)).join(' ')).toContain('voted 7 to 2');
    await page.hover({ css: '#body mark[data-factmark-id]', nth: 0 });
    await page.waitForFunction(() => Document.prototype.querySelector.call(document, 'factmark-card') !== null, 5_000);
    await page.close();
  });

  test('patched built-ins (appendChild, Array.prototype.map, JSON.parse, MutationObserver, attachShadow, ...) do not reach Factmark', async () => {
    const url = server.url('/patched.html');
    const page = await driver.openPage(url);
    await page.waitForFunction(`Document.prototype.querySelectorAll.call(document, '#body mark[data-factmark-id]').length > 0`, 15_000);
    expect((await claimsOf(url)).join(' ')).toContain('voted 7 to 2');
    // Keyboard "next claim" focuses the first highlight, which opens the card in its shadow root.
    // (The harness's own hover needs the page's matches(), patched here.)
    const tab = await driver.tabIdOf(url);
    const stepped = await driver.extensionEvaluate(async (id: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      return (await (g.browser ?? g.chrome)!.tabs.sendMessage(id, { to: 'content', type: 'claim.step', payload: { direction: 1 } })) as { ok: boolean; value: string | null };
    }, tab);
    expect(stepped.ok && typeof stepped.value).toBe('string');
    await page.waitForFunction(() => Document.prototype.querySelector.call(document, 'factmark-card') !== null, 5_000);
    await page.close();
  });

  test('a page that keeps removing the highlights: they come back, then Factmark stops writing (no endless fight)', async () => {
    const page = await driver.openPage(server.url('/remover.html'));
    const waves = () => page.evaluate<number[]>('window.markWaves');
    // Highlights drawn, removed and drawn again at least once.
    await page.waitForFunction('window.markWaves.length > 0 && window.markWaves[window.markWaves.length - 1] - window.markWaves[0] > 300', 20_000);
    // Then quiet: no mark inserted over 4 s, within 30 s.
    const deadline = Date.now() + 30_000;
    let quiet = false;
    while (!quiet && Date.now() < deadline) {
      const seen = (await waves()).length;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      quiet = (await waves()).length === seen;
    }
    expect(quiet).toBe(true);
    // The claims are still there for the popup.
    expect((await claimsOf(server.url('/remover.html'))).join(' ')).toContain('voted 7 to 2');
    await page.close();
  });
});
