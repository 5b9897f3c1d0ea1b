// `npm run eval:match`: the shipped known-claim matcher and BM25 on the CheckThat! train and dev
// splits in one run, and the flag threshold's precision and recall (see scripts/match-evaluation.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './import-ts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.FACTMARK_KNOWN_DATA ?? join(root, '..', 'shared', 'data', 'known-claims');
const corpusDir = join(root, '..', 'shared', 'corpus', 'readability');
if (!existsSync(join(dataDir, 'queries-dev.tsv'))) {
  console.error(`eval:match: no data in ${dataDir}`);
  process.exit(1);
}
const { evaluate } = await importTypeScript(root, 'scripts/match-evaluation.ts', 'eval-match.mjs');
for (const line of evaluate(dataDir, corpusDir)) console.log(line);
