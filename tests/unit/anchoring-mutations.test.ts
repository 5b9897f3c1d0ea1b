// Re-anchoring under realistic page changes (tests/support/anchoring-mutations.ts), on the article
// text of the 43 real news pages of the corpus. Each page's expected.html (the article body;
// the article detector is not run, for speed) gives a body text; up to 10 sentences per page
// become stored annotations. 'unchanged' quotes: >= 99 % must re-attach; 'edited' ones: >= 95 %,
// and an edited quote whose paragraph also moved or had paragraphs inserted before it re-attaches
// at least as often as one with only the edit. Nothing may attach to the wrong place (anchored,
// but overlapping the true span by less than half of the longer of the two), and a deleted
// sentence must always become an orphan. The bench runs the same on the 87 article-extraction
// pages, which the rules were never tuned on.

import { JSDOM, VirtualConsole } from 'jsdom';
import { buildTextIndex } from '../../src/core/text/text-index';
import { categoryTotals, MUTATIONS, pageOf, runMutations } from '../support/anchoring-mutations';
import { corpusAvailable, corpusPage, corpusPages } from '../support/corpus';

function loadPage(name: string) {
  const document = new JSDOM(corpusPage(name).expected, { virtualConsole: new VirtualConsole() }).window.document;
  const index = buildTextIndex(document.body);
  return pageOf(name, index.text, index.blockBreaks);
}

(corpusAvailable() ? describe : describe.skip)('re-anchoring after page changes, on the 43 corpus articles', () => {
  test('attaches to the right text or not at all', () => {
    const started = Date.now();
    const report = runMutations(corpusPages().map(loadPage));
    const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
    const unchanged = categoryTotals(report, 'unchanged');
    const edited = categoryTotals(report, 'edited');
    const deleted = categoryTotals(report, 'deleted');
    const attachedTotal = unchanged.total + edited.total;
    const wrong = unchanged.wrong + edited.wrong;
    const lines = [...report.tally].map(([mutation, c]) => `  ${mutation}: ${c.correct} correct, ${c.orphan} orphan, ${c.wrong} wrong`);
    console.log(
      [
        `anchoring mutations (${report.pages} pages, ${Date.now() - started} ms, of which anchoring ${Math.round(report.anchoringMs)} ms):`,
        ...lines,
        `quote unchanged: ${unchanged.correct}/${unchanged.total} re-attached correctly (${pct(unchanged.correct, unchanged.total)})`,
        `small edit inside the quote: ${edited.correct}/${edited.total} re-attached correctly (${pct(edited.correct, edited.total)})`,
        `attached to the wrong place: ${wrong}/${attachedTotal} (${pct(wrong, attachedTotal)})`,
        `sentence deleted: ${deleted.orphan}/${deleted.total} orphans, ${deleted.wrong} attached elsewhere`,
        ...(report.failures.length > 0 ? ['first misses:', ...report.failures.map((f) => `  ${f}`)] : []),
      ].join('\n'),
    );
    expect(unchanged.total).toBeGreaterThan(1000);
    expect(unchanged.correct / unchanged.total).toBeGreaterThanOrEqual(0.99);
    expect(edited.correct / edited.total).toBeGreaterThanOrEqual(0.95);
    expect(wrong).toBe(0);
    expect(deleted.wrong).toBe(0);
    // An edit plus a move, or plus paragraphs inserted before, re-attaches as often as the edit alone.
    const rate = (mutation: string) => {
      const counts = report.tally.get(mutation) ?? { correct: 0, orphan: 0, wrong: 0 };
      return counts.correct / Math.max(1, counts.correct + counts.orphan + counts.wrong);
    };
    expect(MUTATIONS['word inside edited + paragraph moved']).toBeDefined();
    expect(rate('word inside edited + paragraph moved')).toBeGreaterThanOrEqual(rate('word inside the quote edited'));
    expect(rate('word inside edited + paragraph inserted before')).toBeGreaterThanOrEqual(rate('word inside the quote edited'));
    // The same, quote by quote: no quote that re-attaches after the edit alone is lost when its paragraph also moved.
    expect(report.paired.get('word inside edited + paragraph moved')).toMatchObject({ combinedMissed: 0 });
    expect(report.paired.get('word inside edited + paragraph inserted before')).toMatchObject({ combinedMissed: 0 });
  }, 120_000);
});
