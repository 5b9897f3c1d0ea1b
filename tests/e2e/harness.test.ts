// Smoke test of the e2e harness against the real built extension (dist/), in Chromium and
// Firefox: a page served on 127.0.0.1, the popup opened for that page's tab, storage read.
// The workflow tests live beside this file; this one only proves the harness works.
import { BROWSERS, artifactPath, hasBuiltExtension, launch, type BrowserDriver } from './harness/driver';
import { startServer, type TestServer } from './harness/server';

const built = hasBuiltExtension();
if (!built) console.log('harness.test.ts: skipped, no dist/chrome/manifest.json or dist/firefox/manifest.json (run `npm run build` first)');

(built ? describe.each(BROWSERS) : describe.skip.each(BROWSERS))('e2e harness in %s', (name) => {
  let server: TestServer;
  let driver: BrowserDriver;

  beforeAll(async () => {
    server = await startServer({
      routes: { '/harness/blank.html': { body: '<!doctype html><title>harness</title><p>A synthetic page.</p>' } },
    });
    driver = await launch(name);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  test('opens a page, the popup for its tab, and reads storage', async () => {
    expect(driver.extensionOrigin).toMatch(name === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/);

    const url = server.url('/sample/index.html');
    const page = await driver.openPage(url);
    expect(await page.evaluate(() => document.title)).toBeTruthy();

    const tabId = await driver.tabIdOf(url);
    expect(Number.isInteger(tabId)).toBe(true);

    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    expect(await popup.url()).toBe(driver.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.waitForFunction(() => document.body !== null && document.body.childElementCount > 0);
    await popup.screenshot(artifactPath(`harness-${name}-popup.png`));

    const synthetic = await driver.openPage(server.url('/harness/blank.html'));
    expect(await synthetic.text('p')).toBe('A synthetic page.');

    const items = await driver.storageGet();
    expect(typeof items).toBe('object');
    expect(items).not.toBeNull();
  });
});
