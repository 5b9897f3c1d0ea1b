// Issue 5's scale figures, in real Chromium with the built extension (dist/chrome): opening the
// popup and highlighting the sample page, with 10 annotations stored (all on the sample page)
// versus 100,000 annotations over 10,000 pages (the same 10 plus 9,999 synthetic pages of 10).
// Each library is written into a fresh profile, then the browser is restarted on that profile,
// so the figures are those of a browser that starts with years of annotations on disk.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, chromiumArgs } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

const ANNOTATED = 10;
const RUNS = 7;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function loadCore(root) {
  const result = await esbuild.build({ entryPoints: [join(root, 'bench', 'scale-entry.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
  const dir = mkdtempSync(join(tmpdir(), 'factmark-scale-'));
  writeFileSync(join(dir, 'scale.mjs'), result.outputFiles[0].text);
  return import(pathToFileURL(join(dir, 'scale.mjs')).href);
}

async function launch(root, profile) {
  const extension = join(root, 'dist', 'chrome');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: chromiumArgs(extension),
  });
  await context.route(/^(?!http:\/\/127\.0\.0\.1|chrome-extension:)/, (route) => route.abort());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, id: new URL(worker.url()).host };
}

/** Milliseconds from navigation start until `ready()` (a DOM test) first holds, seen by a MutationObserver. */
function readyProbe(test) {
  return `(() => {
    const ready = ${test};
    window.__factmarkReadyAt = null;
    const check = () => { if (window.__factmarkReadyAt === null && ready()) window.__factmarkReadyAt = performance.now(); };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  })()`;
}

const HIGHLIGHTED = `() => new Set([...document.querySelectorAll('mark[data-factmark-id]')].filter((m) => m.getAttribute('data-factmark-verdict') !== 'unreviewed').map((m) => m.getAttribute('data-factmark-id'))).size >= ${ANNOTATED}`;
const POPUP_READY = `() => document.querySelectorAll('li.claim[data-verdict]:not([data-verdict="unreviewed"])').length >= ${ANNOTATED}`;

async function timeUntilReady(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__factmarkReadyAt !== null, null, { timeout: 60_000 });
  return page.evaluate(() => window.__factmarkReadyAt);
}

async function tabIdOf(worker, url) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const tabs = await worker.evaluate(() => chrome.tabs.query({}));
    const tab = tabs.find((t) => t.url === url);
    if (tab) return tab.id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no tab shows ${url}`);
}

/**
 * Opens the library page: when its first rows show, when the full text of every page has loaded,
 * then the time from each keystroke of a search (typed one character at a time) to the frame
 * after the filtered list rendered.
 */
async function timeLibrary(context, extensionId) {
  const page = await context.newPage();
  await page.addInitScript(`(() => {
    window.__listAt = null; window.__textAt = null;
    new MutationObserver(() => {
      const rows = document.querySelector('li.lib-row') !== null;
      if (rows && window.__listAt === null) window.__listAt = performance.now();
      if (rows && window.__textAt === null && !document.querySelector('.lib-progress')) window.__textAt = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  })()`);
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await page.waitForFunction(() => window.__textAt !== null, null, { timeout: 300_000 });
  const { listAt, textAt } = await page.evaluate(() => ({ listAt: window.__listAt, textAt: window.__textAt }));
  const keystrokes = await page.evaluate(async (query) => {
    const input = document.getElementById('lib-search');
    const times = [];
    for (let i = 1; i <= query.length; i++) {
      const t0 = performance.now();
      input.value = query.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - t0);
    }
    return { times, shown: document.querySelector('.lib-count')?.textContent ?? '' };
  }, 'vaccine report');
  await page.close();
  return { libraryListMs: listAt, libraryTextMs: textAt, keystrokeMedianMs: median(keystrokes.times), keystrokeMaxMs: Math.max(...keystrokes.times), searchShown: keystrokes.shown };
}

/** Writes `items` into a fresh profile, restarts the browser on it, and times highlighting and the popup. */
async function measure(root, core, sampleUrl, otherPages) {
  const profile = mkdtempSync(join(tmpdir(), 'factmark-scale-profile-'));
  try {
    let { context, worker } = await launch(root, profile);
    // The sample page's claims as the content script finds them, to annotate the first ten.
    const page = await context.newPage();
    await page.goto(sampleUrl);
    await page.waitForSelector('mark[data-factmark-id]');
    const tabId = await tabIdOf(worker, sampleUrl);
    const state = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { to: 'content', type: 'page.state', payload: {} }), tabId);
    if (!state?.ok) throw new Error(`page.state failed: ${JSON.stringify(state)}`);
    const record = core.annotatedRecord(state.value, ANNOTATED, '2026-01-01T00:00:00.000Z');
    const items = core.libraryWith(record, otherPages, ANNOTATED);
    await worker.evaluate(() => chrome.storage.local.clear());
    for (const chunk of core.seedChunks(items, 1_000)) await worker.evaluate((batch) => chrome.storage.local.set(batch), chunk);
    const stored = await worker.evaluate(() => chrome.storage.local.getBytesInUse(null));
    await context.close();

    ({ context, worker } = await launch(root, profile));
    const highlight = [];
    const popup = [];
    const tab = await context.newPage();
    await tab.addInitScript(readyProbe(HIGHLIGHTED));
    for (let run = 0; run < RUNS; run++) highlight.push(await timeUntilReady(tab, sampleUrl));
    const id = await tabIdOf(worker, sampleUrl);
    const extensionId = new URL(worker.url()).host;
    for (let run = 0; run < RUNS; run++) {
      const view = await context.newPage();
      await view.addInitScript(readyProbe(POPUP_READY));
      popup.push(await timeUntilReady(view, `chrome-extension://${extensionId}/popup.html?tab=${id}`));
      await view.close();
    }
    const library = await timeLibrary(context, extensionId);
    await context.close();
    const annotations = Object.entries(items).filter(([key]) => key.startsWith('page:')).reduce((n, [, value]) => n + Object.keys(value.annotations).length, 0);
    return { pages: otherPages + 1, annotations, bytes: stored, highlightMs: median(highlight), popupMs: median(popup), ...library };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs both libraries and returns table rows. */
export async function scaleBench(root) {
  const core = await loadCore(root);
  const server = await startStaticServer({ mounts: { '/sample/': join(root, 'sample') } });
  try {
    const sampleUrl = `${server.origin}/sample/venezuela-russia.html`;
    const small = await measure(root, core, sampleUrl, 0);
    const large = await measure(root, core, sampleUrl, 9_999);
    return { small, large };
  } finally {
    await server.close();
  }
}
