// `npm run train:match`: retrains the known-claim re-ranker (src/core/known/match-model.json)
// from ../shared/data/known-claims (train split only) and ../shared/corpus/readability: the
// TypeScript feature code extracts candidates, scikit-learn's SciPy (python3-sklearn) fits the
// model in scripts/train_match.py. Deterministic: the same data gives the same file.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript, scriptCache } from './import-ts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.FACTMARK_KNOWN_DATA ?? join(root, '..', 'shared', 'data', 'known-claims');
const corpusDir = join(root, '..', 'shared', 'corpus', 'readability');
if (!existsSync(join(dataDir, 'queries-train.tsv'))) {
  console.error(`train:match: no training data in ${dataDir}`);
  process.exit(1);
}
const { extract } = await importTypeScript(root, 'scripts/match-training.ts', 'train.mjs');
// One feature file per first stage: words only, and words and figures.
const features = [false, true].map((figureQuery) => {
  const file = join(scriptCache(root), `match-features-${figureQuery ? 'figures' : 'words'}.json`);
  writeFileSync(file, JSON.stringify(extract(dataDir, corpusDir, figureQuery)));
  return file;
});
const python = spawnSync('/usr/bin/python3', [join(root, 'scripts', 'train_match.py'), join(root, 'src', 'core', 'known', 'match-model.json'), ...features], { stdio: 'inherit' });
if (python.status !== 0) {
  console.error('train:match: scripts/train_match.py failed (needs python3-scipy / python3-sklearn)');
  process.exit(1);
}
