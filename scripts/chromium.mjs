// How the scripts and the benchmark start Debian's Chromium: the switches verified on our
// machines (as root, no network), with the built extension loaded when a folder is given. The
// e2e harness has the same list in TypeScript (tests/e2e/harness/chromium.ts, chromiumArgs).

/** The Chromium binary (Debian's package); CHROMIUM_BIN overrides it. */
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/**
 * Command-line switches, loading the unpacked extension in `extensionDir` when given.
 * --host-resolver-rules stops the DNS look-ups Chromium still makes (accounts.google.com,
 * update.googleapis.com) while keeping 127.0.0.1 and localhost reachable.
 */
export function chromiumArgs(extensionDir) {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
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
