// Exports started from the popup are downloaded by the background, in both browsers.
import { readFileSync } from 'node:fs';
import { BROWSERS, hasBuiltExtension, launch, type BrowserDriver, type PageHandle } from './harness/driver';
import { useBrowserSession } from './harness/session';

const run = hasBuiltExtension() ? describe : describe.skip;
const SAMPLE = '/sample/venezuela-russia.html';

interface DownloadInfo {
  filename: string;
  state: string;
  mime: string;
}

run.each(BROWSERS)('%s: export from the popup', (browserName) => {
  const session = useBrowserSession(browserName);

  test('each format downloads a file, and the export survives closing the popup', async () => {
    const page = await session.driver.openPage(session.server.url(SAMPLE));
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const tabId = await session.driver.tabIdOf(session.server.url(SAMPLE));
    const popup = await session.driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.claim', 15_000);
    await popup.select({ label: 'Verdict', exact: true, nth: 0 }, 'mostly-false');
    await session.driver.waitForStorage((all) => JSON.stringify(all).includes('"verdict":"mostly-false"'), 10_000);
    for (const [name, extension] of [['Export W3C JSON-LD', 'jsonld'], ['Export ClaimReview', 'json'], ['Export CSV', 'csv']]) {
      await popup.click({ role: 'button', name: name as string, exact: true });
      await popup.waitForFunction(`/Exported 1 annotations to \\S+\\.${extension} /.test(document.querySelector('.export-bar .status')?.textContent ?? '')`, 10_000);
    }
    // Start the last export and close the popup at once: the background finishes it.
    await popup.click({ role: 'button', name: 'Export Markdown', exact: true });
    await popup.close();
    const downloads = await waitForDownloads(session.driver, 4);
    expect(downloads.every((d) => d.state === 'complete')).toBe(true);
    // Playwright keeps Chromium's downloads under generated names, so check the files' contents.
    const contents = downloads.map((d) => readFileSync(d.filename, 'utf8'));
    expect(contents.some((text) => JSON.parse(text.startsWith('[') || text.startsWith('{') ? text : 'null')?.type === 'AnnotationCollection')).toBe(true);
    expect(contents.some((text) => text.includes('"@type": "ClaimReview"') || text.includes('"@type":"ClaimReview"'))).toBe(true);
    expect(contents.some((text) => text.replace(/^\uFEFF/, '').startsWith('page_url,'))).toBe(true);
    expect(contents.some((text) => text.includes('Mostly false') && text.includes('> '))).toBe(true);
  });

  test('round trip: W3C export, import into an empty profile, export again gives the same library', async () => {
    const library = await session.driver.openExtensionPage('library.html');
    await library.waitForSelector({ role: 'button', name: 'Export W3C JSON-LD', exact: true }, 10_000);
    const before = (await waitForDownloads(session.driver, 0)).length;
    await library.click({ role: 'button', name: 'Export W3C JSON-LD', exact: true });
    const first = await newestW3c(session.driver, before + 1);
    const fresh = await launch(browserName);
    try {
      const target = await fresh.openExtensionPage('library.html');
      await target.waitForSelector('input[type=file]', 10_000);
      await target.evaluate(
        ({ content }) => {
          const input = document.querySelector('input[type=file]') as HTMLInputElement;
          const transfer = new DataTransfer();
          transfer.items.add(new File([content], 'factmark.jsonld', { type: 'application/ld+json' }));
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        { content: first },
      );
      await target.click({ role: 'button', name: 'Confirm import', exact: true });
      await fresh.waitForStorage((all) => Object.keys(all).some((key) => key.startsWith('page:')), 10_000);
      await target.reload();
      await target.click({ role: 'button', name: 'Export W3C JSON-LD', exact: true });
      const second = await newestW3c(fresh, 1, target);
      // The collection and its page are new documents (their own id and export time); every
      // annotation in them must come back identical.
      const annotations = (text: string) => JSON.stringify((JSON.parse(text) as { first: { items: unknown[] } }).first.items);
      expect(annotations(second)).toBe(annotations(first));
      expect(JSON.parse(second).total).toBe(JSON.parse(first).total);
      expect(JSON.parse(first).total).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});

async function waitForDownloads(driver: BrowserDriver, count: number): Promise<DownloadInfo[]> {
  // Once in three CI runs, Firefox's export in a fresh profile had not completed after 20 s, cause
  // unknown (it did not recur in ten quiet runs): wait longer, and newestW3c reports what it saw.
  const deadline = Date.now() + 45_000;
  for (;;) {
    const items = await driver.extensionEvaluate(async () => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { downloads: { search(query: object): Promise<Array<{ filename: string; state: string; mime: string }>> } } | undefined>;
      const api = (g.browser ?? g.chrome)!;
      return (await api.downloads.search({})).map((d) => ({ filename: d.filename, state: d.state, mime: d.mime }));
    });
    if (items.filter((d) => d.state === 'complete').length >= count || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * Waits for at least `count` completed downloads and returns the newest W3C export's text. When
 * there is none, the error lists every download and what `page` (the one that asked) says.
 */
async function newestW3c(driver: BrowserDriver, count: number, page?: PageHandle): Promise<string> {
  const downloads = await waitForDownloads(driver, count);
  const texts = downloads.filter((d) => d.state === 'complete').map((d) => readFileSync(d.filename, 'utf8'));
  const w3c = texts.filter((text) => text.includes('"AnnotationCollection"'));
  if (w3c.length === 0) {
    const said = page ? await page.evaluate(() => [...document.querySelectorAll('[role=alert], [role=status]')].map((e) => e.textContent?.trim()).filter(Boolean).join(' | ')) : '';
    throw new Error(`no W3C export was downloaded (downloads: ${JSON.stringify(downloads)}; the page says: ${said || 'nothing'})`);
  }
  return w3c[0] as string;
}
