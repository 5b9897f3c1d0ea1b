// The set-up most real-browser suites share: a test server and one browser with the
// extension, started before the suite's tests and closed after them.
import { launch, type BrowserDriver, type BrowserName } from './driver';
import { startServer, type TestServer } from './server';

/** A suite's server and browser, available inside its tests. */
export interface BrowserSession {
  readonly server: TestServer;
  readonly driver: BrowserDriver;
}

/** Registers beforeAll/afterAll hooks that start and close a server and a browser; call inside describe. */
export function useBrowserSession(browserName: BrowserName): BrowserSession {
  let server: TestServer | undefined;
  let driver: BrowserDriver | undefined;
  beforeAll(async () => {
    server = await startServer();
    driver = await launch(browserName);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get server() {
      return started(server, 'test server');
    },
    get driver() {
      return started(driver, 'browser');
    },
  };
}
