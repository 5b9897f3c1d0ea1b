// Re-anchoring under realistic page changes, on the article text of the 43 real news pages of the
// corpus. Each page's expected.html (the article body; Readability is not run, for speed) gives a
// body text; up to 10 sentences per page become stored annotations; every mutation below is
// applied while tracking where each quote truly is in the mutated text, and the anchor is
// checked against that. Sentences that occur twice on a page are not used: for them "the true
// location" is not unique, so a wrong attachment could not be told from a right one.
//
// Categories: 'unchanged' — the quoted words are intact (paragraphs inserted, removed or moved,
// neighbouring words edited, and whitespace or quote/dash/ellipsis styles changed, which alter
// characters but not words): ≥ 99 % must re-attach. 'edited' — one word or number inside the
// quote changed (alone or with other changes): ≥ 95 %. Nothing may attach to the wrong place
// (anchored, but overlapping the true span by less than half of the longer of the two), and a
// deleted sentence must always become an orphan.

import { JSDOM, VirtualConsole } from 'jsdom';
import { createAnchorer, type Anchor } from '../../src/core/anchoring/anchor';
import { normaliseString } from '../../src/core/anchoring/normalise';
import { selectorFor, type PassageSelector } from '../../src/core/model/selectors';
import { segmentSentences } from '../../src/core/text/segment';
import { buildTextIndex } from '../../src/core/text/text-index';
import { corpusAvailable, corpusPage, corpusPages } from '../support/corpus';

interface Span {
  start: number;
  end: number;
}
/** A text and where the quote under test truly is in it. */
interface State extends Span {
  text: string;
}
interface Page {
  name: string;
  text: string;
  blocks: Span[];
  quotes: Span[];
}
type Category = 'unchanged' | 'edited' | 'deleted';
type Mutation = (state: State, page: Page) => State | null;

const QUOTES_PER_PAGE = 10;
const MIN_QUOTE_LENGTH = 60;
const WORD = /[\p{L}\p{N}]+/gu;

function loadPage(name: string): Page {
  const document = new JSDOM(corpusPage(name).expected, { virtualConsole: new VirtualConsole() }).window.document;
  const index = buildTextIndex(document.body);
  const text = index.text;
  const edges = [0, ...index.blockBreaks, text.length];
  const blocks = edges.slice(1).map((end, i) => ({ start: edges[i] as number, end })).filter((b) => text.slice(b.start, b.end).trim().length > 0);
  const normalised = normaliseString(text);
  const unique = segmentSentences(text, index.blockBreaks).filter((s) => {
    const sentence = text.slice(s.start, s.end);
    const folded = normaliseString(sentence);
    return sentence.length >= MIN_QUOTE_LENGTH && text.indexOf(sentence) === text.lastIndexOf(sentence) && normalised.indexOf(folded) === normalised.lastIndexOf(folded);
  });
  // Spread the picks evenly across the article, deterministically.
  const count = Math.min(QUOTES_PER_PAGE, unique.length);
  const quotes = Array.from({ length: count }, (_, i) => unique[Math.floor((i * unique.length) / count)] as Span);
  return { name, text, blocks, quotes };
}

/** Replaces text[at, at + remove) with `insert`, moving the tracked span (edits may not straddle it). */
function splice(state: State, at: number, remove: number, insert: string): State {
  const delta = insert.length - remove;
  const text = state.text.slice(0, at) + insert + state.text.slice(at + remove);
  if (at + remove <= state.start) return { text, start: state.start + delta, end: state.end + delta };
  if (at >= state.end) return { text, start: state.start, end: state.end };
  if (at >= state.start && at + remove <= state.end) return { text, start: state.start, end: state.end + delta };
  throw new Error('edit straddles the quote');
}

type Rule = (text: string, i: number) => [string, number];
const lastRewrite = new Map<Rule, { source: string; text: string; map: Int32Array }>();

/**
 * Rewrites the text character by character (`rule` returns the replacement and how many
 * characters it consumed), moving the tracked span. Page-wide rewrites are the same for every
 * quote of a page, so the last result per rule is reused.
 */
function rewrite(state: State, rule: Rule): State {
  let done = lastRewrite.get(rule);
  if (done?.source !== state.text) {
    const parts: string[] = [];
    const map = new Int32Array(state.text.length + 1);
    let length = 0;
    for (let i = 0; i < state.text.length; ) {
      const [out, used] = rule(state.text, i);
      for (let k = 0; k < used; k++) map[i + k] = length;
      parts.push(out);
      length += out.length;
      i += used;
    }
    map[state.text.length] = length;
    done = { source: state.text, text: parts.join(''), map };
    lastRewrite.set(rule, done);
  }
  return { text: done.text, start: done.map[state.start] ?? 0, end: done.map[state.end] ?? 0 };
}

let spaceCount = 0;
/** Every third space doubled, every fifth a line break with indentation, every seventh a no-break space. */
const whitespaceRule: Rule = (text, i) => {
  if (text[i] !== ' ') return [text[i] as string, 1];
  const n = spaceCount++;
  return [n % 3 === 0 ? '  ' : n % 5 === 1 ? '\n  ' : n % 7 === 2 ? '\u00a0' : ' ', 1];
};

/** Straight quotes become curly and curly straight; dashes and ellipses likewise swap forms. */
const STYLE_SWAPS = new Map(Object.entries({ '\u201c': '"', '\u201d': '"', '\u2018': "'", '\u2019': "'", '"': '\u201d', "'": '\u2019', '\u2013': '-', '\u2014': '--', '-': '\u2013', '\u2026': '...' }));
const styleRule: Rule = (text, i) => (text.startsWith('...', i) ? ['\u2026', 3] : [STYLE_SWAPS.get(text[i] as string) ?? (text[i] as string), 1]);

function blockOf(page: Page, state: State): number {
  return page.blocks.findIndex((b) => b.start <= state.start && state.start < b.end);
}

const NEW_PARAGRAPH = 'Editors added this paragraph after publication, with further reporting from our correspondents.';

const mutations: Record<string, { category: Category; apply: Mutation }> = {
  'insert paragraph before': {
    category: 'unchanged',
    apply: (s, page) => splice(s, page.blocks[blockOf(page, s)]?.start ?? 0, 0, `${NEW_PARAGRAPH}\n`),
  },
  'remove neighbouring paragraph': {
    category: 'unchanged',
    apply: (s, page) => {
      const i = blockOf(page, s);
      const other = page.blocks[i > 0 ? i - 1 : i + 1];
      return other ? splice(s, other.start, other.end - other.start, '') : null;
    },
  },
  'move paragraph': {
    category: 'unchanged',
    apply: (s, page) => {
      const i = blockOf(page, s);
      const block = page.blocks[i];
      if (!block || page.blocks.length < 3) return null;
      // Move the quote's paragraph to the far half of the article.
      const target = i < page.blocks.length / 2 ? (page.blocks[page.blocks.length - 1] as Span).end : (page.blocks[0] as Span).start;
      const moved = s.text.slice(block.start, block.end);
      const inner = s.start - block.start;
      const without = s.text.slice(0, block.start) + s.text.slice(block.end);
      const at = target > block.start ? target - moved.length : target;
      return { text: without.slice(0, at) + moved + without.slice(at), start: at + inner, end: at + inner + (s.end - s.start) };
    },
  },
  'whitespace (double spaces, newlines, nbsp)': {
    category: 'unchanged',
    apply: (s) => rewrite(s, whitespaceRule),
  },
  'quote styles, dashes and ellipses': {
    category: 'unchanged',
    apply: (s) => rewrite(s, styleRule),
  },
  'words next to the quote edited': {
    category: 'unchanged',
    apply: (s) => {
      let state = s;
      const after = [...state.text.slice(state.end, state.end + 40).matchAll(WORD)][0];
      if (after) state = splice(state, state.end + (after.index ?? 0), after[0].length, 'meanwhile');
      const before = [...state.text.slice(Math.max(0, state.start - 40), state.start).matchAll(WORD)].pop();
      if (before) state = splice(state, Math.max(0, state.start - 40) + (before.index ?? 0), before[0].length, 'reportedly');
      return state;
    },
  },
  'word inside the quote edited': { category: 'edited', apply: (s) => editInside(s) },
  'number inside the quote edited': {
    category: 'edited',
    apply: (s) => {
      const number = /\d+/.exec(s.text.slice(s.start, s.end));
      return number ? splice(s, s.start + number.index, number[0].length, String(Number(number[0]) + 7)) : null;
    },
  },
  'word inside edited + paragraph inserted before': { category: 'edited', apply: (s, page) => editInside(mutations['insert paragraph before']?.apply(s, page) ?? s) },
  'word inside edited + whitespace and quote styles': {
    category: 'edited',
    apply: (s) => editInside(rewrite(rewrite(s, whitespaceRule), styleRule)),
  },
  'sentence deleted': {
    category: 'deleted',
    apply: (s) => {
      const trailing = /^\s*/.exec(s.text.slice(s.end))?.[0].length ?? 0;
      return { text: s.text.slice(0, s.start) + s.text.slice(s.end + trailing), start: s.start, end: s.start };
    },
  },
};

/** Replaces the word nearest the middle of the quote (4+ letters) with another word. */
function editInside(s: State): State | null {
  const quote = s.text.slice(s.start, s.end);
  const words = [...quote.matchAll(/\p{L}{4,}/gu)];
  if (words.length === 0) return null;
  const middle = words.reduce((best, w) => (Math.abs((w.index ?? 0) - quote.length / 2) < Math.abs((best.index ?? 0) - quote.length / 2) ? w : best));
  return splice(s, s.start + (middle.index ?? 0), middle[0].length, middle[0].toLowerCase() === 'several' ? 'many' : 'several');
}

type Outcome = 'correct' | 'orphan' | 'wrong';

function judge(anchor: Anchor | null, truth: Span): Outcome {
  if (!anchor) return 'orphan';
  if (truth.end === truth.start) return 'wrong';
  const overlap = Math.max(0, Math.min(anchor.end, truth.end) - Math.max(anchor.start, truth.start));
  return overlap / Math.max(anchor.end - anchor.start, truth.end - truth.start) >= 0.5 ? 'correct' : 'wrong';
}

const GLOBAL = new Set(['whitespace (double spaces, newlines, nbsp)', 'quote styles, dashes and ellipses']);

(corpusAvailable() ? describe : describe.skip)('re-anchoring after page changes, on the 43 corpus articles', () => {
  test('attaches to the right text or not at all', () => {
    const started = Date.now();
    let anchoringMs = 0;
    const timed = <T>(run: () => T): T => {
      const t0 = performance.now();
      const result = run();
      anchoringMs += performance.now() - t0;
      return result;
    };
    const tally = new Map<string, Record<Outcome, number>>();
    const failures: string[] = [];
    const record = (mutation: string, outcome: Outcome, page: Page, quote: Span) => {
      const counts = tally.get(mutation) ?? { correct: 0, orphan: 0, wrong: 0 };
      counts[outcome]++;
      tally.set(mutation, counts);
      const expected = mutations[mutation]?.category === 'deleted' ? 'orphan' : 'correct';
      if (outcome !== expected && failures.length < 20) failures.push(`${mutation} / ${page.name}: ${outcome}: ${page.text.slice(quote.start, quote.end).slice(0, 80)}`);
    };
    for (const name of corpusPages()) {
      const page = loadPage(name);
      const selectors: PassageSelector[] = page.quotes.map((q) => selectorFor(page.text, q.start, q.end));
      for (const [mutation, { apply }] of Object.entries(mutations)) {
        if (GLOBAL.has(mutation)) {
          // Page-wide changes: one mutated text, one anchorer for all the page's annotations.
          const states = page.quotes.map((q) => apply({ text: page.text, ...q }, page));
          const anchorer = createAnchorer(states[0]?.text ?? '');
          states.forEach((state, i) => state && record(mutation, judge(timed(() => anchorer.anchor(selectors[i] as PassageSelector)), state), page, page.quotes[i] as Span));
          continue;
        }
        page.quotes.forEach((quote, i) => {
          const state = apply({ text: page.text, ...quote }, page);
          if (state) record(mutation, judge(timed(() => createAnchorer(state.text).anchor(selectors[i] as PassageSelector)), state), page, quote);
        });
      }
    }

    const sum = (category: Category) => {
      const totals = { correct: 0, orphan: 0, wrong: 0 };
      for (const [mutation, counts] of tally) {
        if (mutations[mutation]?.category !== category) continue;
        totals.correct += counts.correct;
        totals.orphan += counts.orphan;
        totals.wrong += counts.wrong;
      }
      return { ...totals, total: totals.correct + totals.orphan + totals.wrong };
    };
    const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
    const unchanged = sum('unchanged');
    const edited = sum('edited');
    const deleted = sum('deleted');
    const attachedTotal = unchanged.total + edited.total;
    const wrong = unchanged.wrong + edited.wrong;
    const lines = [...tally].map(([mutation, c]) => `  ${mutation}: ${c.correct} correct, ${c.orphan} orphan, ${c.wrong} wrong`);
    console.log(
      [
        `anchoring mutations (${corpusPages().length} pages, ${Date.now() - started} ms, of which anchoring ${Math.round(anchoringMs)} ms):`,
        ...lines,
        `quote unchanged: ${unchanged.correct}/${unchanged.total} re-attached correctly (${pct(unchanged.correct, unchanged.total)})`,
        `small edit inside the quote: ${edited.correct}/${edited.total} re-attached correctly (${pct(edited.correct, edited.total)})`,
        `attached to the wrong place: ${wrong}/${attachedTotal} (${pct(wrong, attachedTotal)})`,
        `sentence deleted: ${deleted.orphan}/${deleted.total} orphans, ${deleted.wrong} attached elsewhere`,
        ...(failures.length > 0 ? ['first misses:', ...failures.map((f) => `  ${f}`)] : []),
      ].join('\n'),
    );
    expect(unchanged.total).toBeGreaterThan(1000);
    expect(unchanged.correct / unchanged.total).toBeGreaterThanOrEqual(0.99);
    expect(edited.correct / edited.total).toBeGreaterThanOrEqual(0.95);
    expect(wrong).toBe(0);
    expect(deleted.wrong).toBe(0);
  }, 120_000);
});
