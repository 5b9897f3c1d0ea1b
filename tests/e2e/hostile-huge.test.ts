// Hostile pages, part 3: the 10 MB article (about 24,000 paragraphs, generated from the sample
// article's text). What the reader sees works as on any page: highlights where the reader looks,
// the rest drawn as the reader scrolls or reveals a claim, and the popup lists every claim. Speed
// is measured by `npm run bench -- --huge-only`, not here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hugeArticle } from '../../scripts/huge-article.mjs';
import { BROWSERS, hasBuiltExtension } from './harness/driver';
import { REPO_ROOT } from './harness/server';
import { useBrowserSession } from './harness/session';

const SHARED_SAMPLE = join(REPO_ROOT, '..', 'shared', 'samples', 'venezuela-russia-article.txt');
const run = hasBuiltExtension() && existsSync(SHARED_SAMPLE) ? describe : describe.skip;

run.each(BROWSERS)('%s: a 10 MB article', (browserName) => {
  const session = useBrowserSession(browserName);
  beforeAll(() => session.server.setRoute('/huge.html', { body: hugeArticle(readFileSync(SHARED_SAMPLE, 'utf8')).html }));

  test('highlights where the reader looks, the far ones on scroll or reveal; the popup lists them all', async () => {
    const { server, driver } = session;
    const url = server.url('/huge.html');
    const page = await driver.openPage(url);
    const inView = () => page.evaluate(() => [...document.querySelectorAll('mark[data-factmark-id]')].filter((m) => { const r = m.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }).length);
    await page.waitForFunction(() => [...document.querySelectorAll('mark[data-factmark-id]')].some((m) => m.getBoundingClientRect().top < innerHeight), 150_000);
    expect(await inView()).toBeGreaterThan(0);
    // Nothing drawn far below: the last paragraphs have no highlight yet.
    expect(await page.evaluate(() => [...document.querySelectorAll('article p')].slice(-200).some((p) => p.querySelector('mark')))).toBe(false);
    // The popup's list has every claim, including those of the last part.
    const tab = await driver.tabIdOf(url);
    const claims = await driver.extensionEvaluate(async (id: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      const reply = (await (g.browser ?? g.chrome)!.tabs.sendMessage(id, { to: 'content', type: 'page.state', payload: {} })) as { value: { claims: Array<{ id: string; text: string; anchored: boolean }> } };
      return reply.value.claims.filter((claim) => claim.anchored).map((claim) => ({ id: claim.id, text: claim.text }));
    }, tab);
    const drawn = await page.evaluate(() => new Set([...document.querySelectorAll('mark[data-factmark-id]')].map((m) => m.getAttribute('data-factmark-id'))).size);
    expect(claims.length).toBeGreaterThan(10 * drawn);
    // Revealing a claim of the last part draws it and scrolls to it.
    const far = claims[claims.length - 1] as { id: string; text: string };
    const revealed = await driver.extensionEvaluate(async ([id, claimId]: [number, string]) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      return (await (g.browser ?? g.chrome)!.tabs.sendMessage(id, { to: 'content', type: 'claim.reveal', payload: { id: claimId } })) as { ok: boolean; value: boolean };
    }, [tab, far.id] as [number, string]);
    expect(revealed).toEqual({ ok: true, value: true });
    await page.waitForFunction(`[...document.querySelectorAll('mark[data-factmark-id]')].some((m) => m.getAttribute('data-factmark-id') === ${JSON.stringify(far.id)} && m.getBoundingClientRect().top < innerHeight && m.getBoundingClientRect().bottom > 0)`, 30_000);
    // Scrolling to the middle draws the highlights there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForFunction(() => [...document.querySelectorAll('mark[data-factmark-id]')].some((m) => { const r = m.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }), 30_000);
    await page.close();
  }, 300_000);
});
