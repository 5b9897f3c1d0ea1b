// Makes assets/screenshot.png for the README: the sample article in Chromium with Factmark's
// highlights (a few claims given verdicts through the popup), and the popup beside it.
// Needs a build (npm run build) and /usr/bin/chromium; the two shots are put side by side in the
// same browser, so no image tool has to be installed.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, chromiumArgs } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'dist', 'chrome');
const server = await startStaticServer({ mounts: { '/sample/': join(root, 'sample') } });
const context = await chromium.launchPersistentContext('', {
  executablePath: CHROMIUM_BIN,
  headless: true,
  viewport: { width: 1100, height: 760 },
  args: chromiumArgs(extension),
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  const articleUrl = `${server.origin}/sample/venezuela-russia.html`;
  await page.goto(articleUrl);
  await page.waitForSelector('mark[data-factmark-id]');
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(async (url) => (await chrome.tabs.query({ url })).at(0)?.id, articleUrl);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.claim');
  const verdicts = ['mostly-true', 'true', 'unverifiable', 'misleading'];
  // The first two claims are the lead photo's caption, above the part of the page shown: the
  // verdicts go to body claims in view.
  const firstInView = 3;
  for (const [i, verdict] of verdicts.entries()) await popup.getByLabel('Verdict').nth(firstInView + i).selectOption(verdict);
  // The note editor is inside each claim's collapsed details: open that claim's first.
  await popup.getByRole('button', { name: /^Note & sources/ }).nth(firstInView).click();
  await popup.getByLabel('Note').first().fill('Confirmed by the 2019 deployment reports.');
  await popup.getByLabel('Verdict').nth(firstInView).focus();
  await popup.evaluate(() => window.scrollTo(0, 0));
  await page.waitForSelector(`mark[data-factmark-verdict="misleading"]`);
  await page.evaluate(() => document.querySelector('.article-body p')?.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.querySelector('.consent-banner')?.remove());
  mkdirSync(join(root, 'assets'), { recursive: true });
  await page.bringToFront();
  const pageShot = await page.screenshot();
  const popupShot = await popup.screenshot();
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1100 + 420, height: 760 });
  const dataUrl = (png) => `data:image/png;base64,${png.toString('base64')}`;
  await sheet.setContent(`<body style="margin:0;display:flex;background:#888"><img src="${dataUrl(pageShot)}"><img src="${dataUrl(popupShot)}"></body>`);
  await sheet.screenshot({ path: join(root, 'assets', 'screenshot.png') });
  console.log('wrote assets/screenshot.png');
} finally {
  await context.close();
  await server.close();
}
