import fs from 'node:fs';
import path from 'node:path';
import { parseClaimsCsv } from '../../src/core/claims/evaluate';
import model from '../../src/core/claims/model.json';
import { OPERATING_POINTS, SENSITIVITY_THRESHOLDS, scoreSentence } from '../../src/core/claims/score';

// dev.csv is part of the cross-validation pool, so it is no held-out test any more; here it only
// fingerprints the shipped scorer: features changed without retraining change these figures.
const dataDir = path.resolve(__dirname, '../..', process.env.FACTMARK_CLAIMS_DATA ?? '../shared/data/claims');
const devPath = path.join(dataDir, 'dev.csv');
const available = fs.existsSync(devPath);
if (!available) console.warn(`claims-dev: skipped, ${devPath} not found (set FACTMARK_CLAIMS_DATA)`);

(available ? describe : describe.skip)('shipped model against the figures training recorded', () => {
  test('the scorer reproduces the dev.csv fingerprint taken at training time (a stale model fails)', () => {
    const rows = parseClaimsCsv(fs.readFileSync(devPath, 'utf8'));
    const scores = rows.map((row) => scoreSentence(row.text).score);
    const fingerprint = model.metrics.devFingerprint;
    expect(rows.length).toBe(fingerprint.n);
    expect(Math.abs(scores.reduce((a, b) => a + b, 0) / rows.length - fingerprint.meanScore)).toBeLessThan(1e-4);
    expect(scores.filter((s) => s >= SENSITIVITY_THRESHOLDS.balanced).length).toBe(fingerprint.aboveBalanced);
  });

  test("the TypeScript scorer gives the trainer's float logits (Python) up to 16-bit quantisation", () => {
    const rows = parseClaimsCsv(fs.readFileSync(devPath, 'utf8'));
    const { parity } = model.metrics;
    expect(parity.length).toBeGreaterThanOrEqual(20);
    // The rows spread over dev.csv, so they cover short and long, low and high scores.
    expect(Math.min(...parity.map((p) => p.logit))).toBeLessThan(-1);
    expect(Math.max(...parity.map((p) => p.logit))).toBeGreaterThan(1);
    for (const { devRow, logit } of parity) {
      const { score } = scoreSentence(rows[devRow]?.text ?? '');
      // Rounding each weight to 16 bits moves a logit by far less than this; a mismatch in
      // features, repeated buckets, bias or decoding moves it by much more.
      expect(Math.abs(Math.log(score / (1 - score)) - logit)).toBeLessThan(0.005);
    }
  });
});

describe('operating points in the model file', () => {
  test('fewer keeps precision >= 0.85, more keeps recall >= 0.90, balanced lies between', () => {
    expect(OPERATING_POINTS.fewer.precision).toBeGreaterThanOrEqual(0.85);
    expect(OPERATING_POINTS.more.recall).toBeGreaterThanOrEqual(0.9);
    expect(OPERATING_POINTS.fewer.threshold).toBe(SENSITIVITY_THRESHOLDS.fewer);
    expect(OPERATING_POINTS.more.threshold).toBe(SENSITIVITY_THRESHOLDS.more);
    expect(OPERATING_POINTS.balanced.recall).toBeGreaterThan(OPERATING_POINTS.fewer.recall);
    expect(OPERATING_POINTS.balanced.recall).toBeLessThan(OPERATING_POINTS.more.recall);
  });

  test('records the baseline measured on the same folds in the same run, and the nested estimates', () => {
    const { model: shipped, baseline, nested, sentences } = model.metrics.cv;
    expect(sentences).toBe(model.cvSentences);
    for (const point of [shipped, baseline, nested.model, nested.baseline]) {
      expect(point.f1).toBeGreaterThan(0.5);
      expect(point.f1).toBeLessThan(1);
    }
    expect(shipped.threshold).toBe(SENSITIVITY_THRESHOLDS.balanced);
  });
});
