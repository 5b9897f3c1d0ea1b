// `npm run eval:match`: the shipped known-claim matcher and BM25 on the CheckThat! train and dev
// splits in one run, and the flag threshold's precision and recall (see scripts/match-evaluation.ts).
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.FACTMARK_KNOWN_DATA ?? join(root, '..', 'shared', 'data', 'known-claims');
const corpusDir = join(root, '..', 'shared', 'corpus', 'readability');
if (!existsSync(join(dataDir, 'queries-dev.tsv'))) {
  console.error(`eval:match: no data in ${dataDir}`);
  process.exit(1);
}
const result = await esbuild.build({ entryPoints: [join(root, 'scripts', 'match-evaluation.ts')], bundle: true, write: false, format: 'esm', platform: 'node', external: ['jsdom'], logLevel: 'warning' });
const dir = join(root, 'node_modules', '.cache', 'factmark');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'eval-match.mjs'), result.outputFiles[0].text);
const { evaluate } = await import(pathToFileURL(join(dir, 'eval-match.mjs')).href);
for (const line of evaluate(dataDir, corpusDir)) console.log(line);
