// `npm run bench`: speed figures printed as tables, measured in one run so ratios compare
// like with like on a shared, noisy machine. Node: scoring throughput and per-page stage
// times (jsdom). Chromium: Factmark's whole scan next to Readability.js parse() on a clone of
// each page of both corpora, and the time from load to the first highlight with the extension.
// `--no-scale` leaves out the scale part (a few minutes).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, chromiumArgs } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { hugePageBench } from './huge-page.mjs';
import { scaleBench } from './scale.mjs';
import { knownBench } from './known.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, '..', 'shared', 'corpus', 'readability');
const extractionDir = join(root, '..', 'shared', 'corpus', 'article-extraction');
const claimsDir = process.env.FACTMARK_CLAIMS_DATA ?? join(root, '..', 'shared', 'data', 'claims');
const scaleOnly = process.argv.includes('--scale-only');
const hugeOnly = process.argv.includes('--huge-only');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
/** `--scan-only`: just the scan-vs-Readability table (a few minutes), for iterating on the scan. */
const scanOnly = process.argv.includes('--scan-only');

async function bundle(format, entry = 'pipeline-entry.ts', globalName = 'factmarkBench') {
  const result = await esbuild.build({ entryPoints: [join(root, 'bench', entry)], bundle: true, write: false, format, platform: format === 'esm' ? 'node' : 'browser', globalName: format === 'iife' ? globalName : undefined, external: format === 'esm' ? ['jsdom'] : [], logLevel: 'warning' });
  return result.outputFiles[0].text;
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padStart(widths[i])).join(' | ') + ' |';
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const fmt = (n, d = 1) => Number(n).toFixed(d);
if (scaleOnly) {
  await printScale();
  process.exit(0);
}
if (process.argv.includes('--known-only')) {
  for (const line of await knownBench(root, table, fmt)) console.log(line);
  process.exit(0);
}
if (hugeOnly) {
  await printHuge();
  process.exit(0);
}
const pages = existsSync(corpusDir) ? readdirSync(corpusDir).filter((name) => existsSync(join(corpusDir, name, 'source.html'))).sort().filter((n) => only.length === 0 || only.includes(n)) : [];

const tmp = mkdtempSync(join(tmpdir(), 'factmark-bench-'));
const nodeBundle = join(tmp, 'pipeline.mjs');
writeFileSync(nodeBundle, await bundle('esm'));
const pipeline = await import(pathToFileURL(nodeBundle).href);

// 1. Scoring throughput on one core.
function readCsvTexts(path) {
  if (!existsSync(path)) return [];
  const texts = [];
  const text = readFileSync(path, 'utf8');
  const re = /(?:^|\n)[^,\n]*,(?:"((?:[^"]|"")*)"|([^,\n]*)),/g;
  for (const m of text.matchAll(re)) texts.push((m[1] ?? m[2] ?? '').replace(/""/g, '"'));
  return texts.slice(1);
}
const sentences = [...readCsvTexts(join(claimsDir, 'train.csv')), ...readCsvTexts(join(claimsDir, 'dev.csv'))];
if (sentences.length > 0 && !scanOnly) {
  pipeline.scoreAll(sentences.slice(0, 2000));
  const rates = [];
  const cpuRates = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    pipeline.scoreAll(sentences);
    const cpu = process.cpuUsage(cpu0);
    rates.push(sentences.length / ((performance.now() - t0) / 1000));
    // CPU time of this single-threaded loop: the "one core" figure when other work shares the cores.
    cpuRates.push(sentences.length / ((cpu.user + cpu.system) / 1e6));
  }
  console.log('\n## Claim scoring throughput (Node, one core)\n');
  const modelBytes = statSync(join(root, 'src/core/claims/model.json')).size;
  console.log(table(['sentences', 'best sentences/s', 'median sentences/s', 'median per CPU-second', 'target', 'model file', 'target'], [[sentences.length, fmt(Math.max(...rates), 0), fmt(median(rates), 0), fmt(median(cpuRates), 0), '>= 20000', `${fmt(modelBytes / 1e6, 3)} MB`, '<= 1 MB']]));
  console.log(`(load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs while measuring)`);
}

// 2. Per-page stage times in Node (jsdom).
const quiet = new VirtualConsole();
const nodeRows = [];
for (const name of scanOnly ? [] : pages) {
  const html = readFileSync(join(corpusDir, name, 'source.html'), 'utf8');
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(pipeline.timePipeline(new JSDOM(html, { url: 'http://127.0.0.1/', virtualConsole: quiet }).window.document));
  const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
  nodeRows.push([name, fmt(best.bodyMs), fmt(best.segmentMs), fmt(best.scoreMs), fmt(best.totalMs), best.sentences, best.claims]);
}
if (nodeRows.length > 0) {
  console.log('\n## Pipeline stages per corpus page (Node + jsdom, ms, best of 3)\n');
  console.log(table(['page', 'body', 'text+segment', 'score', 'total', 'sentences', 'claims'], nodeRows));
}

// 2b. Re-anchoring under page changes, on both corpora (the article-extraction pages were never tuned on).
if (only.length === 0) {
  const mutationsBundle = join(tmp, 'mutations.mjs');
  writeFileSync(mutationsBundle, await bundle('esm', 'anchoring-mutations-entry.ts'));
  const mutations = await import(pathToFileURL(mutationsBundle).href);
  const parse = (html) => new JSDOM(html, { url: 'http://127.0.0.1/', virtualConsole: quiet }).window.document;
  const reports = ['readability', 'article-extraction'].map((corpus) => [corpus, mutations.mutationReport(parse, join(root, '..', 'shared'), corpus)]).filter(([, report]) => report);
  if (reports.length > 0) {
    const cell = (counts) => (counts ? `${counts.correct}/${counts.correct + counts.orphan + counts.wrong} (${fmt((100 * counts.correct) / Math.max(1, counts.correct + counts.orphan + counts.wrong))} %), ${counts.wrong} wrong` : '');
    const names = [...reports[0][1].tally.keys()];
    console.log(`\n## Re-anchoring after page changes: re-attached correctly (Node; ${reports.map(([c, r]) => `${c} ${r.pages} pages`).join(', ')}; 'sentence deleted' counts orphans, the right answer)\n`);
    // Beside each corpus: the plain baseline (approx-string-match over the whole text, best match) on the same cases.
    const shown = (name, counts) => (name === 'sentence deleted' && counts ? `${counts.orphan}/${counts.correct + counts.orphan + counts.wrong} orphans, ${counts.wrong} wrong` : cell(counts));
    console.log(table(['change', ...reports.flatMap(([corpus]) => [corpus + (corpus === 'readability' ? ' (tuned on)' : ' (held out)'), 'baseline: approx-string-match'])], names.map((name) => [
      name,
      ...reports.flatMap(([, report]) => [shown(name, report.tally.get(name)), shown(name, report.baselineTally?.get(name))]),
    ])));
    // The rates above differ in their quotes (a move needs 3+ paragraphs); this compares the same quotes.
    console.log(`\n## Edit combined with another change, quote by quote: misses among the quotes the edit alone re-attaches\n`);
    console.log(table(['change', ...reports.map(([corpus]) => corpus)], [...reports[0][1].paired.keys()].map((name) => [name, ...reports.map(([, report]) => {
      const counts = report.paired.get(name);
      return counts ? `${counts.combinedMissed} of ${counts.editAloneCorrect}` : '';
    })])));
  }
}

// 3. In real Chromium: the pipeline next to a bare TreeWalker pass over the same page.
const browserBundle = (await bundle('iife')) + ';globalThis.factmarkBench = factmarkBench;';
const server = await startStaticServer({ mounts: { '/corpus/': corpusDir, '/extraction/': join(extractionDir, 'html') }, headers: { 'Content-Security-Policy': "script-src 'none'; connect-src 'none'; frame-src 'none'" } });
const context = await chromium.launchPersistentContext('', { executablePath: CHROMIUM_BIN, headless: true, args: chromiumArgs() });
// Page scripts are off (CSP) and nothing leaves 127.0.0.1.
await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
const browserRows = [];
const ratios = [];
let anchoringReport = null;
try {
  const page = await context.newPage();
  if (!scanOnly && (pages.includes('lazy-image-2') || only.length === 0)) {
    // Issue 4: 300 highlights at once vs mark.js mark() per claim; 200 edited quotes on >= 1 M characters.
    const anchorBundle = (await bundle('iife', 'anchoring-entry.ts', 'factmarkAnchorBench')) + ';globalThis.factmarkAnchorBench = factmarkAnchorBench;';
    await page.goto(`${server.origin}/corpus/lazy-image-2/source.html`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(anchorBundle);
    const highlight = await page.evaluate(() => globalThis.factmarkAnchorBench.highlightBench(300));
    let bigText = '';
    for (const name of pages) bigText += new JSDOM(readFileSync(join(corpusDir, name, 'expected.html'), 'utf8'), { virtualConsole: quiet }).window.document.body.textContent + '\n\n';
    // Padded to 1 M characters with distinct filler lines; quotes come from the real articles only.
    const articleChars = bigText.length;
    for (let line = 0; bigText.length < 1_000_000; line++) bigText += `Archive line ${line} of the reader's saved pages, kept for the benchmark.\n`;
    const anchoring = await page.evaluate(([text, articleChars]) => globalThis.factmarkAnchorBench.anchorBench(text, 200, articleChars), [bigText, articleChars]);
    anchoringReport = { highlight, anchoring };
  }
  // Issue 10: Factmark's whole scan vs Readability.js parse() on a clone, on both corpora.
  for (const { corpus, id, path } of scanPages()) {
    await page.goto(`${server.origin}${path}`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(browserBundle);
    const result = await page.evaluate(() => {
      const b = globalThis.factmarkBench;
      const time = (fn, n) => {
        const samples = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          fn();
          samples.push(performance.now() - t0);
        }
        samples.sort((x, y) => x - y);
        return samples[Math.floor(samples.length / 2)];
      };
      b.scanWhole(document);
      b.readabilityOnClone(document);
      const scan = time(() => b.scanWhole(document), 5);
      const body = time(() => b.bodyStage(document), 5);
      const readability = time(() => b.readabilityOnClone(document), 5);
      return { scan, body, readability, elements: document.getElementsByTagName('*').length };
    });
    ratios.push({ corpus, ratio: result.readability / result.scan, bodyRatio: result.readability / result.body });
    browserRows.push([corpus, id.slice(0, 24), result.elements, fmt(result.scan, 1), fmt(result.body, 1), fmt(result.readability, 1), fmt(result.readability / result.scan, 1), fmt(result.readability / result.body, 1)]);
  }
} finally {
  await context.close();
  await server.close();
}
if (anchoringReport) {
  const { highlight: h, anchoring: a } = anchoringReport;
  console.log('\n## In Chromium: highlighting and re-anchoring (one run)\n');
  console.log(table(['measure', 'Factmark', 'baseline', 'ratio', 'target'], [
    [`place ${h.claims} highlights, grouped by container (ms; baseline: mark.js mark() per claim)`, fmt(h.batchMs), fmt(h.perClaimMs), `${fmt(h.perClaimMs / h.batchMs)}x`, '>= 20x'],
    ['  the same as one markRanges pass over the page (ms)', fmt(h.onePassMs), '', '', ''],
    [`  the same in ${h.slices} slices, as the extension draws (ms, start to last slice; same DOM: ${h.identical ? 'yes' : 'NO'})`, fmt(h.slicedMs), '', '', ''],
    [`  longest slice (ms; the first, which indexes the page text: ${fmt(h.firstSliceMs)})`, fmt(h.longestSliceMs), '', '', '<= 10 ms'],
    [`re-anchor ${a.annotations} edited quotes on ${a.chars} chars (ms, median of 5; baseline: approx-string-match per quote)`, fmt(a.ourMs), fmt(a.baselineMs), `${fmt(a.baselineMs / a.ourMs)}x`, '>= 20x, <= 100 ms'],
    ['  the same, first run (code not yet compiled by the JIT)', fmt(a.firstMs), '', `${fmt(a.baselineMs / a.firstMs)}x`, ''],
    ['  correctly re-attached', a.ourCorrect, a.baselineCorrect, '', ''],
    ['longest main-thread task while highlighting (ms; PerformanceObserver longtask)', h.longTasks === null ? 'not reported' : h.longTasks === 0 ? 'none over 50 ms' : `${fmt(h.longestTaskMs)} (${h.longTasks} tasks)`, '', '', '< 50 ms'],
  ]));
}
if (browserRows.length > 0) {
  console.log("\n## In Chromium: Factmark's whole scan (body, language, sentences, scores) vs Readability.js parse() on a clone (median of 5, ms)\n");
  console.log(table(['corpus', 'page', 'elements', 'Factmark scan', 'of it: body', 'Readability parse()', 'Readability/scan', 'Readability/body'], browserRows));
  for (const corpus of ['readability', 'article-extraction']) {
    const rows = ratios.filter((row) => row.corpus === corpus);
    if (rows.length > 0) console.log(`\n${corpus}: median Readability/Factmark ratio ${fmt(median(rows.map((row) => row.ratio)), 1)}x for the whole scan (target >= 5x), ${fmt(median(rows.map((row) => row.bodyRatio)), 1)}x for the body stage alone (article, text, language), over ${rows.length} pages`);
  }
}

// 3b. Time from load to the first highlight, per page, with the built extension in Chromium.
if ((only.length === 0 && !scanOnly) || process.argv.includes('--first-highlight')) await printFirstHighlight();

// 3c. Issue 14's 10 MB article: the page's own timers and long tasks while Factmark works on it.
if (only.length === 0 && !scanOnly && !process.argv.includes('--no-huge')) await printHuge();

async function printHuge() {
  const { paragraphs, bytes, baseline: b, factmark: f, gc } = await hugePageBench(root);
  const collections = (stats) => (stats ? `${stats.count} / ${ms(stats.longest)}` : '-');
  const ms = (value) => (value === null || value === undefined ? '-' : fmt(value, 0));
  console.log(`\n## In Chromium: a ${fmt(bytes / 1048576, 1)} MB article of ${paragraphs} paragraphs (one run; baseline: the same page without Factmark)\n`);
  console.log(table(['measure', 'Factmark', 'baseline', 'target'], [
    ['first highlight (ms after the load event)', ms(f.atLoad.firstMark === null ? null : f.atLoad.firstMark - f.loadAt), '', '<= 1000'],
    ['highlights drawn once settled after load', f.atLoad.drawn, '', 'near the viewport'],
    ['longest main-thread task, load to settled (ms; longtask)', ms(f.atLoad.longest), ms(b.atLoad.longest), '<= 50'],
    ["longest delay of the page's 10 ms timer, load to settled (ms)", ms(f.atLoad.maxDelay), ms(b.atLoad.maxDelay), '<= 1000'],
    ['after scrolling to the middle: highlights in view', f.afterScroll.inView, '', '> 0'],
    ['  drawn in all / last one (ms after the scroll)', `${f.afterScroll.drawn} / ${ms(f.afterScroll.sinceScroll)}`, '', ''],
    ["  longest task / longest page-timer delay over the whole visit (ms)", `${ms(f.afterScroll.longest)} / ${ms(f.afterScroll.maxDelay)}`, `${ms(b.afterScroll.longest)} / ${ms(b.afterScroll.maxDelay)}`, '<= 50 / <= 1000'],
    ["full garbage collections on the page's main thread over the visit: count / longest pause (ms; a traced pass of its own)", collections(gc.factmark?.full), collections(gc.baseline?.full), 'pause < 50'],
    ['  young-generation collections: count / longest pause (ms)', collections(gc.factmark?.young), collections(gc.baseline?.young), ''],
  ]));
}

// 4. Issue 12's known-claim figures (about a minute: 20,000 fact-checks are imported into a profile).
if (only.length === 0 || process.argv.includes('--known')) for (const line of await knownBench(root, table, fmt)) console.log(line);

// 5. Issue 5's scale figures (a few minutes: 100,000 annotations are written into a profile).
// Run with the whole bench, or alone with `npm run bench -- --scale-only`.
if ((only.length === 0 && !scanOnly && !process.argv.includes('--no-scale')) || process.argv.includes('--scale')) await printScale();

/** The pages of both corpora, as the bench server serves them. */
function scanPages() {
  const list = pages.map((name) => ({ corpus: 'readability', id: name, path: `/corpus/${name}/source.html` }));
  if (existsSync(join(extractionDir, 'html')) && only.length === 0) {
    for (const file of readdirSync(join(extractionDir, 'html')).filter((f) => f.endsWith('.html')).sort()) list.push({ corpus: 'article-extraction', id: file.replace(/\.html$/, ''), path: `/extraction/${file}` });
  }
  return list;
}

async function printFirstHighlight() {
  const { firstHighlightBench } = await import('./first-highlight.mjs');
  const rows = await firstHighlightBench(root, scanPages(), { corpus: corpusDir, extraction: join(extractionDir, 'html') });
  console.log('\n## In Chromium with the extension: time from navigation start to the first highlight (ms; "none" = no automatic highlight)\n');
  console.log(table(['corpus', 'page', 'load event', 'first highlight', 'highlights'], rows.map((r) => [r.corpus, r.id.slice(0, 24), fmt(r.loadMs, 0), r.firstMs === null ? 'none' : fmt(r.firstMs, 0), r.marks])));
  const times = rows.filter((r) => r.firstMs !== null).map((r) => r.firstMs);
  if (times.length > 0) console.log(`\nmedian time to first highlight: ${fmt(median(times), 0)} ms over ${times.length} pages; ${rows.length - times.length} pages without automatic highlights`);
}

async function printScale() {
  const { small, large } = await scaleBench(root);
  const ratio = (key) => `${fmt(large[key] / small[key], 2)}x`;
  const mb = (bytes) => `${fmt(bytes / 1e6, 1)} MB`;
  console.log(`\n## In Chromium: ${large.annotations} annotations over ${large.pages} pages vs ${small.annotations} annotations (${mb(large.bytes)} vs ${mb(small.bytes)} stored; median of 7)\n`);
  console.log(table(['measure', `${small.annotations} annotations`, `${large.annotations} annotations`, 'ratio', 'target'], [
    ['highlight the sample page (ms from navigation to its 10 reviewed claims coloured)', fmt(small.highlightMs), fmt(large.highlightMs), ratio('highlightMs'), '<= 1.2x'],
    ['open the popup (ms from navigation to its 10 reviewed claims listed)', fmt(small.popupMs), fmt(large.popupMs), ratio('popupMs'), '<= 1.2x'],
    ['library page: first rows shown (ms)', fmt(small.libraryListMs), fmt(large.libraryListMs), ratio('libraryListMs'), ''],
    ['library page: full text of every page searchable (ms)', fmt(small.libraryTextMs), fmt(large.libraryTextMs), ratio('libraryTextMs'), ''],
    ['library search: keystroke to next frame, median (ms)', fmt(small.keystrokeMedianMs), fmt(large.keystrokeMedianMs), '', '<= 100 ms'],
    ['library search: keystroke to next frame, slowest (ms)', fmt(small.keystrokeMaxMs), fmt(large.keystrokeMaxMs), '', '<= 100 ms'],
  ]));
  console.log(`\nlibrary search "vaccine report" at 10,000 pages: ${large.searchShown}`);
}
