// The article body detector against Readability's own output on the 43 real pages of the shared
// corpus: precision (our article text that Readability also kept) and recall (Readability's
// scanned text that we kept), over whitespace-folded 8-word shingles, printed as a table.
import { JSDOM, VirtualConsole } from 'jsdom';
import { findArticle } from '../../src/core/article/find-article';
import { buildTextIndex } from '../../src/core/text/text-index';
import { corpusAvailable, corpusPage, corpusPages, foldText } from '../support/corpus';

/** Text never scanned for claims; left out of the expected text when measuring recall. */
const NOT_SCANNED = 'figcaption, h1, h2, h3, h4, h5, h6, nav, aside, footer, form, button, [role="navigation"], [role="complementary"]';
const SHINGLE = 8;
const quiet = new VirtualConsole();

/** The folded text of each block (paragraph, list item…) under root, keeping only chosen Text nodes. */
function blocksOf(root: Element, keep: (node: Text) => boolean): string[] {
  const index = buildTextIndex(root);
  const blocks: string[] = [];
  let breakAt = 0;
  let current = '';
  index.nodes.forEach((node, i) => {
    const start = index.starts[i] ?? 0;
    while (breakAt < index.blockBreaks.length && (index.blockBreaks[breakAt] ?? 0) <= start) {
      breakAt++;
      blocks.push(current);
      current = '';
    }
    if (keep(node)) current += node.data;
  });
  blocks.push(current);
  return blocks.map(foldText).filter((block) => block.length > 0);
}

/** A block's units: its 8-word shingles, or the whole block when it is shorter. */
function unitsOf(blocks: string[]): string[] {
  const units: string[] = [];
  for (const block of blocks) {
    const words = block.split(' ');
    if (words.length < SHINGLE) units.push(block);
    else for (let i = 0; i + SHINGLE <= words.length; i++) units.push(words.slice(i, i + SHINGLE).join(' '));
  }
  return units;
}

/** How many units occur in the reference text: [found, total]. */
function found(units: string[], reference: string[]): [number, number] {
  const text = reference.join(' ');
  const shingles = new Set(unitsOf([text]));
  let hits = 0;
  for (const unit of units) if (unit.split(' ').length >= SHINGLE ? shingles.has(unit) : text.includes(unit)) hits++;
  return [hits, units.length];
}

interface PageScore {
  name: string;
  precision: [number, number];
  recall: [number, number];
}

function scorePage(name: string): PageScore {
  const { source, expected } = corpusPage(name);
  const reference = new JSDOM(expected, { virtualConsole: quiet }).window.document.body;
  const expectedAll = blocksOf(reference, () => true);
  const expectedScanned = blocksOf(reference, (node) => node.parentElement?.closest(NOT_SCANNED) == null);
  const article = findArticle(new JSDOM(source, { url: 'http://fakehost/test/page.html', virtualConsole: quiet }).window.document);
  const ours = article ? blocksOf(article.root, article.isArticleText) : [];
  return { name, precision: found(unitsOf(ours), expectedAll), recall: found(unitsOf(expectedScanned), ours) };
}

const percent = ([hits, total]: [number, number]): number => (total === 0 ? 100 : (100 * hits) / total);

(corpusAvailable() ? describe : describe.skip)('article body on the real pages of the corpus', () => {
  const scores: PageScore[] = [];

  test.each(corpusPages())('%s: little clutter, little left out', (name) => {
    const score = scorePage(name);
    scores.push(score);
    expect(percent(score.precision)).toBeGreaterThanOrEqual(95);
    expect(percent(score.recall)).toBeGreaterThanOrEqual(85);
  });

  test('overall: precision at least 98 %, recall at least 90 %', () => {
    const sum = (pick: (score: PageScore) => [number, number]): [number, number] => scores.reduce<[number, number]>((acc, score) => [acc[0] + pick(score)[0], acc[1] + pick(score)[1]], [0, 0]);
    const precision = percent(sum((score) => score.precision));
    const recall = percent(sum((score) => score.recall));
    const rows = scores.map((score) => `${score.name.padEnd(26)} ${percent(score.precision).toFixed(1).padStart(6)} ${percent(score.recall).toFixed(1).padStart(6)}   (${score.precision[1] - score.precision[0]} extra / ${score.recall[1] - score.recall[0]} missing units)`);
    console.log(['page                       precision recall', ...rows, `OVERALL                    ${precision.toFixed(2).padStart(6)} ${recall.toFixed(2).padStart(6)}`].join('\n'));
    expect(scores.length).toBe(corpusPages().length);
    expect(precision).toBeGreaterThanOrEqual(98);
    expect(recall).toBeGreaterThanOrEqual(90);
  });
});
