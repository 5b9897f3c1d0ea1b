#!/usr/bin/env node
// Measures scoreSentence throughput (sentences/s, one core) over the train + dev texts.
// Usage: node bench/claims-speed.mjs   (data: $FACTMARK_CLAIMS_DATA or ../shared/data/claims)
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, process.env.FACTMARK_CLAIMS_DATA ?? '../shared/data/claims');

const out = await build({
  stdin: {
    contents: "export { scoreSentence } from './src/core/claims/score'; export { parseClaimsCsv } from './src/core/claims/evaluate';",
    resolveDir: ROOT, loader: 'ts',
  },
  bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'error',
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-bench-'));
const file = path.join(dir, 'claims.mjs');
fs.writeFileSync(file, out.outputFiles[0].text);
const { scoreSentence, parseClaimsCsv } = await import(pathToFileURL(file).href);
fs.rmSync(dir, { recursive: true, force: true });

const texts = ['train.csv', 'dev.csv'].flatMap((f) => parseClaimsCsv(fs.readFileSync(path.join(DATA, f), 'utf8')).map((r) => r.text));
let sink = 0;
for (const t of texts.slice(0, 2000)) sink += scoreSentence(t).score; // warm up the JIT
// Wall-clock rates suffer when other processes share the machine; CPU time (user + system of
// this single-threaded process) is the fairer "one core" figure, so both are printed.
const wall = [];
const cpu = [];
for (let round = 0; round < 5; round++) {
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  for (const t of texts) sink += scoreSentence(t).score;
  const used = process.cpuUsage(startCpu);
  wall.push(texts.length / (Number(process.hrtime.bigint() - start) / 1e9));
  cpu.push(texts.length / ((used.user + used.system) / 1e6));
}
const median = (xs) => Math.round([...xs].sort((a, b) => a - b)[2]);
const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
console.log(`scoreSentence over ${texts.length} sentences (mean ${chars.toFixed(0)} chars), median of 5 passes:`);
console.log(`  ${median(cpu)} sentences/s per CPU-second (one core)`);
console.log(`  ${median(wall)} sentences/s wall clock (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
if (Number.isNaN(sink)) console.log('(NaN score seen)');
