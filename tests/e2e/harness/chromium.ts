// Chromium through playwright-core: Debian's /usr/bin/chromium with the unpacked extension
// loaded from the command line; the extension id comes from its service worker's URL.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type ElementHandle, type Page } from 'playwright-core';
import {
  DEFAULT_TIMEOUT_MS,
  DEFAULT_VIEWPORT,
  HarnessDriver,
  NAVIGATION_TIMEOUT_MS,
  distDir,
  pollUntil,
  readManifest,
  type BackgroundState,
  type BrowserDriver,
  type BrowserPrimitives,
  type ElementAction,
  type LaunchOptions,
  type TabPrimitives,
} from './driver';

/** The Chromium binary (Debian's package); CHROMIUM_BIN overrides it. */
export const CHROMIUM_BIN: string = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/**
 * Command-line switches on top of Playwright's defaults. The first block is the verified set
 * for this machine (as root, no network). --host-resolver-rules stops the DNS look-ups that
 * Chromium still makes with them (accounts.google.com, update.googleapis.com) while keeping
 * 127.0.0.1 and localhost reachable.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
  ];
}

/** The id Chromium gives an unpacked extension without a "key": sha256 of its absolute path, as a-p letters. */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The part of a DevTools protocol DOM node that closedShadowTexts reads. */
interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
}

function findNode(node: DomNode, test: (node: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

function collectTexts(node: DomNode, out: string[]): void {
  if (node.localName === 'style') return;
  if (node.nodeType === 3 && node.nodeValue?.trim()) out.push(node.nodeValue.trim());
  for (const child of node.children ?? []) collectTexts(child, out);
}

/** A tab in Chromium. */
class ChromiumTab implements TabPrimitives {
  readonly browser = 'chromium' as const;
  readonly console: string[] = [];
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => this.console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => this.errors.push(error.message));
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
    const handle = (await this.page.evaluateHandle(expression)).asElement() as ElementHandle<HTMLElement> | null;
    if (!handle) throw new Error(`no element for ${action.kind}`);
    try {
      switch (action.kind) {
        case 'click':
          await handle.click({ timeout: DEFAULT_TIMEOUT_MS });
          break;
        case 'hover':
          await handle.hover({ timeout: DEFAULT_TIMEOUT_MS });
          break;
        case 'fill':
          await handle.fill(action.value, { timeout: DEFAULT_TIMEOUT_MS });
          break;
        case 'select':
          await handle.selectOption({ value: action.value }, { timeout: DEFAULT_TIMEOUT_MS });
          break;
      }
    } finally {
      await handle.dispose();
    }
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async screenshot(path: string, options: { fullPage?: boolean } = {}): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false });
  }

  async closedShadowTexts(hostTag: string): Promise<string[] | null> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      // pierce: true is the protocol's way into shadow roots, closed ones included.
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      const host = findNode(root, (node) => node.localName === hostTag.toLowerCase());
      const shadow = host?.shadowRoots?.find((r) => r.shadowRootType === 'closed');
      if (!shadow) return [];
      const texts: string[] = [];
      collectTexts(shadow, texts);
      return texts;
    } finally {
      await cdp.detach();
    }
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }
}

/**
 * Stops the extension's MV3 service worker the way chrome://serviceworker-internals does, over
 * the DevTools protocol: ServiceWorker.stopWorker on a CDP session of any tab (the domain sees
 * every worker of the profile, extension workers included), with the worker's running status
 * taken from ServiceWorker.workerVersionUpdated events.
 */
class ServiceWorkerControl {
  private session: { cdp: CDPSession; page: Page } | undefined;
  private connecting: Promise<CDPSession> | undefined;
  /** runningStatus of each live (not redundant) version of the extension's worker. */
  private readonly versions = new Map<string, BackgroundState>();
  /** How many times a version was seen reaching 'stopped', so a stop is noticed even if a restart follows at once. */
  private stops = 0;

  constructor(
    private readonly context: BrowserContext,
    private readonly origin: string,
  ) {}

  private async cdp(): Promise<CDPSession> {
    if (this.session && !this.session.page.isClosed()) return this.session.cdp;
    this.connecting ??= (async () => {
      // Any open tab will do; the first one (about:blank) is there from the start.
      const page = this.context.pages().find((p) => !p.isClosed()) ?? (await this.context.newPage());
      const cdp = await this.context.newCDPSession(page);
      this.versions.clear();
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const version of versions) {
          if (!version.scriptURL.startsWith(`${this.origin}/`)) continue;
          if (version.status === 'redundant') {
            this.versions.delete(version.versionId);
            continue;
          }
          if (version.runningStatus === 'stopped' && this.versions.get(version.versionId) !== 'stopped') this.stops++;
          this.versions.set(version.versionId, version.runningStatus);
        }
      });
      await cdp.send('ServiceWorker.enable');
      this.session = { cdp, page };
      return cdp;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** The extension's live worker version, once the enable call has reported it. */
  private async version(): Promise<{ id: string; state: BackgroundState }> {
    await this.cdp();
    return pollUntil(
      async () => {
        const [id, state] = [...this.versions][0] ?? [];
        return id === undefined || state === undefined ? undefined : { id, state };
      },
      5_000,
      () => `the service worker of ${this.origin} to be reported over CDP`,
      10,
    );
  }

  async state(): Promise<BackgroundState> {
    return (await this.version()).state;
  }

  async stop(): Promise<boolean> {
    const { id, state } = await this.version();
    if (state === 'stopped') return false;
    const before = this.stops;
    await (await this.cdp()).send('ServiceWorker.stopWorker', { versionId: id });
    await pollUntil(async () => (this.stops > before ? true : undefined), 10_000, () => `the service worker of ${this.origin} to stop`, 5);
    return true;
  }
}

/** The browser-level primitives for a Chromium persistent context. */
class ChromiumBrowser implements BrowserPrimitives {
  readonly name = 'chromium' as const;
  readonly extensionOrigin: string;
  private readonly tabsByPage = new WeakMap<Page, ChromiumTab>();
  private readonly worker: ServiceWorkerControl;

  constructor(
    readonly context: BrowserContext,
    readonly extensionHost: string,
    readonly profileDir: string | undefined,
  ) {
    this.extensionOrigin = `chrome-extension://${extensionHost}`;
    this.worker = new ServiceWorkerControl(context, this.extensionOrigin);
  }

  get extensionId(): string {
    return this.extensionHost;
  }

  private tabFor(page: Page): ChromiumTab {
    let tab = this.tabsByPage.get(page);
    if (!tab) {
      tab = new ChromiumTab(page);
      this.tabsByPage.set(page, tab);
    }
    return tab;
  }

  async newTab(): Promise<TabPrimitives> {
    return this.tabFor(await this.context.newPage());
  }

  async tabs(): Promise<Array<{ tab: TabPrimitives; url: string }>> {
    return this.context
      .pages()
      .filter((page) => !page.isClosed())
      .map((page) => ({ tab: this.tabFor(page), url: page.url() }));
  }

  backgroundState(): Promise<BackgroundState> {
    return this.worker.state();
  }

  stopBackground(): Promise<boolean> {
    return this.worker.stop();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Launches Chromium with the unpacked extension (default dist/chrome). */
export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserDriver> {
  const started = Date.now();
  const extensionDir = resolve(options.extensionDir ?? distDir('chromium'));
  const manifest = readManifest(extensionDir);
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(options.profileDir ?? '', {
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: chromiumArgs(extensionDir),
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
    timeout: NAVIGATION_TIMEOUT_MS,
  });
  try {
    context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    const background = manifest.background as { service_worker?: string } | undefined;
    let host: string;
    if (background?.service_worker) {
      const worker =
        context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
        (await context.waitForEvent('serviceworker', {
          predicate: (w) => w.url().startsWith('chrome-extension://'),
          timeout: 15_000,
        }));
      host = new URL(worker.url()).host;
    } else {
      if (manifest.key) throw new Error('manifest has a "key" and no service worker: cannot tell the extension id');
      host = unpackedExtensionId(extensionDir);
    }
    const driver = new HarnessDriver(new ChromiumBrowser(context, host, options.profileDir));
    driver.launchMs = Date.now() - started;
    return driver;
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
