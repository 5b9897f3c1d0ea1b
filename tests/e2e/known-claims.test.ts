// Known fact-checks in both browsers: ClaimReview read on served fact-check pages (JSON-LD with
// @graph, microdata, and a malformed page read as far as possible), a news page repeating those
// claims in other words flagged "already fact-checked" with its card and popup, adopting a
// fact-check, and the settings switch that stops collecting.
import { artifactPath, BROWSERS, hasBuiltExtension, launch, pollUntil, type BrowserDriver, type PageHandle } from './harness/driver';
import { startServer, type TestServer } from './harness/server';

const run = hasBuiltExtension() ? describe : describe.skip;

const BUS_CLAIM = "Springfield's bus fleet grew by 40 percent between 2015 and 2020, making it the largest in the state.";
const JOBS_CLAIM = 'Unemployment in Springfield fell to 3.1 percent last year, the lowest rate since 1969.';

function article(title: string, paragraphs: string[], head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><header><nav><a href="/">Home</a></nav></header>
<main><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main></body></html>`;
}

const FILLER = [
  'The report was published on Monday by the regional transport office, which compiles the figures every spring.',
  'Officials from three neighbouring towns attended the hearing, which lasted more than four hours.',
];

const JSONLD = {
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'NewsArticle', headline: 'Fact check: the bus fleet claim' },
    {
      '@type': 'ClaimReview',
      url: 'https://factcheck.example/2019/bus-fleet',
      claimReviewed: BUS_CLAIM,
      datePublished: '2019-10-30',
      author: { '@type': 'Organization', name: 'Fact Desk', url: 'https://factcheck.example/' },
      reviewRating: [{ '@type': 'Rating', ratingValue: '1', bestRating: '6', worstRating: '1', alternateName: 'Pants on Fire' }],
      itemReviewed: { '@type': 'Claim', author: 'Joe Park', datePublished: '2019-10-20', appearance: 'https://news.example/bus-speech' },
    },
  ],
};

const JSONLD_PAGE = article('Fact check: the bus fleet claim', [`Joe Park said: “${BUS_CLAIM}”`, 'Our verdict: Pants on Fire. The fleet grew by 4 percent.', ...FILLER], `<script type="application/ld+json">${JSON.stringify(JSONLD)}</script>`);

const MICRODATA_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fact check: unemployment</title></head><body><main><article>
<h1>Fact check: unemployment</h1>
<div itemscope itemtype="https://schema.org/ClaimReview">
  <link itemprop="url" href="https://factcheck.example/2020/unemployment">
  <meta itemprop="datePublished" content="2020-02-11">
  <p>Claim: <span itemprop="claimReviewed">${JOBS_CLAIM}</span></p>
  <div itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Springfield Checks</span></div>
  <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="ratingValue" content="-1">Rating: <span itemprop="alternateName">Mostly False</span></div>
</div>
${[...FILLER, 'The rate was 3.9 percent last year, according to the state labour office.'].map((p) => `<p>${p}</p>`).join('\n')}
</article></main></body></html>`;

const MALFORMED_PAGE = article(
  'Fact checks of the week',
  ['We looked at three claims about the harbour this week.', ...FILLER],
  `<script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": "broken</script>
<script type="application/ld+json">${JSON.stringify([
    { '@context': 'https://schema.org', '@type': 'ClaimReview', url: 'https://factcheck.example/harbour', reviewRating: { alternateName: 'False' } },
    { '@context': 'https://schema.org', '@type': ['ClaimReview'], url: 'https://factcheck.example/harbour-2', claimReviewed: 'The harbour tunnel cost 2 billion dollars.', reviewRating: { ratingValue: -1, alternateName: 'Strange rating' }, author: 'Harbour Watch', itemReviewed: { appearance: ['https://news.example/tunnel', 42] } },
  ])}</script>`,
);

const NEWS_PAGE = article('Council debates the transit plan', [
  'Council member Joe Park repeated on Tuesday that the bus fleet of Springfield grew 40 percent from 2015 to 2020, the largest fleet in the state.',
  'The mayor said unemployment in Springfield dropped to 3.1 percent last year, its lowest rate since 1969.',
  'The weather was sunny on Tuesday and many residents went to the park after the meeting.',
  ...FILLER,
]);

const OFF_PAGE = article('Fact check: the library hours', ['The library opens at nine.', ...FILLER], `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'ClaimReview', url: 'https://factcheck.example/library', claimReviewed: 'The city library is closed on Sundays since 2018.', reviewRating: { '@type': 'Rating', alternateName: 'True' } })}</script>`);

function storedClaims(items: Record<string, unknown>): string[] {
  return Object.entries(items)
    .filter(([key]) => key.startsWith('known:'))
    .flatMap(([, shard]) => Object.values(shard as Record<string, { c: string }>).map((review) => review.c));
}

run.each(BROWSERS)('%s: known fact-checks', (browserName) => {
  let server: TestServer;
  let driver: BrowserDriver;

  beforeAll(async () => {
    server = await startServer();
    server.setRoute('/fc/jsonld.html', { body: JSONLD_PAGE });
    server.setRoute('/fc/microdata.html', { body: MICRODATA_PAGE });
    server.setRoute('/fc/malformed.html', { body: MALFORMED_PAGE });
    server.setRoute('/fc/off.html', { body: OFF_PAGE });
    server.setRoute('/news/council.html', { body: NEWS_PAGE });
    server.setRoute('/news/council-reprint.html', { body: NEWS_PAGE });
    driver = await launch(browserName);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  async function popupFor(url: string): Promise<PageHandle> {
    return driver.openExtensionPage(`popup.html?tab=${await driver.tabIdOf(url)}`);
  }

  test('fact-check pages are read: JSON-LD @graph, microdata, and a malformed page as far as it goes', async () => {
    const jsonld = server.url('/fc/jsonld.html');
    const page = await driver.openPage(jsonld);
    await driver.waitForStorage((items) => storedClaims(items).includes(BUS_CLAIM), 15_000);
    const popup = await popupFor(jsonld);
    await popup.waitForSelector('.fact-checks', 10_000);
    expect(await popup.text('.fact-checks')).toContain('read 1 ClaimReview');
    await popup.close();

    await page.goto(server.url('/fc/microdata.html'));
    const items = await driver.waitForStorage((all) => storedClaims(all).includes(JOBS_CLAIM), 15_000);
    const reviews = Object.entries(items).filter(([key]) => key.startsWith('known:')).flatMap(([, shard]) => Object.values(shard as Record<string, Record<string, unknown>>));
    const jobs = reviews.find((review) => review.c === JOBS_CLAIM);
    expect(jobs).toMatchObject({ r: 'Mostly False', v: 'mostly-false', a: 'Springfield Checks', u: 'https://factcheck.example/2020/unemployment', d: '2020-02-11' });
    expect(jobs?.n).toBeUndefined(); // -1: no scale
    expect(reviews.find((review) => review.c === BUS_CLAIM)).toMatchObject({ r: 'Pants on Fire', v: 'false', a: 'Fact Desk', d: '2019-10-30', ca: 'Joe Park', ap: ['https://news.example/bus-speech'] });

    const malformed = server.url('/fc/malformed.html');
    await page.goto(malformed);
    await driver.waitForStorage((all) => storedClaims(all).includes('The harbour tunnel cost 2 billion dollars.'), 15_000);
    // The page itself still works: its claims are highlighted.
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const report = await popupFor(malformed);
    await report.waitForSelector('.fact-checks', 10_000);
    const text = await report.text('.fact-checks');
    expect(text).toContain('read 1 ClaimReview');
    expect(text).toContain("Skipped or incomplete: 2"); // the review without claimReviewed, the block that is not JSON
    await report.close();
    await page.close();
  });

  test('a news page repeating the claims in other words is flagged, with card and popup, and adopting stores verdict and source', async () => {
    const url = server.url('/news/council.html');
    const page = await driver.openPage(url);
    await page.waitForSelector('mark[data-factmark-known="false"]', 20_000);
    await page.waitForSelector('mark[data-factmark-known="mostly-false"]', 20_000);
    expect(await page.count('mark[data-factmark-known]')).toBeGreaterThanOrEqual(2);
    const flagged = await page.evaluate(() => [...document.querySelectorAll('mark[data-factmark-known="false"]')].map((m) => m.textContent ?? '').join(''));
    expect(flagged).toContain('bus fleet of Springfield grew 40 percent');
    expect(await page.evaluate(() => [...document.querySelectorAll('mark[data-factmark-known]')].some((m) => (m.textContent ?? '').includes('weather')))).toBe(false);

    await page.evaluate(() => (document.querySelector('mark[data-factmark-known="false"][tabindex="0"]') as HTMLElement | null)?.focus());
    await page.waitForFunction(`document.querySelector('factmark-card') !== null`, 5_000);
    const card = await page.closedShadowTexts('factmark-card');
    if (browserName === 'chromium') expect(card).not.toBeNull();
    if (card) {
      const all = card.join(' ');
      expect(all).toContain('Already fact-checked:');
      expect(all).toContain('Pants on Fire — Fact Desk, 2019-10-30');
      expect(all).toContain(BUS_CLAIM);
      expect(all).toMatch(/Similarity \d+ %/);
    }
    await page.screenshot(artifactPath(`${browserName}-known-card.png`));

    const popup = await popupFor(url);
    await popup.waitForSelector('.claim[data-known="false"] .known-match', 15_000);
    const block = await popup.text({ css: '.claim[data-known="false"] .known-match', nth: 0 });
    expect(block).toContain('Already fact-checked: Pants on Fire — Fact Desk, 2019-10-30');
    expect(block).toContain(BUS_CLAIM);
    await popup.screenshot(artifactPath(`${browserName}-known-popup.png`));
    await popup.click({ css: '.claim[data-known="false"] .known-match button', nth: 0 });
    const items = await driver.waitForStorage((all) => Object.entries(all).some(([key, value]) => key.startsWith('page:') && JSON.stringify(value).includes('factcheck.example/2019/bus-fleet')), 10_000);
    const record = Object.entries(items).find(([key]) => key.startsWith('page:') && key.includes('/news/council.html'))?.[1] as { annotations: Record<string, { verdict: string; sources: Array<{ url: string; publisher: string; quote: string }> }> };
    const adopted = Object.values(record.annotations).find((annotation) => annotation.sources.some((source) => source.url === 'https://factcheck.example/2019/bus-fleet'));
    expect(adopted?.verdict).toBe('false');
    expect(adopted?.sources[0]).toMatchObject({ publisher: 'Fact Desk', quote: BUS_CLAIM });
    await page.waitForSelector('mark[data-factmark-verdict="false"][data-factmark-known="false"]', 10_000);
    await popup.close();
    await page.close();
  });

  test('switching collecting off in the settings stops it; on again, the open page is collected', async () => {
    const library = await driver.openExtensionPage('library.html');
    await library.waitForSelector({ label: 'Collect fact-checks' }, 10_000);
    await library.setChecked({ label: 'Collect fact-checks' }, false);
    await driver.waitForStorage((items) => (items.settings as { collectFactChecks?: boolean } | undefined)?.collectFactChecks === false, 10_000);
    const url = server.url('/fc/off.html');
    const page = await driver.openPage(url);
    await page.waitForSelector('mark[data-factmark-id]', 15_000);
    const popup = await popupFor(url);
    await popup.waitForSelector('.fact-checks', 10_000);
    expect(await popup.text('.fact-checks')).toContain('switched off');
    expect(storedClaims(await driver.storageGet())).not.toContain('The city library is closed on Sundays since 2018.');
    // Switched on again while the page is open: its fact-check is collected without a reload.
    await library.setChecked({ label: 'Collect fact-checks' }, true);
    await driver.waitForStorage((items) => storedClaims(items).includes('The city library is closed on Sundays since 2018.'), 10_000);
    await popup.close();
    await page.close();
    await library.close();
  });

  test('a stopped background loads the index it stored in IndexedDB, and rebuilds it when the stored one does not fit', async () => {
    const library = await driver.openExtensionPage('library.html');
    // The stored record's fingerprint and build time, read from an extension page (same origin as the background).
    const record = (change?: string) =>
      library.evaluate(
        (fingerprint: string | null) =>
          new Promise<{ fingerprint: string; builtAt: string } | null>((resolve) => {
            const open = indexedDB.open('factmark-known-index');
            open.onerror = () => resolve(null);
            open.onupgradeneeded = () => open.transaction?.abort();
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('index')) return (db.close(), resolve(null));
              const store = db.transaction('index', 'readwrite').objectStore('index');
              const get = store.get('current');
              get.onsuccess = () => {
                const value = get.result as { fingerprint: string; builtAt: string } | undefined;
                if (value && fingerprint !== null) store.put({ ...value, fingerprint }, 'current');
                db.close();
                resolve(value ? { fingerprint: value.fingerprint, builtAt: value.builtAt } : null);
              };
            };
          }),
        change ?? null,
      );
    const stop = () => pollUntil(async () => ((await driver.stopBackground()) || (await driver.backgroundState()) === 'stopped' ? true : undefined), 10_000, () => `the ${driver.name} background to stop`);
    const flagged = async () => {
      // Another page than the one whose sentence got a verdict above, so nothing on it is reviewed yet.
      const page = await driver.openPage(server.url('/news/council-reprint.html'));
      await page.waitForSelector('mark[data-factmark-known="mostly-false"]', 20_000);
      await page.close();
    };
    await flagged();
    const stored = await pollUntil(async () => (await record()) ?? undefined, 15_000, () => 'the known-claim index to be stored');
    expect(stored.fingerprint).toMatch(/^\d+-[0-9a-f]+-[0-9a-f]+$/);

    await stop();
    await flagged();
    expect(await record()).toEqual(stored); // loaded, not rebuilt

    await record('0-stale-fingerprint');
    await stop();
    await flagged();
    const rebuilt = await pollUntil(async () => {
      const now = await record();
      return now && now.builtAt !== stored.builtAt ? now : undefined;
    }, 15_000, () => 'the known-claim index to be rebuilt and stored again');
    expect(rebuilt.fingerprint).toBe(stored.fingerprint);
    await library.close();
  });
  test('an open page follows the settings that feed its matches: the flag threshold, and the name the reader’s own verdicts are credited to', async () => {
    // The bus sentence got the reader's verdict on /news/council.html above: on the reprint it is matched as theirs too.
    const page = await driver.openPage(server.url('/news/council-reprint.html'));
    await page.waitForSelector('mark[data-factmark-known="false"]', 20_000);
    const settings = (await driver.storageGet('settings')).settings as Record<string, unknown>;
    await driver.storageSet({ settings: { ...settings, knownThreshold: 1 } });
    await page.waitForFunction(`document.querySelector('mark[data-factmark-known]') === null`, 15_000);
    await driver.storageSet({ settings: { ...settings, knownThreshold: 0.5, reviewerName: 'Ana Reyes', organisation: '' } });
    await page.waitForSelector('mark[data-factmark-known="false"]', 15_000);
    const popup = await popupFor(server.url('/news/council-reprint.html'));
    const own = await pollUntil(
      async () => {
        await popup.reload();
        await popup.waitForSelector('.known-match', 10_000);
        const texts = await popup.texts('.known-match');
        return texts.find((text) => text.includes('Ana Reyes'));
      },
      20_000,
      () => 'the popup to credit the reader’s own verdict to the reviewer name set now',
    );
    expect(own).toContain('False — Ana Reyes');
    await driver.storageSet({ settings });
    await popup.close();
    await page.close();
  });
});
