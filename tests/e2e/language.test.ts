// A news article in Russian (with an English lang attribute and English navigation, as on many
// international sites): no automatic highlights, the popup explains why, and a claim added from
// a selection still works, in real Chromium and Firefox.
import { artifactPath, BROWSERS, hasBuiltExtension } from './harness/driver';
import { useBrowserSession } from './harness/session';

const PARAGRAPHS = [
  'Центральный банк в четверг повысил ключевую ставку на половину процентного пункта, до 16 процентов. Это уже третье повышение с начала года.',
  'В ведомстве заявили, что инфляция всё ещё слишком высока и что решение было принято единогласно. По данным Росстата, цены за год выросли на 7,4 процента.',
  'Экономисты ожидали такого шага. Аналитики считают, что регулятор может снова поднять ставку в декабре, если рубль продолжит слабеть.',
  'Министр финансов сказал журналистам, что бюджет на следующий год будет пересмотрен с учётом новой ставки и прогноза роста экономики.',
];

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Центробанк повысил ставку</title></head><body>
<nav><a href="/">Home</a> · <a href="/world">World</a> · <a href="/business">Business</a> · <a href="/sport">Sport</a></nav>
<article id="story"><h1>Центробанк снова повысил ключевую ставку</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© 2024 Example News. All rights reserved.</footer></body></html>`;

(hasBuiltExtension() ? describe.each(BROWSERS) : describe.skip.each(BROWSERS))('%s: an article in another language', (name) => {
  const session = useBrowserSession(name);
  beforeAll(() => session.server.setRoute('/ru/story.html', { body: PAGE }));

  test('gets no automatic highlights, the popup says why, and a claim added from a selection works', async () => {
    const { server, driver } = session;
    const url = server.url('/ru/story.html');
    const page = await driver.openPage(url);
    const tabId = await driver.tabIdOf(url);
    const state = await driver.extensionEvaluate(async (id: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      const api = (g.browser ?? g.chrome)!;
      // The content script may still be starting: ask until it answers.
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          return (await api.tabs.sendMessage(id, { to: 'content', type: 'page.state', payload: {} })) as { ok: boolean; value: { status: string; claims: unknown[]; notice?: { kind: string; language: string } } };
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
      throw new Error('no content script answered');
    }, tabId);
    expect(state.value.status).toBe('ready');
    expect(state.value.notice).toEqual({ kind: 'language', language: 'ru' });
    expect(state.value.claims).toEqual([]);
    expect(await page.count('mark[data-factmark-id]')).toBe(0);

    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-factmark-notice="language"]', 15_000);
    const notice = await popup.text('[data-factmark-notice="language"]');
    expect(notice).toContain('Russian');
    expect(notice).toContain('English');
    expect(notice).toMatch(/select a passage/i);
    await popup.screenshot(artifactPath(`${name}-popup-russian-article.png`));

    // The reader selects a sentence and adds it as a claim (what Alt+Shift+A and the context menu send).
    await page.evaluate(() => {
      const paragraph = document.querySelectorAll('#story p')[1] as HTMLElement;
      const text = paragraph.firstChild as Text;
      const end = text.data.indexOf('.') + 1;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, end);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const reply = await driver.extensionEvaluate(async (id: number) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } } | undefined>;
      return (await (g.browser ?? g.chrome)!.tabs.sendMessage(id, { to: 'content', type: 'selection.add', payload: {} })) as { ok: boolean; value?: string; error?: string };
    }, tabId);
    expect(reply).toMatchObject({ ok: true });
    await page.waitForSelector(`mark[data-factmark-id="${reply.value}"]`, 15_000);
    expect(await page.text(`mark[data-factmark-id="${reply.value}"]`)).toContain('В ведомстве заявили');
    await popup.reload();
    await popup.waitForSelector('.claim', 15_000);
    expect(await popup.count('.claim')).toBe(1);
    await popup.screenshot(artifactPath(`${name}-popup-russian-manual-claim.png`));
  });
});
