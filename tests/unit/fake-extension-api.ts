// A stand-in for the extension APIs, for unit tests that render UI modules in jsdom. Import it
// before any module that reaches src/platform/browser.ts: webextension-polyfill hands back
// globalThis.browser when it has a runtime id, and t() then reads the real English messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const messages = JSON.parse(readFileSync(join(__dirname, '..', '..', 'extension', '_locales', 'en', 'messages.json'), 'utf8')) as Messages;

/** i18n.getMessage over extension/_locales/en/messages.json, with $NAME$ placeholders filled from $1, $2... */
export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? whole;
    return content.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
  });
}

const api = {
  runtime: { id: 'factmark-unit-tests', getURL: (path: string) => `chrome-extension://factmark-unit-tests/${path}` },
  i18n: { getMessage },
};
Object.assign(globalThis, { chrome: api, browser: api });
