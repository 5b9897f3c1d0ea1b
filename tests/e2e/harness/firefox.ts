// Firefox through puppeteer-core over WebDriver BiDi: Debian's /usr/bin/firefox-esr, the
// unpacked extension installed as a temporary add-on, and a fixed moz-extension UUID.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import {
  DEFAULT_VIEWPORT,
  HarnessDriver,
  NAVIGATION_TIMEOUT_MS,
  UTILITY_PAGE,
  distDir,
  pollUntil,
  readManifest,
  withTimeout,
  type BackgroundState,
  type BrowserDriver,
  type BrowserPrimitives,
  type ElementAction,
  type LaunchOptions,
  type TabPrimitives,
} from './driver';

/** The Firefox binary (Debian's ESR package); FIREFOX_BIN overrides it. */
export const FIREFOX_BIN: string = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

/**
 * The moz-extension host the harness gives the extension. Firefox normally picks a random
 * UUID per profile; the pref extensions.webextensions.uuids (gecko id -> UUID, as JSON) makes
 * it pick this one, so extension pages have a known URL before the add-on is installed.
 */
export const FIREFOX_EXTENSION_UUID = '6f3c1a52-9d7e-4b1a-8c2f-0e5d4a7b9c31';

/**
 * Command-line switches. --remote-allow-system-access is needed to navigate a tab to a
 * moz-extension:// URL over WebDriver BiDi: without it browsingContext.navigate fails with
 * 'Navigation to "moz-extension://..." is not allowed in this context'.
 */
export const FIREFOX_ARGS: readonly string[] = ['--remote-allow-system-access'];

/**
 * Preferences written to the profile's user.js (puppeteer adds its own test defaults and
 * Firefox's remote agent its "recommended" ones; these are set up front so that nothing
 * reaches for the network before those apply, and survive a change in either list).
 */
export function firefoxPrefs(geckoId: string, uuid: string): Record<string, string | number | boolean> {
  return {
    // The moz-extension UUID for our add-on, and keep it (and its storage) if the temporary
    // add-on is uninstalled, e.g. on a profile that is reused for a restart test.
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    'extensions.webextensions.keepUuidOnUninstall': true,
    'extensions.webextensions.keepStorageOnUninstall': true,
    // MV3 host permissions are granted at install (default since Firefox 127; pinned here).
    'extensions.originControls.grantByDefault': true,
    // No add-on, blocklist, system add-on or app updates.
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    // No Remote Settings sync (without this Firefox resolves firefox.settings.services.mozilla.com at start).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    // No studies, experiments, Normandy.
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    // No telemetry or data reporting.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': 'data:,',
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.telemetry.updatePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    // No captive-portal or connectivity probes, no DNS-over-HTTPS.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.trr.mode': 5,
    // No speculative connections or DNS prefetch.
    'network.dns.disablePrefetch': true,
    'network.dns.disablePrefetchFromHTTPS': true,
    'network.predictor.enabled': false,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.urlbar.speculativeConnect.enabled': false,
    // No Safe Browsing list downloads or look-ups.
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.passwords.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google4.gethashURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.google.gethashURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.mozilla.gethashURL': '',
    'privacy.trackingprotection.enabled': false,
    // No region, geolocation, search, push, media-plugin or ML model downloads.
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.update': false,
    'geo.provider.network.url': '',
    'dom.push.connection.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-widevinecdm.enabled': false,
    'browser.ml.enable': false,
    'browser.translations.enable': false,
    'identity.fxaccounts.enabled': false,
    // A blank new-tab page with no feeds.
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
    'browser.topsites.contile.enabled': false,
    'security.OCSP.enabled': 0,
    // Belt and braces: anything else that tries a remote http(s) URL gets a dead proxy on
    // 127.0.0.1:9 (refused at once) instead of a DNS look-up. Loopback is never proxied.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1, [::1]',
    'network.proxy.allow_hijacking_localhost': false,
    // ...and no falling back to a direct connection when that proxy refuses.
    'network.proxy.failover_direct': false,
  };
}

/** The internals of puppeteer's BiDi frame used to navigate without waiting for load events. */
interface BidiFrameInternals {
  browsingContext?: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

/** True for URLs whose documents Firefox's BiDi does not report load events for. */
function isExtensionUrl(url: string): boolean {
  return url.startsWith('moz-extension:');
}

/** A tab in Firefox. */
class FirefoxTab implements TabPrimitives {
  readonly browser = 'firefox' as const;
  readonly console: string[] = [];
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => this.console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => this.errors.push(error instanceof Error ? error.message : String(error)));
  }

  isClosed(): boolean {
    return this.page.isClosed();
  }

  evalExpression<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  evalFunction<T, A>(fn: (arg: A) => T | Promise<T>, arg: A | undefined): Promise<T> {
    const run = this.page.evaluate as (f: (a: A) => T | Promise<T>, a: A | undefined) => Promise<T>;
    return run.call(this.page, fn, arg);
  }

  async act(expression: string, action: ElementAction): Promise<void> {
    const handle = (await this.page.evaluateHandle(expression)).asElement() as ElementHandle<Element> | null;
    if (!handle) throw new Error(`no element for ${action.kind}`);
    try {
      switch (action.kind) {
        case 'click':
          await handle.click();
          break;
        case 'hover':
          await handle.hover();
          break;
        case 'fill': {
          await handle.focus();
          // Like Playwright's fill: select everything, then insert the text as one input event.
          const done = await handle.evaluate((el, value) => {
            const field = el as HTMLInputElement | HTMLTextAreaElement | HTMLElement;
            if ('select' in field && typeof field.select === 'function') field.select();
            else {
              const range = document.createRange();
              range.selectNodeContents(field);
              const selection = getSelection();
              selection?.removeAllRanges();
              selection?.addRange(range);
            }
            return value === '' ? document.execCommand('delete') : document.execCommand('insertText', false, value);
          }, action.value);
          if (!done) {
            await handle.evaluate((el, value) => {
              (el as HTMLInputElement).value = value;
              el.dispatchEvent(new Event('input', { bubbles: true }));
              el.dispatchEvent(new Event('change', { bubbles: true }));
            }, action.value);
          }
          break;
        }
        case 'select':
          await (handle as ElementHandle<HTMLSelectElement>).select(action.value);
          break;
      }
    } finally {
      await handle.dispose();
    }
  }

  async goto(url: string): Promise<void> {
    if (!isExtensionUrl(url)) {
      await this.page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
      return;
    }
    // Firefox's BiDi sends no domContentLoaded/load events for moz-extension documents, so
    // page.goto() would time out although the page loaded. Start the navigation, then poll.
    const context = (this.page.mainFrame() as unknown as BidiFrameInternals).browsingContext;
    if (context) await context.navigate(url, 'interactive');
    else await this.page.goto(url, { timeout: 1 }).catch(() => undefined);
    const want = new URL(url).href;
    await pollUntil(
      async () => ((await this.evalExpression<boolean>(`location.href === ${JSON.stringify(want)} && document.readyState === 'complete'`)) ? true : undefined),
      NAVIGATION_TIMEOUT_MS,
      () => `${url} to load in firefox`,
    );
  }

  async press(key: string): Promise<void> {
    const parts = key.split('+');
    const main = parts.pop()!;
    type Key = Parameters<Page['keyboard']['press']>[0];
    for (const modifier of parts) await this.page.keyboard.down(modifier as Key);
    await this.page.keyboard.press(main as Key);
    for (const modifier of parts.reverse()) await this.page.keyboard.up(modifier as Key);
  }

  async reload(): Promise<void> {
    const href = await this.evalExpression<string>('location.href');
    if (!isExtensionUrl(href)) {
      await this.page.reload({ waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
      return;
    }
    const token = randomUUID();
    await this.evalExpression<boolean>(`(window.__factmarkHarnessReload = ${JSON.stringify(token)}, setTimeout(function () { location.reload(); }, 0), true)`);
    await pollUntil(
      async () =>
        (await this.evalExpression<boolean>(`window.__factmarkHarnessReload !== ${JSON.stringify(token)} && document.readyState === 'complete'`))
          ? true
          : undefined,
      NAVIGATION_TIMEOUT_MS,
      () => `${href} to reload in firefox`,
    );
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async screenshot(path: string, options: { fullPage?: boolean } = {}): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    // Background tabs are not painted: select the tab first.
    await this.page.bringToFront();
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: options.fullPage ?? false });
  }

  async closedShadowTexts(): Promise<string[] | null> {
    // WebDriver BiDi gives tests no way into a closed shadow root.
    return null;
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }
}

/** The raw WebDriver BiDi connection under puppeteer's Browser (its BidiBrowser has one; Browser's type does not say so). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** What script.evaluate answers. */
type BidiEvaluateResult = { type: 'success'; result: { type: string; value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };

/**
 * Privileged code that finds our add-on's Extension object in the parent process. Firefox's
 * event page has no DevTools-protocol switch; this is what about:debugging's "Terminate
 * background script" button reaches for (ExtensionParent.DebugUtils.terminateBackgroundScript).
 */
function extensionExpression(geckoId: string): string {
  return `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension(${JSON.stringify(geckoId)})`;
}

/** Firefox's names for the background's states (ext-backgroundPage.js), in the harness's words. */
function backgroundStateOf(value: unknown): BackgroundState {
  if (value === 'starting' || value === 'running' || value === 'stopped') return value;
  if (value === 'suspending') return 'stopping';
  throw new Error(`unknown Firefox background state ${String(value)}`);
}

/** The browser-level primitives for Firefox over BiDi. */
class FirefoxBrowser implements BrowserPrimitives {
  readonly name = 'firefox' as const;
  readonly extensionOrigin: string;
  private readonly tabsByPage = new WeakMap<Page, FirefoxTab>();

  constructor(
    readonly browser: Browser,
    readonly extensionHost: string,
    readonly extensionId: string,
    readonly profileDir: string | undefined,
  ) {
    this.extensionOrigin = `moz-extension://${extensionHost}`;
  }

  private tabFor(page: Page): FirefoxTab {
    let tab = this.tabsByPage.get(page);
    if (!tab) {
      tab = new FirefoxTab(page);
      this.tabsByPage.set(page, tab);
    }
    return tab;
  }

  async newTab(): Promise<TabPrimitives> {
    return this.tabFor(await this.browser.newPage());
  }

  async tabs(): Promise<Array<{ tab: TabPrimitives; url: string }>> {
    const out: Array<{ tab: TabPrimitives; url: string }> = [];
    for (const page of await this.browser.pages()) {
      if (page.isClosed()) continue;
      // puppeteer's page.url() stays stale for moz-extension documents: ask the document.
      const href = await withTimeout(page.evaluate('location.href') as Promise<string>, 1_000, () => page.url()).catch(() => page.url());
      out.push({ tab: this.tabFor(page), url: href });
    }
    return out;
  }

  /**
   * Evaluates privileged JavaScript in the browser window's chrome context: BiDi lists chrome
   * contexts ("moz:scope": "chrome") when Firefox runs with --remote-allow-system-access.
   */
  private async evaluateInChrome(expression: string): Promise<unknown> {
    const connection = (this.browser as unknown as { connection: BidiConnection }).connection;
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as { contexts: Array<{ context: string }> };
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('Firefox lists no chrome window over BiDi (is --remote-allow-system-access set?)');
    const evaluated = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result as BidiEvaluateResult;
    if (evaluated.type === 'exception') throw new Error(`chrome-scope script failed: ${evaluated.exceptionDetails.text}`);
    return evaluated.result.value;
  }

  async backgroundState(): Promise<BackgroundState> {
    return backgroundStateOf(await this.evaluateInChrome(`${extensionExpression(this.extensionId)}.backgroundState`));
  }

  async stopBackground(): Promise<boolean> {
    // disableResetIdleForTest: stop even with onMessage replies pending, which an idle stop
    // would wait for once; a new event arriving while it suspends still cancels the stop.
    const stopped = await this.evaluateInChrome(`(async () => {
      const extension = ${extensionExpression(this.extensionId)};
      if (extension.backgroundState === 'stopped') return false;
      await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
      return extension.backgroundState !== 'running';
    })()`);
    return stopped === true;
  }

  async close(): Promise<void> {
    const child = this.browser.process();
    // puppeteer's close() gives up silently (leaving Firefox running) when the BiDi
    // connection is already gone or browser.close fails: check the process ourselves.
    await withTimeout(this.browser.close().catch(() => undefined), 20_000, () => undefined);
    if (!child) return;
    const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
    const waitExit = (ms: number): Promise<boolean> =>
      exited()
        ? Promise.resolve(true)
        : withTimeout(new Promise<boolean>((done) => child.once('exit', () => done(true))), ms, () => exited());
    if (!(await waitExit(5_000))) {
      child.kill('SIGTERM');
      if (!(await waitExit(5_000))) {
        child.kill('SIGKILL');
        await waitExit(5_000);
      }
    }
    // puppeteer removes its temporary profile when the process exits; make sure it is gone.
    if (this.profileDir === undefined) {
      const at = child.spawnargs.indexOf('--profile');
      const dir = at >= 0 ? child.spawnargs[at + 1] : undefined;
      if (dir && basename(dir).startsWith('puppeteer_dev_firefox_profile-')) {
        await pollUntil(async () => (existsSync(dir) ? undefined : true), 3_000, () => `${dir} to be removed`).catch(() =>
          rmSync(dir, { recursive: true, force: true }),
        );
      }
    }
  }
}

/** Launches Firefox ESR and installs the unpacked extension (default dist/firefox) as a temporary add-on. */
export async function launchFirefox(options: LaunchOptions & { uuid?: string } = {}): Promise<BrowserDriver> {
  const started = Date.now();
  const extensionDir = resolve(options.extensionDir ?? distDir('firefox'));
  const manifest = readManifest(extensionDir);
  const gecko = (manifest.browser_specific_settings as { gecko?: { id?: string } } | undefined)?.gecko;
  const geckoId = gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id: the harness needs it to fix the moz-extension UUID`);
  const uuid = options.uuid ?? FIREFOX_EXTENSION_UUID;
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    protocol: 'webDriverBiDi',
    args: [...FIREFOX_ARGS],
    extraPrefsFirefox: firefoxPrefs(geckoId, uuid),
    defaultViewport: options.viewport ?? DEFAULT_VIEWPORT,
    // MOZ_REMOTE_SETTINGS_DEVTOOLS=1: release builds (ESR included) ignore services.settings.server
    // without it and sync Remote Settings from firefox.settings.services.mozilla.com.
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    timeout: NAVIGATION_TIMEOUT_MS,
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
  });
  const driver = new HarnessDriver(new FirefoxBrowser(browser, uuid, geckoId, options.profileDir));
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== geckoId) throw new Error(`Firefox installed the add-on as ${installed}, expected ${geckoId}`);
    // Prove the UUID took: the utility page must be our extension's.
    const runtimeId = await driver.extensionEvaluate<string>('(globalThis.browser ?? globalThis.chrome).runtime.id').catch((error: unknown) => {
      throw new Error(`could not open ${driver.extensionUrl(UTILITY_PAGE)} (is the moz-extension UUID pref applied?): ${String(error)}`);
    });
    if (runtimeId !== geckoId) throw new Error(`${driver.extensionOrigin} belongs to ${runtimeId}, not ${geckoId}`);
  } catch (error) {
    await driver.close();
    throw error;
  }
  driver.launchMs = Date.now() - started;
  return driver;
}
