// "Survives the MV3 service worker being stopped at any moment: no write is lost, nothing is
// left half-written." The background is stopped again and again while hundreds of edits are in
// flight, and every edit must still land, in records that read back whole; and an edit made in
// the popup right after a stop must be saved, the background starting again for it.
//
// How the background is stopped (BrowserDriver.stopBackground, tests/e2e/harness/):
// - Chromium: the extension's service worker, with ServiceWorker.stopWorker over CDP (what
//   chrome://serviceworker-internals' Stop button does).
// - Firefox: the MV3 event page, with Extension.terminateBackground({ disableResetIdleForTest })
//   evaluated in the browser's chrome context over WebDriver BiDi (what about:debugging's
//   "Terminate background script" does). A low extensions.background.idle.timeout would not
//   do: it stops the page only after a quiet spell, and an idle stop first waits once for
//   pending onMessage replies, so it would hardly ever land in the middle of a request.
import { parsePageRecord } from '../../src/core/model/records';
import type { PageRef } from '../../src/messages/background-requests';
import type { PassageSelector } from '../../src/core/model/selectors';
import { BROWSERS, hasBuiltExtension, launch, pollUntil, type BrowserDriver, type PageHandle } from './harness/driver';
import { REQUEST_PAGE, extensionWithRequestPage, type ExtensionCopy } from './harness/request-page';
import { startServer, type TestServer } from './harness/server';

const run = hasBuiltExtension() ? describe : describe.skip;
const SAMPLE = '/sample/venezuela-russia.html';
const VERDICTS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'unverifiable'] as const;

/** The burst: CLAIMS claims on PAGES pages, each given a verdict and a note, so 2 × CLAIMS edits. */
const CLAIMS = 210;
const PAGES = 3;
/** Edits the sender keeps in flight at once (the popup sends edits without waiting for earlier ones). */
const IN_FLIGHT = 30;
/** Edits that must finish between two stops, besides those the last stop hit (see the stopper loop). */
const ANSWERS_BETWEEN_STOPS = 10;
/** Fewer stops than this and the burst proved little (it gets 13 or 14 here). */
const MIN_STOPS = 5;

/** One annotation.save request, as the popup sends it. */
interface EditRequest {
  page: PageRef;
  id: string;
  origin: 'detected';
  selector: PassageSelector;
  edit: { verdict: (typeof VERDICTS)[number] } | { note: string };
}

/** What the sender saw: the edits it was told were saved, and those that failed with the error shown. */
interface BurstOutcome {
  saved: number[];
  failed: Array<{ index: number; error: string }>;
}

function pageRef(p: number): PageRef {
  return { key: `sw-test.example/page-${p}`, url: `https://sw-test.example/page-${p}`, title: `Service worker test page ${p}` };
}

function burstEdits(): EditRequest[] {
  const edits: EditRequest[] = [];
  for (const field of ['verdict', 'note'] as const) {
    for (let i = 0; i < CLAIMS; i++) {
      const exact = `Claim number ${i} says something checkable.`;
      const selector = { quote: { exact, prefix: 'Before. ', suffix: ' After.' }, position: { start: 100 * i, end: 100 * i + exact.length } };
      const edit = field === 'verdict' ? { verdict: VERDICTS[i % VERDICTS.length]! } : { note: `Note on claim ${i}: checked against the record.` };
      edits.push({ page: pageRef(i % PAGES), id: `claim-${i}`, origin: 'detected', selector, edit });
    }
  }
  return edits;
}

/** Runs in request-page.html: sends every edit through requestBackground, `inFlight` at a time. */
async function sendBurst(input: { edits: EditRequest[]; inFlight: number }): Promise<BurstOutcome> {
  const outcome: BurstOutcome = { saved: [], failed: [] };
  // The edits sent and not finished yet, for the stopper (see burstProgress).
  const pending = new Set<number>();
  (window as unknown as BurstWindow).burstPending = pending;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < input.edits.length) {
      const index = next++;
      pending.add(index);
      try {
        await window.factmark.request('annotation.save', input.edits[index]!);
        outcome.saved.push(index);
      } catch (error) {
        outcome.failed.push({ index, error: error instanceof Error ? error.message : String(error) });
      } finally {
        pending.delete(index);
      }
    }
  };
  await Promise.all(Array.from({ length: input.inFlight }, lane));
  return outcome;
}

/** What sendBurst leaves on window. */
interface BurstWindow {
  burstPending?: Set<number>;
}

/** The edits of a running burst that have been sent and not finished, and how many have finished. */
function burstProgress(sender: PageHandle): Promise<{ pending: number[]; finished: number }> {
  return sender.evaluate(() => ({ pending: [...((window as unknown as BurstWindow).burstPending ?? [])], finished: window.factmark.settled }));
}

/** Stops the background now, trying again if a new event kept it running (Firefox cancels a stop then). */
async function stopNow(driver: BrowserDriver): Promise<void> {
  await pollUntil(async () => ((await driver.stopBackground()) || (await driver.backgroundState()) === 'stopped' ? true : undefined), 10_000, () => `the ${driver.name} background to stop`);
}

interface StoredAnnotation {
  verdict: string | null;
  note: string;
}

function storedAnnotation(items: Record<string, unknown>, key: string, id: string): StoredAnnotation | undefined {
  const record = items[`page:${key}`] as { annotations?: Record<string, StoredAnnotation> } | undefined;
  return record?.annotations?.[id];
}

run.each(BROWSERS)('%s: the background stopped at any moment', (browserName) => {
  let extension: ExtensionCopy | undefined;
  let server: TestServer;
  let driver: BrowserDriver;

  beforeAll(async () => {
    extension = extensionWithRequestPage(browserName);
    server = await startServer();
    driver = await launch(browserName, { extensionDir: extension.dir });
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
    extension?.remove();
  });

  test(`${2 * CLAIMS} edits, ${IN_FLIGHT} in flight at a time, while the background is stopped again and again: every edit is stored, every record whole`, async () => {
    const sender = await driver.openExtensionPage(REQUEST_PAGE);
    await sender.waitForFunction(() => typeof window.factmark?.request === 'function');
    const edits = burstEdits();

    let finished = false;
    const burst = sender.evaluate(sendBurst, { edits, inFlight: IN_FLIGHT }).finally(() => {
      finished = true;
    });
    let stops = 0;
    let hitByLastStop: number[] = [];
    let finishedAtLastStop = 0;
    while (!finished) {
      // Wait for progress, not for a fixed time: every edit that was in flight at the last stop
      // has finished, and the burst has moved on. So each edit meets about one stop (the client
      // retries for a stop at a time, which is what browsers do; they do not stop a worker
      // every few milliseconds), while every stop still lands in the middle of the burst.
      const progress = await pollUntil(
        async () => {
          if (finished) return null;
          const now = await burstProgress(sender);
          const pending = new Set(now.pending);
          return hitByLastStop.every((index) => !pending.has(index)) && now.finished >= finishedAtLastStop + ANSWERS_BETWEEN_STOPS ? now : undefined;
        },
        60_000,
        () => `the edits in flight at stop ${stops} to finish`,
        5,
      );
      if (progress === null) break;
      if (await driver.stopBackground()) {
        stops++;
        hitByLastStop = progress.pending;
        finishedAtLastStop = progress.finished;
      }
    }
    const outcome = await burst;
    const transportFailures = await sender.evaluate(() => window.factmark.transportFailures);

    // What storage holds: every record reads back whole, with every edit the sender saw saved.
    const items = await driver.storageGet();
    const records = Array.from({ length: PAGES }, (_, p) => parsePageRecord(items[`page:${pageRef(p).key}`]));
    const lost = outcome.saved
      .map((index) => edits[index]!)
      .filter(({ page, id, edit }) => {
        const stored = storedAnnotation(items, page.key, id);
        return 'verdict' in edit ? stored?.verdict !== edit.verdict : stored?.note !== edit.note;
      })
      .map(({ id, edit }) => `${id} ${JSON.stringify(edit)}`);
    console.log(
      `${browserName}: ${edits.length} edits sent, ${stops} background stops, ${transportFailures} sends failed on the way, ` +
        `${outcome.saved.length} edits saved by the sender's account, ${outcome.failed.length} failed, ${lost.length} of the saved ones missing from storage`,
    );

    // The stops really hit requests in flight.
    expect(stops).toBeGreaterThanOrEqual(MIN_STOPS);
    expect(transportFailures).toBeGreaterThan(0);
    // Nothing half-written: each record parses, with no unreadable annotation.
    expect(records.map((parsed) => parsed?.rejected ?? 'unreadable')).toEqual(records.map(() => 0));
    // No write lost: every edit the sender was told was saved is in storage...
    expect(lost.slice(0, 5)).toEqual([]);
    // ...and, with the retries, every edit was saved.
    expect({ failed: outcome.failed.length, examples: outcome.failed.slice(0, 3) }).toEqual({ failed: 0, examples: [] });
    expect(outcome.saved).toHaveLength(edits.length);
    expect(records.map((parsed) => Object.keys(parsed?.record.annotations ?? {}).length)).toEqual(records.map(() => CLAIMS / PAGES));
  });

  test('an edit made in the popup right after a stop is saved: the background starts again for it', async () => {
    const url = server.url(SAMPLE);
    const page = await driver.openPage(url);
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const popup = await driver.openExtensionPage(`popup.html?tab=${await driver.tabIdOf(url)}`);
    await popup.waitForSelector('.claim', 15_000);
    const key = await popup.evaluate(async (tab: number) => {
      const api = (globalThis as unknown as { browser: { tabs: { sendMessage(t: number, m: unknown): Promise<{ value: { key: string } }> } } }).browser;
      return (await api.tabs.sendMessage(tab, { to: 'content', type: 'page.state', payload: {} })).value.key;
    }, await driver.tabIdOf(url));
    const id = (await popup.attribute({ css: '.claim', nth: 0 }, 'data-claim-id')) as string;
    const claim = `.claim[data-claim-id="${id}"]`;

    await stopNow(driver);
    await popup.select(`${claim} select`, 'misleading');
    await driver.waitForStorage((items) => storedAnnotation(items, key, id)?.verdict === 'misleading', 15_000);

    await openDetails(popup, claim);
    await stopNow(driver);
    await popup.fill(`${claim} textarea[aria-label="Note"]`, 'Saved after the background was stopped.');
    await popup.press('Tab');
    await driver.waitForStorage((items) => storedAnnotation(items, key, id)?.note === 'Saved after the background was stopped.', 15_000);
    expect(await popup.text(`${claim} .status`)).toBe('');
  });
});

/** Opens a claim's editor, waiting until it is really open (the list may re-render after a save). */
async function openDetails(popup: PageHandle, claim: string): Promise<void> {
  await pollUntil(
    async () => {
      if ((await popup.count(`${claim} .claim-details`)) > 0) return true;
      if ((await popup.attribute(`${claim} button[aria-expanded]`, 'aria-expanded')) !== 'true') await popup.click(`${claim} button[aria-expanded]`);
      return undefined;
    },
    10_000,
    () => `the editor of ${claim} to open`,
    200,
  );
}
