// Team sync at scale (npm run bench:team): a library of 100,000 annotations on 10,000 pages is
// uploaded from a full Chromium profile (joining uploads it once), then synced from the server
// into an empty profile. Printed: time, bytes and documents per second of each, and the longest
// main-thread task in an article open in the same browser meanwhile (target: none over 50 ms).
// Baseline in the same run: plain PouchDB replication of the same documents from the server
// into a memory database in Node, the engine's own speed without the extension around it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedChunks, seedLibraryItems } from '../seed-library';
import { launch, pollUntil, type BrowserDriver, type PageHandle } from '../../tests/e2e/harness/driver';
import { REQUEST_PAGE, extensionWithRequestPage, type ExtensionCopy } from '../../tests/e2e/harness/request-page';
import { startServer } from '../../tests/e2e/harness/server';
import { startCouch } from '../../tests/support/couch-server';
import { cookieFetch } from '../../tests/support/cookie-fetch';
import { nodeDbs } from '../../tests/support/node-pouch';

const PAGES = Number(process.env.SCALE_PAGES ?? 10_000);
const PER_PAGE = 10;
const DB = 'scaledesk';

const LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); }).observe({ type: 'longtask' });
  return true;
})()`;

interface Run {
  seconds: number;
  bytes: number;
  docs: number;
  longest: number;
  over50: number;
}

async function request<T>(sender: PageHandle, type: string, payload: unknown): Promise<T> {
  return sender.evaluate(({ type, payload }) => (window as unknown as { factmark: { request(t: string, p: unknown): Promise<unknown> } }).factmark.request(type, payload), { type, payload }) as Promise<T>;
}

/** Joins the team in a profile and waits until the first sync has finished; returns its figures. */
async function joinAndSync(driver: BrowserDriver, sender: PageHandle, article: PageHandle, join: Record<string, string>, done: () => Promise<boolean>): Promise<Run> {
  await article.evaluate(LONG_TASKS);
  const started = Date.now();
  await request(sender, 'team.join', join);
  let bytes = 0;
  let docs = 0;
  // The first run's end: when it writes its status with a last-sync time. A follow-up run may
  // start 3 s later (the first one moved documents); it is not part of the figure.
  let firstRunSeconds = 0;
  await pollUntil(
    async () => {
      const status = (await driver.storageGet(['teamStatus', 'teamOutbox'])) as { teamStatus?: { state: string; lastSync: string; bytes: number; docs: number; detail: string; problem: string | null }; teamOutbox?: object };
      const s = status.teamStatus;
      if (s?.problem && s.problem !== 'offline') throw new Error(s.detail);
      if (!s || !s.lastSync) {
        if (s && s.bytes > 0) bytes = Math.max(bytes, s.bytes);
        if (s) docs = Math.max(docs, s.docs);
        return undefined;
      }
      if (!firstRunSeconds) {
        firstRunSeconds = (Date.now() - started) / 1000;
        bytes = Math.max(bytes, s.bytes);
        docs = Math.max(docs, s.docs);
      }
      if (Object.keys(status.teamOutbox ?? {}).length > 0) return undefined;
      return (await done()) || undefined;
    },
    25 * 60_000,
    () => 'the first sync to finish',
    500,
  );
  const seconds = firstRunSeconds;
  const tasks = await article.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return { seconds, bytes, docs, longest: Math.max(0, ...tasks), over50: tasks.filter((d) => d > 50).length };
}

test('scale: 100,000 annotations up from a full profile and down into an empty one', async () => {
  const couch = await startCouch();
  const web = await startServer();
  const extensions: ExtensionCopy[] = [];
  const drivers: BrowserDriver[] = [];
  try {
    await couch.createUser('alice', 'alice-pw');
    await couch.createUser('bob', 'bob-pw');
    await couch.setupTeam(DB, 'alice,bob');
    const total = PAGES * PER_PAGE;

    // Upload from a full profile.
    const extension = extensionWithRequestPage('chromium');
    extensions.push(extension);
    const full = await launch('chromium', { extensionDir: extension.dir });
    drivers.push(full);
    for (const chunk of seedChunks(seedLibraryItems({ pages: PAGES, annotationsPerPage: PER_PAGE }), 500)) await full.storageSet(chunk);
    const articleUp = await full.openPage(web.url('/sample/venezuela-russia.html'));
    await articleUp.waitForSelector('mark[data-factmark-id]', 30_000);
    const senderUp = await full.openExtensionPage(REQUEST_PAGE);
    await senderUp.waitForFunction('window.factmark !== undefined');
    const up = await joinAndSync(full, senderUp, articleUp, { serverUrl: couch.url, database: DB, userName: 'alice', password: 'alice-pw' }, async () => true);
    const onServer = (await couch.admin(`/${DB}`)).json.doc_count as number;
    process.stdout.write(`\nupload: ${up.seconds.toFixed(1)} s, ${(up.bytes / 1e6).toFixed(1)} MB (${(up.bytes / 1e6 / up.seconds).toFixed(2)} MB/s), ${Math.round(total / up.seconds)} docs/s, longest task ${up.longest.toFixed(0)} ms (${up.over50} over 50 ms); on the server: ${onServer}\n`);

    // Baseline: the engine alone, server to a memory database in Node.
    const fetch = cookieFetch();
    await fetch(`${couch.url}/_session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'bob', password: 'bob-pw' }) });
    const plain = nodeDbs.local(`scale-baseline-${Date.now()}`);
    const baselineStart = Date.now();
    await plain.replicate.from(nodeDbs.remote(`${couch.url}/${DB}`, fetch), { batch_size: 500 });
    const baselineSeconds = (Date.now() - baselineStart) / 1000;
    await plain.destroy();

    // Download into an empty profile.
    const emptyExtension = extensionWithRequestPage('chromium');
    extensions.push(emptyExtension);
    const empty = await launch('chromium', { extensionDir: emptyExtension.dir });
    drivers.push(empty);
    const articleDown = await empty.openPage(web.url('/sample/venezuela-russia.html'));
    await articleDown.waitForSelector('mark[data-factmark-id]', 30_000);
    const senderDown = await empty.openExtensionPage(REQUEST_PAGE);
    await senderDown.waitForFunction('window.factmark !== undefined');
    let pagesDown = 0;
    const down = await joinAndSync(empty, senderDown, articleDown, { serverUrl: couch.url, database: DB, userName: 'bob', password: 'bob-pw' }, async () => {
      pagesDown = (await request<unknown[]>(senderDown, 'library.list', {})).length;
      return pagesDown >= PAGES;
    });
    const libraryDown = await request<Array<{ total: number }>>(senderDown, 'library.list', {});

    const row = (name: string, run: Run) => `| ${name.padEnd(34)} | ${run.seconds.toFixed(1).padStart(8)} | ${(run.bytes / 1e6).toFixed(1).padStart(8)} | ${(run.bytes / 1e6 / run.seconds).toFixed(2).padStart(6)} | ${Math.round(total / run.seconds).toString().padStart(7)} | ${run.longest.toFixed(0).padStart(12)} | ${String(run.over50).padStart(6)} |`;
    const lines = [
      `\nTeam sync at scale: ${total.toLocaleString('en')} annotations on ${PAGES.toLocaleString('en')} pages (Chromium, pouchdb-server on 127.0.0.1)`,
      '| run                                |        s |       MB |   MB/s |  docs/s | longest task | >50 ms |',
      '|------------------------------------|----------|----------|--------|---------|--------------|--------|',
      row('upload from a full profile', up),
      row('first sync into an empty profile', down),
      `| baseline: PouchDB alone, server→Node memory | ${baselineSeconds.toFixed(1)} s | ${Math.round(total / baselineSeconds)} docs/s |`,
      `documents on the server after the upload: ${onServer}; pages in the new profile: ${pagesDown}; library list entries: ${libraryDown.length} (annotations ${libraryDown.reduce((n, e) => n + e.total, 0)})`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    const artifacts = join(__dirname, '..', '..', 'tests', 'e2e', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'team-scale.json'), JSON.stringify({ total, up, down, baselineSeconds, onServer, pagesDown }, null, 2));
    expect(onServer).toBeGreaterThanOrEqual(total);
    expect(pagesDown).toBe(PAGES);
  } finally {
    for (const driver of drivers) await driver.close();
    for (const extension of extensions) extension.remove();
    await web.close();
    await couch.close();
  }
});
