// Bundles a TypeScript entry for Node with esbuild and imports it: the training and evaluation
// scripts run the same TypeScript the extension ships. The bundle is written inside the checkout
// (node_modules/.cache/factmark) so that it finds jsdom in node_modules.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The cache folder for bundles and intermediate files of the scripts. */
export function scriptCache(root) {
  const dir = join(root, 'node_modules', '.cache', 'factmark');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Bundles `entry` (a path under the checkout) to `<cache>/<name>` and returns its module. */
export async function importTypeScript(root, entry, name) {
  const result = await esbuild.build({ entryPoints: [join(root, entry)], bundle: true, write: false, format: 'esm', platform: 'node', external: ['jsdom'], logLevel: 'warning' });
  const file = join(scriptCache(root), name);
  writeFileSync(file, result.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}
