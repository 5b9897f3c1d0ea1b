// A copy of the built extension with one page added for tests, request-page.html, whose
// script (request-page.entry.ts) exposes the extension's own requestBackground. The copy lives
// in a temporary folder, so dist/ stays exactly what `npm run build` made.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { distDir, type BrowserName } from './driver';

/** The added page, relative to the extension root (for openExtensionPage). */
export const REQUEST_PAGE = 'request-page.html';

/** An unpacked extension folder to launch with, and how to remove it afterwards. */
export interface ExtensionCopy {
  readonly dir: string;
  remove(): void;
}

/** Copies dist/<browser> to a temporary folder and adds request-page.html with its bundled script. */
export function extensionWithRequestPage(name: BrowserName): ExtensionCopy {
  const dir = join(mkdtempSync(join(tmpdir(), `factmark-ext-${name}-`)), 'extension');
  cpSync(distDir(name), dir, { recursive: true });
  buildSync({
    entryPoints: [join(__dirname, 'request-page.entry.ts')],
    outfile: join(dir, 'request-page.js'),
    bundle: true,
    format: 'iife',
    target: name === 'firefox' ? ['firefox140'] : ['chrome120'],
    logLevel: 'warning',
  });
  writeFileSync(join(dir, REQUEST_PAGE), '<!doctype html>\n<meta charset="utf-8">\n<title>Factmark request page (tests)</title>\n<script src="request-page.js"></script>\n');
  return { dir, remove: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}
