// axe-core on the popup (with claims, light and dark) and the library page, in both browsers.
import { readFileSync } from 'node:fs';
import { BROWSERS, hasBuiltExtension, type PageHandle } from './harness/driver';
import { useBrowserSession } from './harness/session';
import { REPO_ROOT } from './harness/server';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js', { paths: [REPO_ROOT] }), 'utf8');
const run = hasBuiltExtension() ? describe : describe.skip;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function axeViolations(page: PageHandle): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE};globalThis.axe = axe;`);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.map((v: AxeViolation) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

run.each(BROWSERS)('%s: accessibility (axe-core)', (browserName) => {
  const session = useBrowserSession(browserName);

  test('the popup with claims, a verdict and an open editor has no violations', async () => {
    const article = await session.driver.openPage(session.server.url('/sample/venezuela-russia.html'));
    await article.waitForSelector('mark[data-factmark-id]', 15_000);
    const tabId = await session.driver.tabIdOf(session.server.url('/sample/venezuela-russia.html'));
    const popup = await session.driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.claim', 15_000);
    await popup.select({ label: 'Verdict', exact: true, nth: 0 }, 'mostly-true');
    await popup.click({ css: '.claim [aria-expanded]', nth: 0 });
    await popup.waitForSelector('.claim-details', 5_000);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await article.close();
  });

  test('the library page has no violations', async () => {
    const library = await session.driver.openExtensionPage('library.html');
    await library.waitForSelector('h1', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await axeViolations(library)).toEqual([]);
    await library.close();
  });
});
