#!/usr/bin/env node
// Trains the check-worthiness model (npm run train:claims).
//
// Every choice is made by stratified 5-fold cross-validation over train.csv + dev.csv together,
// on out-of-fold scores: each feature group's regularisation, the weight of each group, the
// thresholds of the three sensitivity settings. Features come from the shipped TypeScript
// (src/core/claims/features.ts, bundled with esbuild), so training and inference cannot disagree;
// scikit-learn fits the models (scripts/train_claims.py). The shipped model's cross-validated
// figures are measured with the shipped scorer itself (quantised weights, boilerplate rule and
// all): each fold's model is encoded like the shipped one and scores the fold it never saw. The
// plain baseline (word 1-2-gram + char 2-5-gram TF-IDF logistic regression, balanced class
// weights) is fitted on the same folds in the same run. Deterministic: same data, same bytes.
//
// A time-ordered check is printed beside the CV: both models fitted on train.csv's oldest 80% of
// debates and scored on the newest 20%, each at its own cross-validated balanced threshold.
// `npm run train:claims -- --alternatives` also measures, on the same folds, the candidates that
// were evaluated and not shipped (scripts/train_claims_alternatives.py); they are printed only,
// so the model file is the same with or without it.
//
// Data: $FACTMARK_CLAIMS_DATA or ../shared/data/claims next to the repository (train.csv, dev.csv).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, process.env.FACTMARK_CLAIMS_DATA ?? '../shared/data/claims');
const MODEL_PATH = path.join(ROOT, 'src/core/claims/model.json');
const PYTHON = process.env.FACTMARK_PYTHON ?? '/usr/bin/python3';
const MIN_PRECISION = 0.85; // "fewer claims"
const MIN_RECALL = 0.9; // "more claims"
const ALTERNATIVES = process.argv.includes('--alternatives');
const PARITY_SAMPLES = 40;
const ATTRIBUTION =
  'Trained on the ClaimBuster dataset (CC BY 4.0): Arslan, Hassan, Li, Tremayne (2020), ' +
  '"A Benchmark Dataset of Check-worthy Factual Claims", ICWSM, doi:10.5281/zenodo.3609356.';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-claims-'));
let bundles = 0;

/**
 * Bundles TypeScript source (an entry file's text) and imports it. With `modelPath`, the
 * scorer's `./model.json` import is redirected there, so a candidate model can be scored
 * before anything is written into the repository.
 */
async function importTs(contents, modelPath) {
  const redirect = {
    name: 'candidate-model',
    setup(b) {
      b.onResolve({ filter: /[/\\]model\.json$/ }, () => ({ path: modelPath }));
    },
  };
  const out = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'train-entry.ts' },
    bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'error',
    plugins: modelPath ? [redirect] : [],
  });
  const file = path.join(work, `bundle-${bundles++}.mjs`);
  fs.writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

/** Extracts every row's features once (the cache the whole selection reuses) as raw CSR arrays. */
function writeFeatures(rows, visitFeatures) {
  const indptr = [0];
  const indices = [];
  const values = [];
  const groups = [];
  for (const row of rows) {
    visitFeatures(row.text, (index, value, _reason, group) => {
      indices.push(index);
      values.push(value);
      groups.push(group);
    });
    indptr.push(indices.length);
  }
  const put = (suffix, array) => fs.writeFileSync(path.join(work, `all.${suffix}`), Buffer.from(array.buffer));
  put('indptr.i32', Int32Array.from(indptr));
  put('indices.i32', Int32Array.from(indices));
  put('values.f32', Float32Array.from(values));
  put('groups.u8', Uint8Array.from(groups));
  put('labels.u8', Uint8Array.from(rows.map((r) => r.label)));
  return indices.length;
}

const readF64 = (name) => new Float64Array(new Uint8Array(fs.readFileSync(path.join(work, name))).buffer);
const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const round = (x, digits = 4) => Number(x.toFixed(digits));

/** Quantises weights to int16 and encodes the non-zero ones sparsely (varint deltas + int16). */
function encodeWeights(weights) {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = Number((maxAbs / 32767).toPrecision(8));
  const idx = [];
  const q = [];
  let prev = 0;
  weights.forEach((w, i) => {
    const v = Math.round(w / scale);
    if (v === 0) return;
    for (let d = i - prev; ; d >>>= 7) {
      if (d < 0x80) { idx.push(d); break; }
      idx.push((d & 0x7f) | 0x80);
    }
    prev = i;
    q.push(v);
  });
  return {
    scale,
    nonZero: q.length,
    index: Buffer.from(Uint8Array.from(idx)).toString('base64'),
    weight: Buffer.from(new Uint8Array(Int16Array.from(q).buffer)).toString('base64'),
  };
}

/** A model file for weights and a bias (thresholds and figures are filled in later). */
function modelFile(lib, weights, bias) {
  const encoded = encodeWeights(weights);
  return {
    model: {
      format: 'factmark-claims-linear/2',
      dimBits: lib.DIM_BITS,
      bias: round(bias, 6),
      scale: encoded.scale,
      index: encoded.index,
      weight: encoded.weight,
      thresholds: { fewer: 0.5, balanced: 0.5, more: 0.5 },
      operatingPoints: {},
      cvSentences: 0,
    },
    nonZero: encoded.nonZero,
  };
}

/** P/R/F1 rounded for printing and for the model file. */
function pointAt(lib, items, threshold) {
  const m = lib.computeMetrics(items, threshold);
  return { threshold: round(threshold), precision: round(m.precision), recall: round(m.recall), f1: round(m.f1) };
}

/** The three operating points on out-of-fold scores. */
function operatingPoints(lib, items) {
  const fewer = lib.thresholdForPrecision(items, MIN_PRECISION);
  if (fewer === null) throw new Error(`no threshold reaches precision ${MIN_PRECISION} in cross-validation`);
  return {
    fewer: pointAt(lib, items, round(fewer)),
    balanced: pointAt(lib, items, round(lib.bestThreshold(items).threshold)),
    more: pointAt(lib, items, round(lib.thresholdForRecall(items, MIN_RECALL))),
  };
}

const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;

/**
 * 95% interval of F1(a) - F1(b), each at its fixed threshold, by a paired bootstrap over the
 * sentences (2,000 resamples, fixed seed, so the run stays deterministic). Sentences of one
 * debate are not independent, so the interval is on the narrow side.
 */
function bootstrapGain(a, thresholdA, b, thresholdB) {
  const n = a.length;
  const label = Uint8Array.from(a, (x) => x.label);
  const hitA = Uint8Array.from(a, (x) => (x.score >= thresholdA ? 1 : 0));
  const hitB = Uint8Array.from(b, (x) => (x.score >= thresholdB ? 1 : 0));
  let seed = 0x2545f491;
  const gains = [];
  for (let round = 0; round < 2000; round++) {
    let positives = 0, predA = 0, predB = 0, tpA = 0, tpB = 0;
    for (let k = 0; k < n; k++) {
      seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; // xorshift32
      const i = Math.floor(((seed >>> 0) / 4294967296) * n);
      positives += label[i]; predA += hitA[i]; predB += hitB[i];
      tpA += hitA[i] & label[i]; tpB += hitB[i] & label[i];
    }
    gains.push((2 * tpA) / (predA + positives) - (2 * tpB) / (predB + positives));
  }
  gains.sort((x, y) => x - y);
  return [gains[49], gains[1950]];
}

const pct = (x) => (100 * x).toFixed(1).padStart(5);
const row = (name, p) => `  ${name.padEnd(34)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}   @${p.threshold}`;

async function main() {
  for (const f of ['train.csv', 'dev.csv']) {
    if (!fs.existsSync(path.join(DATA, f))) throw new Error(`missing ${path.join(DATA, f)} (set FACTMARK_CLAIMS_DATA)`);
  }
  const lib = await importTs("export * from './src/core/claims/features'; export * from './src/core/claims/evaluate'; export { isBoilerplate } from './src/core/claims/boilerplate';");
  const train = lib.parseClaimsCsv(fs.readFileSync(path.join(DATA, 'train.csv'), 'utf8'));
  const dev = lib.parseClaimsCsv(fs.readFileSync(path.join(DATA, 'dev.csv'), 'utf8'));
  const rows = [...train, ...dev];
  // Newer debates: train.csv's ids follow the debates' order, so its newest 20 % by id is a
  // look at drift to material the model has not seen (reported only, never used to choose).
  const idNumber = (id) => Number(/(\d+)$/.exec(id)?.[1] ?? 0);
  const byAge = train.map((r, i) => [idNumber(r.id), i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
  const cut = Math.floor(byAge.length * 0.8);
  const oldRows = byAge.slice(0, cut).sort((a, b) => a - b);
  const newRows = byAge.slice(cut).sort((a, b) => a - b);
  const nnz = writeFeatures(rows, lib.visitFeatures);
  fs.writeFileSync(path.join(work, 'texts.json'), JSON.stringify(rows.map((r) => r.text)));
  fs.writeFileSync(path.join(work, 'meta.json'), JSON.stringify({ dim: lib.DIM, groups: lib.FEATURE_GROUPS, oldRows, newRows, parityRows: dev.length }));
  console.log(`features: ${rows.length} sentences (${train.length} train.csv + ${dev.length} dev.csv), ${nnz} values, groups ${lib.FEATURE_GROUPS.join(', ')}`);

  const py = spawnSync(PYTHON, [path.join(ROOT, 'scripts/train_claims.py'), work, ...(ALTERNATIVES ? ['--alternatives'] : [])], {
    stdio: 'inherit', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  if (py.status !== 0) throw new Error(`train_claims.py failed (exit ${py.status})`);
  const result = JSON.parse(fs.readFileSync(path.join(work, 'result.json'), 'utf8'));
  const folds = new Int8Array(fs.readFileSync(path.join(work, 'folds.i8')));

  // The shipped scorer on each fold it never saw: fold k's model, encoded like the shipped one.
  const oofScores = new Float64Array(rows.length);
  for (let k = 0; k < 5; k++) {
    const { bias } = JSON.parse(fs.readFileSync(path.join(work, `fold${k}.json`), 'utf8'));
    const candidate = path.join(work, `fold${k}.model.json`);
    fs.writeFileSync(candidate, JSON.stringify(modelFile(lib, readF64(`fold${k}.weights.f64`), bias).model));
    const { scoreSentence } = await importTs("export { scoreSentence } from './src/core/claims/score';", candidate);
    rows.forEach((r, i) => {
      if (folds[i] === k) oofScores[i] = scoreSentence(r.text).score;
    });
  }
  const modelOof = rows.map((r, i) => ({ label: r.label, score: oofScores[i] }));
  const baseZ = readF64('baseline.oof.f64');
  const baseOof = rows.map((r, i) => ({ label: r.label, score: sigmoid(baseZ[i]) }));
  const points = operatingPoints(lib, modelOof);
  const basePoints = operatingPoints(lib, baseOof);

  // Newer debates at each model's own cross-validated balanced threshold.
  const newestItems = (file) => {
    const z = readF64(file);
    return newRows.map((i, k) => ({ label: rows[i].label, score: sigmoid(z[k]) }));
  };
  // The newest-debates model is scored in float (Python), so its threshold is the logit's.
  const newestModelItems = newestItems('newest.model.f64');
  const newestBaseItems = newestItems('newest.baseline.f64');
  const newestModel = pointAt(lib, newestModelItems, points.balanced.threshold);
  const newestBase = pointAt(lib, newestBaseItems, basePoints.balanced.threshold);
  const cvInterval = bootstrapGain(modelOof, points.balanced.threshold, baseOof, basePoints.balanced.threshold);
  const newestInterval = bootstrapGain(newestModelItems, points.balanced.threshold, newestBaseItems, basePoints.balanced.threshold);

  const { model, nonZero } = modelFile(lib, readF64('final.weights.f64'), result.bias);
  model.thresholds = { fewer: points.fewer.threshold, balanced: points.balanced.threshold, more: points.more.threshold };
  model.operatingPoints = Object.fromEntries(Object.entries(points).map(([k, p]) => [k, { threshold: p.threshold, precision: p.precision, recall: p.recall }]));
  model.cvSentences = rows.length;
  const candidate = path.join(work, 'model.json');
  fs.writeFileSync(candidate, JSON.stringify(model));
  // A fingerprint of the shipped scorer on dev.csv: a unit test recomputes it, so features
  // changed without retraining fail the tests.
  const { scoreSentence } = await importTs("export { scoreSentence } from './src/core/claims/score';", candidate);
  const devScores = dev.map((r) => scoreSentence(r.text).score);
  // Python's float logits for PARITY_SAMPLES dev.csv rows spread over the file (page furniture,
  // which the scorer sinks by rule, left out): the unit test checks the TypeScript scorer against them.
  const parityLogits = readF64('parity.f64');
  const eligible = dev.map((r, i) => i).filter((i) => !lib.isBoilerplate(dev[i].text));
  const parity = Array.from({ length: PARITY_SAMPLES }, (_, k) => eligible[Math.floor((k * eligible.length) / PARITY_SAMPLES)])
    .map((i) => ({ devRow: i, logit: round(parityLogits[i], 6) }));
  model.metrics = {
    cv: { folds: 5, sentences: rows.length, model: points.balanced, baseline: basePoints.balanced, nested: result.nested },
    baseline: { C: result.baseline.C, grid: result.baseline.grid, operatingPoints: basePoints },
    groups: result.groups,
    newestDebates: { n: newRows.length, model: newestModel, baseline: newestBase, note: "fit on train.csv's oldest 80% by id, scored on its newest 20%" },
    devFingerprint: { n: dev.length, meanScore: round(devScores.reduce((a, b) => a + b, 0) / dev.length, 6), aboveBalanced: devScores.filter((s) => s >= points.balanced.threshold).length },
    nonZeroWeights: nonZero,
    parity,
  };
  model.attribution = ATTRIBUTION;
  const text = `${JSON.stringify(model)}\n`;
  fs.writeFileSync(MODEL_PATH, text);
  fs.rmSync(work, { recursive: true, force: true });

  const gain = points.balanced.f1 - basePoints.balanced.f1;
  console.log(`\ngroups (C and weight chosen on out-of-fold scores): ${Object.entries(result.groups).map(([g, v]) => `${g} C=${v.C} w=${v.weight}`).join(', ')}`);
  console.log(`baseline C=${result.baseline.C} (grid ${result.baseline.grid.map((e) => `${e.C}: ${e.oofBestF1}`).join(', ')})`);
  console.log(`\n5-fold stratified CV over ${rows.length} sentences, pooled out-of-fold scores (P / R / F1 in %):`);
  console.log(row('shipped model, balanced', points.balanced));
  console.log(row('baseline TF-IDF LR, its best F1', basePoints.balanced));
  console.log(`  F1 gain over the baseline: ${signed(gain)} (95% paired bootstrap over sentences: ${signed(cvInterval[0])} to ${signed(cvInterval[1])})`);
  const nm = result.nested.model;
  const nb = result.nested.baseline;
  console.log(`nested (every choice for fold k made on the other folds; float scores): model P ${pct(nm.precision)} R ${pct(nm.recall)} F1 ${pct(nm.f1)}; baseline P ${pct(nb.precision)} R ${pct(nb.recall)} F1 ${pct(nb.f1)}`);
  console.log('\noperating points of the shipped model (cross-validated):');
  console.log(row(`fewer (precision >= ${MIN_PRECISION})`, points.fewer));
  console.log(row('balanced (best F1)', points.balanced));
  console.log(row(`more (recall >= ${MIN_RECALL})`, points.more));
  console.log('operating points of the baseline (cross-validated):');
  console.log(row(`fewer (precision >= ${MIN_PRECISION})`, basePoints.fewer));
  console.log(row('balanced (best F1)', basePoints.balanced));
  console.log(row(`more (recall >= ${MIN_RECALL})`, basePoints.more));
  const newestGain = newestModel.f1 - newestBase.f1;
  console.log(`\ntime-ordered: newest 20% of train.csv debates (n=${newRows.length}), both fitted on the oldest 80%, each at its CV balanced threshold:`);
  console.log(row('shipped model', newestModel));
  console.log(row('baseline TF-IDF LR', newestBase));
  console.log(`  F1 gain over the baseline: ${signed(newestGain)} (95% paired bootstrap over sentences: ${signed(newestInterval[0])} to ${signed(newestInterval[1])})`);
  if (result.alternatives) printAlternatives(result.alternatives);
  console.log(`model: ${nonZero} non-zero weights, ${Buffer.byteLength(text)} bytes -> ${path.relative(ROOT, MODEL_PATH)} (python ${result.seconds} s)`);
}

/** The candidates evaluated and not shipped (float scores, Python), next to nothing else: figures only. */
function printAlternatives(alternatives) {
  console.log('\nalternatives on the same folds (pooled OOF best F1 per C; nested F1; newest-debates F1 at the CV threshold):');
  for (const [name, a] of Object.entries(alternatives)) {
    const grid = a.grid ? Object.entries(a.grid).map(([c, f1]) => `C=${c} ${pct(f1)}`).join(', ') : `pooled ${pct(a.pooledBestF1)}`;
    const newest = a.newest ? `; newest P ${pct(a.newest.precision)} R ${pct(a.newest.recall)} F1 ${pct(a.newest.f1)}` : '';
    console.log(`  ${name.padEnd(8)} ${grid}; nested P ${pct(a.nested.precision)} R ${pct(a.nested.recall)} F1 ${pct(a.nested.f1)}${newest}`);
  }
}

main().catch((err) => {
  fs.rmSync(work, { recursive: true, force: true });
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
