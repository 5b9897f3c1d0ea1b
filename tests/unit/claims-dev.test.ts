import fs from 'node:fs';
import path from 'node:path';
import { evaluateRows, parseClaimsCsv } from '../../src/core/claims/evaluate';
import model from '../../src/core/claims/model.json';
import { DEFAULT_THRESHOLD, scoreSentence } from '../../src/core/claims/score';

// The expert-labelled dev set lives outside the repository (it is never copied in).
const dataDir = path.resolve(__dirname, '../..', process.env.FACTMARK_CLAIMS_DATA ?? '../shared/data/claims');
const devPath = path.join(dataDir, 'dev.csv');
const available = fs.existsSync(devPath);
if (!available) console.warn(`claims-dev: skipped, ${devPath} not found (set FACTMARK_CLAIMS_DATA)`);

(available ? describe : describe.skip)('shipped model on dev.csv', () => {
  test('dev F1 at DEFAULT_THRESHOLD equals what training reported (a stale model fails)', () => {
    const rows = parseClaimsCsv(fs.readFileSync(devPath, 'utf8'));
    const metrics = evaluateRows(rows, (text) => scoreSentence(text).score, DEFAULT_THRESHOLD);
    expect(metrics.n).toBe(model.metrics.dev.n);
    expect(Math.abs(metrics.f1 - model.metrics.dev.f1)).toBeLessThanOrEqual(0.005);
    expect(model.metrics.dev.threshold).toBe(DEFAULT_THRESHOLD);
    expect(Object.keys(metrics.perSource)).toEqual(['claimbuster_groundtruth']);
  });
});
