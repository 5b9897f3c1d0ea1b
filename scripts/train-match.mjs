// `npm run train:match`: retrains the known-claim re-ranker (src/core/known/match-model.json)
// from ../shared/data/known-claims (train split only) and ../shared/corpus/readability: the
// TypeScript feature code extracts candidates, scikit-learn's SciPy (python3-sklearn) fits the
// model in scripts/train_match.py. Deterministic: the same data gives the same file.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.FACTMARK_KNOWN_DATA ?? join(root, '..', 'shared', 'data', 'known-claims');
const corpusDir = join(root, '..', 'shared', 'corpus', 'readability');
if (!existsSync(join(dataDir, 'queries-train.tsv'))) {
  console.error(`train:match: no training data in ${dataDir}`);
  process.exit(1);
}
const result = await esbuild.build({ entryPoints: [join(root, 'scripts', 'match-training.ts')], bundle: true, write: false, format: 'esm', platform: 'node', external: ['jsdom'], logLevel: 'warning' });
// Inside the checkout, so the bundle finds jsdom in node_modules.
const dir = join(root, 'node_modules', '.cache', 'factmark');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'train.mjs'), result.outputFiles[0].text);
const { extract } = await import(pathToFileURL(join(dir, 'train.mjs')).href);
const features = join(dir, 'match-features.json');
writeFileSync(features, JSON.stringify(extract(dataDir, corpusDir)));
const python = spawnSync('/usr/bin/python3', [join(root, 'scripts', 'train_match.py'), features, join(root, 'src', 'core', 'known', 'match-model.json')], { stdio: 'inherit' });
if (python.status !== 0) {
  console.error('train:match: scripts/train_match.py failed (needs python3-scipy / python3-sklearn)');
  process.exit(1);
}
