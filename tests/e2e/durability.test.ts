// Work is never lost: a verdict survives a browser restart, and concurrent editors
// (two popups and the library page) lose no edit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, hasBuiltExtension, launch, type BrowserDriver } from './harness/driver';
import { startServer, type TestServer } from './harness/server';

const run = hasBuiltExtension() ? describe : describe.skip;
const SAMPLE = '/sample/venezuela-russia.html';

interface Stored {
  verdict: string | null;
  note: string;
  tags: string[];
}

run.each(BROWSERS)('%s: durability', (browserName) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  test('a verdict set in the popup survives a browser restart (persistent profile)', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), `factmark-profile-${browserName}-`));
    try {
      let driver: BrowserDriver = await launch(browserName, { profileDir });
      let page = await driver.openPage(server.url(SAMPLE));
      await page.waitForSelector('mark[data-factmark-id]', 15_000);
      const tabId = await driver.tabIdOf(server.url(SAMPLE));
      const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.waitForSelector('.claim', 15_000);
      const id = (await popup.attribute({ css: '.claim', nth: 1 }, 'data-claim-id')) as string;
      await popup.select({ label: 'Verdict', exact: true, nth: 1 }, 'misleading');
      await driver.waitForStorage((all) => JSON.stringify(all).includes('"verdict":"misleading"'), 10_000);
      await driver.close();

      driver = await launch(browserName, { profileDir });
      try {
        page = await driver.openPage(server.url(SAMPLE));
        await page.waitForSelector(`mark[data-factmark-id="${id}"][data-factmark-verdict="misleading"]`, 15_000);
        const again = await driver.openExtensionPage(`popup.html?tab=${await driver.tabIdOf(server.url(SAMPLE))}`);
        await again.waitForSelector(`.claim[data-claim-id="${id}"][data-verdict="misleading"]`, 15_000);
      } finally {
        await driver.close();
      }
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  test('two popups and the library page editing the same page concurrently lose no edit', async () => {
    const driver = await launch(browserName);
    try {
      await driver.openPage(server.url(SAMPLE)).then((page) => page.waitForSelector('mark[data-factmark-id]', 15_000));
      const tabId = await driver.tabIdOf(server.url(SAMPLE));
      const popupA = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      const popupB = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      const library = await driver.openExtensionPage('library.html');
      await popupA.waitForSelector('.claim', 15_000);
      const state = await popupA.evaluate(async (tab: number) => {
        const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } | undefined>;
        return (await (g.browser ?? g.chrome)!.tabs.sendMessage(tab, { to: 'content', type: 'page.state', payload: {} })) as { value: { key: string; url: string; title: string; claims: Array<{ id: string; selector: unknown }> } };
      }, tabId);
      const page = { key: state.value.key, url: state.value.url, title: state.value.title };
      const claims = state.value.claims.slice(0, 10).map((c) => ({ id: c.id, selector: c.selector }));
      const EDITS = 150;
      // Each editor fires all its edits at once; each edit changes one field of one claim.
      const fire =
        async (input: { page: typeof page; claims: typeof claims; field: string; who: string; edits: number }) => {
          const g = globalThis as unknown as Record<'browser' | 'chrome', { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } | undefined>;
          const api = (g.browser ?? g.chrome)!;
          const verdicts = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'unverifiable'];
          const replies = await Promise.all(
            Array.from({ length: input.edits }, (_, i) => {
              const claim = input.claims[i % input.claims.length]!;
              const edit = input.field === 'note' ? { note: `${input.who}-${i}` } : input.field === 'tags' ? { tags: [`${input.who}-${i}`] } : { verdict: verdicts[i % verdicts.length] };
              return api.runtime.sendMessage({ to: 'background', type: 'annotation.save', payload: { page: input.page, id: claim.id, origin: 'detected', selector: claim.selector, edit } });
            }),
          );
          return replies.filter((r) => r.ok).length;
        };
      const [a, b, c] = await Promise.all([
        popupA.evaluate(fire, { page, claims, field: 'note', who: 'A', edits: EDITS }),
        popupB.evaluate(fire, { page, claims, field: 'tags', who: 'B', edits: EDITS }),
        library.evaluate(fire, { page, claims, field: 'verdict', who: 'L', edits: EDITS }),
      ]);
      expect([a, b, c]).toEqual([EDITS, EDITS, EDITS]);
      const stored = (await driver.storageGet())[`page:${page.key}`] as { annotations: Record<string, Stored> };
      const verdicts = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'unverifiable'];
      claims.forEach((claim, k) => {
        const last = EDITS - claims.length + k; // the last edit index that touched claim k
        expect(stored.annotations[claim.id]).toMatchObject({ note: `A-${last}`, tags: [`B-${last}`], verdict: verdicts[last % verdicts.length] });
      });
    } finally {
      await driver.close();
    }
  });
});
