// Import on the library page in both browsers: preview, atomic confirm, and malformed files
// that leave storage byte-for-byte unchanged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, hasBuiltExtension, launch, type BrowserDriver, type PageHandle } from './harness/driver';
import { startServer, type TestServer } from './harness/server';

const run = hasBuiltExtension() ? describe : describe.skip;
const dir = mkdtempSync(join(tmpdir(), 'factmark-import-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HYPOTHESIS_EXPORT = JSON.stringify({
  export_date: '2024-05-01T10:00:00.000Z',
  export_userid: 'acct:reader@hypothes.is',
  client_version: '1.1500.0',
  annotations: [
    {
      id: 'hyp-1',
      uri: 'https://news.example.com/story?utm_source=feed',
      created: '2024-04-30T09:00:00.000000+00:00',
      updated: '2024-04-30T09:05:00.000000+00:00',
      text: 'Checked against the **census** table.',
      tags: ['census', 'population'],
      document: { title: ['City grows by 4 percent'] },
      target: [{ source: 'https://news.example.com/story', selector: [{ type: 'TextPositionSelector', start: 120, end: 170 }, { type: 'TextQuoteSelector', exact: 'The population grew by 4 percent last year', prefix: 'Officials said ', suffix: ', the fastest' }] }],
    },
  ],
});

async function chooseFile(page: PageHandle, browserName: string, path: string, text: string): Promise<void> {
  // The same File the picker would give, set through a DataTransfer so both drivers work alike.
  await page.evaluate(
    ({ name, content }) => {
      const input = document.querySelector('input[type=file]') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name: path.split('/').pop() ?? 'import.json', content: text },
  );
  void browserName;
}

run.each(BROWSERS)('%s: import on the library page', (browserName) => {
  let driver: BrowserDriver;

  beforeAll(async () => {
    driver = await launch(browserName);
  });

  afterAll(async () => {
    await driver?.close();
  });

  test('malformed, truncated and hostile files get a clear message and change nothing', async () => {
    await driver.storageSet({ 'page:https://keep.example.com/a': { key: 'https://keep.example.com/a', url: 'https://keep.example.com/a', title: 'Keep', updatedAt: '2024-01-01T00:00:00.000Z', annotations: {} } });
    const library = await driver.openExtensionPage('library.html');
    await library.waitForSelector('input[type=file]', 10_000);
    // Snapshot after the page loaded (opening it records the schema version once).
    await library.waitForSelector('.lib-pages a', 10_000);
    const before = JSON.stringify(await driver.storageGet());
    const cases: Array<[string, string]> = [
      ['broken.json', '{"annotations": [ {"id": "x", '],
      ['not-annotations.json', '{"hello": "world"}'],
      ['hostile.json', JSON.stringify({ annotations: [{ id: '__proto__', uri: 'javascript:alert(1)', target: [{ source: 'javascript:alert(1)', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }] }] })],
    ];
    for (const [name, text] of cases) {
      await chooseFile(library, browserName, file(name, text), text);
      await library.waitForFunction(() => /Nothing was imported|rejected/.test(document.querySelector('.import-status')?.textContent ?? ''), 10_000);
      const confirm = await library.count({ role: 'button', name: 'Confirm import', exact: true });
      if (confirm > 0) expect(await library.evaluate(() => (document.querySelector('.import-preview button') as HTMLButtonElement).disabled)).toBe(true);
    }
    expect(JSON.stringify(await driver.storageGet())).toBe(before);
    await library.close();
  });

  test('a Hypothesis export is previewed, then imported on confirm', async () => {
    const library = await driver.openExtensionPage('library.html');
    await library.waitForSelector('input[type=file]', 10_000);
    await chooseFile(library, browserName, file('hypothesis.json', HYPOTHESIS_EXPORT), HYPOTHESIS_EXPORT);
    await library.waitForSelector({ role: 'button', name: 'Confirm import', exact: true }, 10_000);
    expect(await library.text('.import-preview')).toContain('1 new');
    expect(JSON.stringify(await driver.storageGet())).not.toContain('census');
    await library.click({ role: 'button', name: 'Confirm import', exact: true });
    const items = await driver.waitForStorage((all) => JSON.stringify(all).includes('The population grew by 4 percent last year'), 10_000);
    const record = items['page:https://news.example.com/story'] as { annotations: Record<string, { tags: string[]; note: string }> };
    const annotation = Object.values(record.annotations)[0];
    expect(annotation?.tags).toEqual(['census', 'population']);
    expect(annotation?.note).toContain('census');
    await library.close();
  });

  test('a Hypothesis export of a page imports and anchors on that page', async () => {
    const server: TestServer = await startServer();
    try {
      const pageUrl = server.url('/sample/venezuela-russia.html');
      const exact = 'Russia is Maduro’s most prominent ally and has deployed a significant, though not precisely permanent, troop presence to Venezuela.';
      const exported = JSON.stringify({
        export_date: '2024-05-01T10:00:00.000Z',
        annotations: [
          {
            id: 'hyp-sample-1',
            uri: `${pageUrl}?utm_source=hypothesis`,
            created: '2024-04-30T09:00:00.000000+00:00',
            updated: '2024-04-30T09:05:00.000000+00:00',
            text: 'Compare with the 2019 deployment reports.',
            tags: ['russia'],
            document: { title: ['Maduro Envoy in Moscow'] },
            // Hypothesis positions count the whole document: only a hint here.
            target: [{ source: pageUrl, selector: [{ type: 'TextPositionSelector', start: 4100, end: 4228 }, { type: 'TextQuoteSelector', exact, prefix: 'orders from Maduro.', suffix: ' U.S. Secretary of State' }] }],
          },
        ],
      });
      const library = await driver.openExtensionPage('library.html');
      await library.waitForSelector('input[type=file]', 10_000);
      await chooseFile(library, browserName, file('hypothesis-sample.json', exported), exported);
      await library.click({ role: 'button', name: 'Confirm import', exact: true });
      await driver.waitForStorage((all) => JSON.stringify(all).includes('Compare with the 2019 deployment reports.'), 10_000);
      const page = await driver.openPage(pageUrl);
      await page.waitForFunction(`[...document.querySelectorAll('mark[data-factmark-id^="h-"]')].map((m) => m.textContent).join('') === ${JSON.stringify(exact)}`, 15_000);
      await library.close();
      await page.close();
    } finally {
      await server.close();
    }
  });
});
