// Time from navigation start to the first Factmark highlight on each corpus page, in Chromium
// with the built extension (dist/chrome), page scripts off. A page whose article gets no
// automatic highlight (another language, not an article) reports none after its load settles.
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, chromiumArgs } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { join } from 'node:path';

const PROBE = `(() => {
  window.__factmarkFirstMark = null;
  const check = () => { if (window.__factmarkFirstMark === null && document.querySelector('mark[data-factmark-id]')) window.__factmarkFirstMark = performance.now(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})()`;

/** Per page: load event and first highlight (ms from navigation start), and the highlights drawn. */
export async function firstHighlightBench(root, pages, dirs) {
  const server = await startStaticServer({ mounts: { '/corpus/': dirs.corpus, '/extraction/': dirs.extraction }, headers: { 'Content-Security-Policy': "script-src 'none'; connect-src 'none'; frame-src 'none'" } });
  const context = await chromium.launchPersistentContext('', { executablePath: CHROMIUM_BIN, headless: true, args: chromiumArgs(join(root, 'dist', 'chrome')) });
  await context.route(/^(?!http:\/\/127\.0\.0\.1|chrome-extension:)/, (route) => route.abort());
  await context.addInitScript(PROBE);
  const rows = [];
  try {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    const page = await context.newPage();
    for (const { corpus, id, path } of pages) {
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load', timeout: 60_000 });
      // Wait for the first highlight, or give the scan 3 s after load to find nothing.
      await page.waitForFunction(() => window.__factmarkFirstMark !== null, null, { timeout: 3000 }).catch(() => undefined);
      const result = await page.evaluate(() => ({ first: window.__factmarkFirstMark, load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0, marks: new Set([...document.querySelectorAll('mark[data-factmark-id]')].map((m) => m.getAttribute('data-factmark-id'))).size }));
      rows.push({ corpus, id, loadMs: result.load, firstMs: result.first, marks: result.marks });
    }
  } finally {
    await context.close();
    await server.close();
  }
  return rows;
}
