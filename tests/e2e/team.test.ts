// Team sync in real browsers: two profiles of the same browser join one database on a real
// CouchDB-protocol server (pouchdb-server started on 127.0.0.1, or COUCH_URL), see each other's
// verdicts on the same page, get a conflict shown as "2 versions" in the popup and the library
// and resolve it, and leaving the team keeps the library.
import { BROWSERS, artifactPath, hasBuiltExtension, launch, pollUntil, type BrowserDriver, type PageHandle } from './harness/driver';
import { startServer, type TestServer } from './harness/server';
import { startCouch, type CouchServer } from '../support/couch-server';

const SAMPLE = '/sample/venezuela-russia.html';
const DATABASE = 'newsroom';

interface Member {
  driver: BrowserDriver;
  library: PageHandle;
  article: PageHandle;
  popup: PageHandle;
}

/** The verdict of a page's annotation as stored in a profile. */
async function storedVerdict(driver: BrowserDriver, pageKey: string, id: string): Promise<string | null | undefined> {
  const items = await driver.storageGet(`page:${pageKey}`);
  const record = items[`page:${pageKey}`] as { annotations?: Record<string, { verdict: string | null }> } | undefined;
  return record?.annotations?.[id]?.verdict;
}

async function syncNow(member: Member): Promise<void> {
  const status = async () => ((await member.driver.storageGet('teamStatus')).teamStatus ?? {}) as { state?: string; lastSync?: string; detail?: string; problem?: string | null };
  // A run started by an edit may be going on: the button is disabled until it ends.
  await member.library.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Sync now' && !b.disabled), 30_000);
  const before = (await status()).lastSync ?? '';
  await member.library.click({ role: 'button', name: 'Sync now', exact: true });
  const after = await pollUntil(
    async () => {
      const now = await status();
      return now.state !== 'syncing' && (now.lastSync !== before || now.problem) ? now : undefined;
    },
    30_000,
    () => `a sync run to finish in ${member.driver.name}`,
    100,
  );
  if (after.problem) throw new Error(`sync problem: ${after.detail}`);
}

(hasBuiltExtension() ? describe.each(BROWSERS) : describe.skip.each(BROWSERS))('%s: team sync', (browserName) => {
  let couch: CouchServer;
  let server: TestServer;
  let alice: Member;
  let bob: Member;
  let pageKey: string;
  let firstId: string;

  async function join(driver: BrowserDriver, user: string, password: string): Promise<Member> {
    const url = server.url(SAMPLE);
    const article = await driver.openPage(url);
    await article.waitForSelector('mark[data-factmark-id]', 20_000);
    const popup = await driver.openExtensionPage(`popup.html?tab=${await driver.tabIdOf(url)}`);
    await popup.waitForSelector('.claim', 15_000);
    const library = await driver.openExtensionPage('library.html');
    await library.fill({ label: 'Server URL', exact: true }, couch.url);
    await library.fill({ label: 'Database', exact: true }, DATABASE);
    await library.fill({ label: 'User name', exact: true }, user);
    await library.fill({ label: 'Password', exact: true }, password);
    await library.click({ role: 'button', name: 'Join team', exact: true });
    await library.waitForSelector({ role: 'button', name: 'Leave team', exact: true }, 20_000);
    return { driver, library, article, popup };
  }

  beforeAll(async () => {
    couch = await startCouch();
    await couch.createUser('alice', 'alice-pw');
    await couch.createUser('bob', 'bob-pw');
    await couch.setupTeam(DATABASE, 'alice,bob');
    server = await startServer();
    pageKey = server.url(SAMPLE);
  }, 60_000);

  afterAll(async () => {
    await alice?.driver.close();
    await bob?.driver.close();
    await server?.close();
    await couch?.close();
  });

  test('two profiles joined to one database see each other\'s verdicts on the same page', async () => {
    const [driverA, driverB] = await Promise.all([launch(browserName), launch(browserName)]);
    // Each member starts with a verdict made before joining: joining uploads it.
    alice = await join(driverA, 'alice', 'alice-pw').catch(async (error: unknown) => {
      await driverB.close();
      throw error;
    });
    await alice.popup.select({ label: 'Verdict', exact: true, nth: 0 }, 'false');
    firstId = (await alice.popup.attribute({ css: '.claim', nth: 0 }, 'data-claim-id')) ?? '';
    await syncNow(alice);
    bob = await join(driverB, 'bob', 'bob-pw');
    await syncNow(bob);
    expect(await storedVerdict(bob.driver, pageKey, firstId)).toBe('false');
    await bob.article.waitForSelector(`mark[data-factmark-id="${firstId}"][data-factmark-verdict="false"]`, 15_000);

    await bob.popup.reload();
    await bob.popup.select({ label: 'Verdict', exact: true, nth: 1 }, 'true');
    const secondId = (await bob.popup.attribute({ css: '.claim', nth: 1 }, 'data-claim-id')) ?? '';
    await syncNow(bob);
    await syncNow(alice);
    expect(await storedVerdict(alice.driver, pageKey, secondId)).toBe('true');
    await alice.article.waitForSelector(`mark[data-factmark-id="${secondId}"][data-factmark-verdict="true"]`, 15_000);
  });

  test('edits of the same annotation meet as a conflict: "2 versions" in popup and library, then one is kept everywhere', async () => {
    // The server is frozen while both edit, so neither can see the other's edit first.
    if (couch.local) couch.freeze();
    try {
      await alice.popup.reload();
      await bob.popup.reload();
      await alice.popup.select({ label: 'Verdict', exact: true, nth: 0 }, 'mixed');
      await bob.popup.select({ label: 'Verdict', exact: true, nth: 0 }, 'misleading');
      await pollUntil(async () => ((await storedVerdict(alice.driver, pageKey, firstId)) === 'mixed' && (await storedVerdict(bob.driver, pageKey, firstId)) === 'misleading') || undefined, 10_000, () => 'both edits stored');
    } finally {
      if (couch.local) couch.resume();
    }
    await syncNow(alice);
    await syncNow(bob);
    await syncNow(alice);
    // Both show the same winner, and both know of the other version.
    const winner = await storedVerdict(alice.driver, pageKey, firstId);
    expect(await storedVerdict(bob.driver, pageKey, firstId)).toBe(winner);
    await alice.library.waitForSelector(`.lib-row[data-factmark-conflicts="1"]`, 15_000);
    await alice.library.screenshot(artifactPath(`${browserName}-team-library-conflict.png`));
    await alice.popup.reload();
    const chip = { css: `.claim[data-claim-id="${firstId}"] .conflict-chip` };
    await alice.popup.waitForSelector(chip, 15_000);
    expect(await alice.popup.text(chip)).toBe('2 versions');
    await alice.popup.click(chip);
    await alice.popup.waitForSelector('.conflict-version', 10_000);
    expect(await alice.popup.texts('.conflict-version .conflict-head')).toEqual(expect.arrayContaining([expect.stringMatching(/Mixed.*by alice/), expect.stringMatching(/Misleading.*by bob/)]));
    await alice.popup.screenshot(artifactPath(`${browserName}-team-conflict-popup.png`));

    const bobsVersion = await alice.popup.evaluate(() => [...document.querySelectorAll('.conflict-version')].findIndex((li) => /by bob/.test(li.textContent ?? '')));
    await alice.popup.click({ role: 'button', name: 'Keep this version', exact: true, nth: bobsVersion });
    await alice.popup.waitFor(chip, { state: 'detached', timeoutMs: 15_000 });
    await syncNow(alice);
    await syncNow(bob);
    for (const member of [alice, bob]) {
      expect(await storedVerdict(member.driver, pageKey, firstId)).toBe('misleading');
      expect((await member.driver.storageGet('teamConflicts')).teamConflicts).toEqual({});
    }
    await bob.popup.reload();
    await bob.popup.waitForSelector(`.claim[data-claim-id="${firstId}"]`, 15_000);
    expect(await bob.popup.count(chip)).toBe(0);
    await alice.library.waitFor('.lib-row[data-factmark-conflicts]', { state: 'detached', timeoutMs: 15_000 });
    await alice.library.evaluate(() => document.getElementById('team-heading')?.scrollIntoView());
    await alice.library.screenshot(artifactPath(`${browserName}-team-section.png`));
  });

  test('leaving the team keeps the library', async () => {
    await bob.library.click({ role: 'button', name: 'Leave team', exact: true });
    await bob.library.waitForSelector({ role: 'button', name: 'Join team', exact: true }, 15_000);
    const items = await bob.driver.storageGet();
    expect(Object.keys(items).filter((key) => key.startsWith('team'))).toEqual([]);
    expect(await storedVerdict(bob.driver, pageKey, firstId)).toBe('misleading');
    await bob.library.reload();
    await bob.library.waitForSelector(`.lib-row[data-key="${pageKey}"]`, 15_000);
  });
});
