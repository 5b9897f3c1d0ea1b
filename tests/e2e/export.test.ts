// Exports started from the popup are downloaded by the background, in both browsers.
import { readFileSync } from 'node:fs';
import { BROWSERS, hasBuiltExtension, launch, type BrowserDriver } from './harness/driver';
import { startServer, type TestServer } from './harness/server';

const run = hasBuiltExtension() ? describe : describe.skip;
const SAMPLE = '/sample/venezuela-russia.html';

interface DownloadInfo {
  filename: string;
  state: string;
  mime: string;
}

run.each(BROWSERS)('%s: export from the popup', (browserName) => {
  let server: TestServer;
  let driver: BrowserDriver;

  beforeAll(async () => {
    server = await startServer();
    driver = await launch(browserName);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  test('each format downloads a file, and the export survives closing the popup', async () => {
    const page = await driver.openPage(server.url(SAMPLE));
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const tabId = await driver.tabIdOf(server.url(SAMPLE));
    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.claim', 15_000);
    await popup.select({ label: 'Verdict', exact: true, nth: 0 }, 'mostly-false');
    await driver.waitForStorage((all) => JSON.stringify(all).includes('"verdict":"mostly-false"'), 10_000);
    for (const [name, extension] of [['Export W3C JSON-LD', 'jsonld'], ['Export ClaimReview', 'json'], ['Export CSV', 'csv']]) {
      await popup.click({ role: 'button', name: name as string, exact: true });
      await popup.waitForFunction(`/Exported 1 annotations to \\S+\\.${extension} /.test(document.querySelector('.export-bar .status')?.textContent ?? '')`, 10_000);
    }
    // Start the last export and close the popup at once: the background finishes it.
    await popup.click({ role: 'button', name: 'Export Markdown', exact: true });
    await popup.close();
    const downloads = await waitForDownloads(driver, 4);
    expect(downloads.every((d) => d.state === 'complete')).toBe(true);
    // Playwright keeps Chromium's downloads under generated names, so check the files' contents.
    const contents = downloads.map((d) => readFileSync(d.filename, 'utf8'));
    expect(contents.some((text) => JSON.parse(text.startsWith('[') || text.startsWith('{') ? text : 'null')?.type === 'AnnotationCollection')).toBe(true);
    expect(contents.some((text) => text.includes('"@type": "ClaimReview"') || text.includes('"@type":"ClaimReview"'))).toBe(true);
    expect(contents.some((text) => text.replace(/^\uFEFF/, '').startsWith('page_url,'))).toBe(true);
    expect(contents.some((text) => text.includes('Mostly false') && text.includes('> '))).toBe(true);
  });
});

async function waitForDownloads(driver: BrowserDriver, count: number): Promise<DownloadInfo[]> {
  const deadline = Date.now() + 20_000;
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
