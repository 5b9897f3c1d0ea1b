// Makes assets/screenshot.png for the README: the sample article in Chromium with Factmark's
// highlights (a few claims given verdicts through the popup), and the popup beside it.
// Needs a build (npm run build), /usr/bin/chromium and ImageMagick's convert.
import { execFileSync } from 'node:child_process';
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
  for (const [i, verdict] of verdicts.entries()) await popup.getByLabel('Verdict').nth(i + 1).selectOption(verdict);
  // The note editor is inside each claim's collapsed details: open the second claim's first.
  await popup.getByRole('button', { name: /^Note & sources/ }).nth(1).click();
  await popup.getByLabel('Note').first().fill('Confirmed by the 2019 deployment reports.');
  await popup.getByLabel('Verdict').first().focus();
  await page.waitForSelector(`mark[data-factmark-verdict="misleading"]`);
  await page.evaluate(() => document.querySelector('.article-body p')?.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.querySelector('.consent-banner')?.remove());
  mkdirSync(join(root, 'assets'), { recursive: true });
  const pageShot = join(root, 'assets', 'page.tmp.png');
  const popupShot = join(root, 'assets', 'popup.tmp.png');
  await page.bringToFront();
  await page.screenshot({ path: pageShot });
  await popup.screenshot({ path: popupShot });
  execFileSync('convert', [pageShot, popupShot, '-background', '#888888', '-splice', '0x0', '+append', '-resize', '1400x', join(root, 'assets', 'screenshot.png')]);
  execFileSync('rm', [pageShot, popupShot]);
  console.log('wrote assets/screenshot.png');
} finally {
  await context.close();
  await server.close();
}
