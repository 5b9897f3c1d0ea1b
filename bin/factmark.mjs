#!/usr/bin/env node
// The `factmark` command: runs the bundle `npm run build` writes to dist/cli/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'factmark.mjs');
if (!existsSync(bundle)) {
  console.error('factmark: not built yet; run `npm run build` first');
  process.exit(1);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2), (text) => console.log(text), (text) => console.error(text));
