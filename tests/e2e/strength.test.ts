// Most check-worthy first: strong and light highlights must be told apart without colour (their
// computed styles differ in more than colour properties, while the verdict's underline style,
// its own non-colour cue, stays the same), and the popup sorts by check-worthiness and filters
// the top claims.
import { BROWSERS, artifactPath, hasBuiltExtension } from './harness/driver';
import { useBrowserSession } from './harness/session';

const run = hasBuiltExtension() ? describe : describe.skip;

/** Computed style properties that carry no colour. */
const NON_COLOUR = ['textDecorationLine', 'textDecorationStyle', 'textDecorationThickness', 'textUnderlineOffset', 'fontWeight', 'fontStyle', 'outlineStyle', 'outlineWidth', 'borderBottomStyle', 'borderBottomWidth'] as const;

run.each(BROWSERS)('%s: highlight strengths', (browserName) => {
  const session = useBrowserSession(browserName);

  test('strong and light highlights differ without colour; the popup sorts by check-worthiness and filters top claims', async () => {
    const { server, driver } = session;
    const url = server.url('/sample/venezuela-russia.html');
    const page = await driver.openPage(url);
    await page.waitForSelector('mark[data-factmark-strength="strong"]', 15_000);
    const styles = await page.evaluate((props: readonly string[]) => {
      const pick = (strength: string) => {
        const mark = document.querySelector(`mark[data-factmark-strength="${strength}"][data-factmark-verdict="unreviewed"]`);
        if (!mark) return null;
        const style = getComputedStyle(mark) as unknown as Record<string, string>;
        return Object.fromEntries(props.map((p) => [p, style[p] ?? '']));
      };
      const ids = (strength: string) => new Set([...document.querySelectorAll(`mark[data-factmark-strength="${strength}"]`)].map((m) => m.getAttribute('data-factmark-id'))).size;
      return { strong: pick('strong'), light: pick('light'), strongCount: ids('strong'), lightCount: ids('light') };
    }, NON_COLOUR);
    expect(styles.strong).not.toBeNull();
    expect(styles.light).not.toBeNull();
    expect(styles.strongCount).toBeGreaterThan(0);
    expect(styles.lightCount).toBeGreaterThan(0);
    const differing = NON_COLOUR.filter((p) => styles.strong?.[p] !== styles.light?.[p]);
    expect(differing.length).toBeGreaterThan(0);
    expect(parseFloat(styles.strong?.textDecorationThickness ?? '0')).toBeGreaterThan(parseFloat(styles.light?.textDecorationThickness ?? '0'));
    // The verdict's own cue (underline style) is not used for strength.
    expect(styles.strong?.textDecorationStyle).toBe(styles.light?.textDecorationStyle);

    await page.evaluate(() => document.querySelector('mark[data-factmark-strength="strong"]')?.scrollIntoView({ block: 'center' }));
    await page.screenshot(artifactPath(`${browserName}-strengths.png`));
    const tabId = await driver.tabIdOf(url);
    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.claim', 15_000);
    await popup.select({ label: 'Order' }, 'check-worthiness');
    // Ranks in the list run 1, 2, 3, ... once sorted.
    await popup.waitForFunction(`(() => { const r = [...document.querySelectorAll('.claim .chip.rank')].map((c) => Number(c.textContent.replace('#', ''))); return r.length > 2 && r.every((v, i) => v === i + 1); })()`, 10_000);
    const scores = await popup.evaluate(() => [...document.querySelectorAll('.claim')].map((c) => Number(/(\d+)\s*%/.exec(c.querySelector('.claim-meta')?.textContent ?? '')?.[1] ?? -1)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await popup.screenshot(artifactPath(`${browserName}-popup-sorted.png`));
    // The order is kept for the next popup.
    await driver.waitForStorage((items) => (items.settings as { claimOrder?: string } | undefined)?.claimOrder === 'check-worthiness');

    await popup.click({ role: 'button', name: 'Top claims' });
    await popup.waitForFunction(`document.querySelectorAll('.claim').length === ${styles.strongCount}`, 10_000);
    expect(await popup.count('.claim .chip.strong')).toBe(styles.strongCount);
    await popup.close();
    await page.close();
  });
});
