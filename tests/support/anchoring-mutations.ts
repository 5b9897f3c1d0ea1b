// Realistic page changes for measuring re-anchoring: each mutation rewrites a page's body text
// while tracking where a quote truly is, so an anchor can be judged correct, orphan or wrong.
// Used by tests/unit/anchoring-mutations.test.ts (the 43 Readability corpus pages) and by the
// bench (bench/anchoring-mutations-entry.ts), which also runs the 87 article-extraction pages
// that the anchoring rules were never tuned on.
//
// Categories: 'unchanged' — the quoted words are intact (paragraphs inserted, removed or moved,
// neighbouring words edited, and whitespace or quote/dash/ellipsis styles changed, which alter
// characters but not words). 'edited' — one word or number inside the quote changed (alone or
// with other changes). 'deleted' — the sentence is gone, so the right answer is an orphan.
// Sentences that occur twice on a page are not used: for them "the true location" is not unique,
// so a wrong attachment could not be told from a right one.

import search from 'approx-string-match';
import { createAnchorer, type Anchor } from '../../src/core/anchoring/anchor';
import { normaliseString } from '../../src/core/anchoring/normalise';
import { selectorFor, type PassageSelector } from '../../src/core/model/selectors';
import { segmentSentences } from '../../src/core/text/segment';

/** A [start, end) span of a text. */
export interface Span {
  start: number;
  end: number;
}
/** A text and where the quote under test truly is in it. */
interface State extends Span {
  text: string;
}
/** A page's body text, its blocks and the quotes picked from it. */
export interface Page {
  name: string;
  text: string;
  blocks: Span[];
  quotes: Span[];
}
/** What a mutation does to the quote. */
export type Category = 'unchanged' | 'edited' | 'deleted';
type Mutation = (state: State, page: Page) => State | null;

const QUOTES_PER_PAGE = 10;
const MIN_QUOTE_LENGTH = 60;
const WORD = /[\p{L}\p{N}]+/gu;

/** A page from its body text and block breaks (a text index's), with up to 10 unique sentences picked evenly. */
export function pageOf(name: string, text: string, blockBreaks: readonly number[]): Page {
  const edges = [0, ...blockBreaks, text.length];
  const blocks = edges.slice(1).map((end, i) => ({ start: edges[i] as number, end })).filter((b) => text.slice(b.start, b.end).trim().length > 0);
  const normalised = normaliseString(text);
  const unique = segmentSentences(text, [...blockBreaks]).filter((s) => {
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

/** Every mutation, by name. */
export const MUTATIONS: Record<string, { category: Category; apply: Mutation }> = {
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
  'word inside edited + paragraph inserted before': { category: 'edited', apply: (s, page) => editInside(MUTATIONS['insert paragraph before']?.apply(s, page) ?? s) },
  'word inside edited + paragraph moved': { category: 'edited', apply: (s, page) => moveThenEdit(s, page) },
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

/** The quote's paragraph moved to the far half of the article, then a word inside the quote edited. */
function moveThenEdit(s: State, page: Page): State | null {
  const moved = MUTATIONS['move paragraph']?.apply(s, page);
  return moved ? editInside(moved) : null;
}

/** Scripts written without spaces between words, where a run of letters is a clause, not a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The quote's words as [start, text]: runs of 4+ letters, except that a run in a script written
 * without spaces is split into its dictionary words (2+ letters), so "a word edited" stays a
 * small edit there too rather than a rewritten clause.
 */
function wordsOf(quote: string): [number, string][] {
  const words: [number, string][] = [];
  for (const run of quote.matchAll(/\p{L}{4,}/gu)) {
    if (!UNSPACED.test(run[0])) words.push([run.index ?? 0, run[0]]);
    else for (const part of WORDS.segment(run[0])) if (part.isWordLike && part.segment.length >= 2) words.push([(run.index ?? 0) + part.index, part.segment]);
  }
  return words;
}

/** Replaces the word nearest the middle of the quote with another word. */
function editInside(s: State): State | null {
  const quote = s.text.slice(s.start, s.end);
  const words = wordsOf(quote);
  if (words.length === 0) return null;
  const [at, word] = words.reduce((best, w) => (Math.abs(w[0] - quote.length / 2) < Math.abs(best[0] - quote.length / 2) ? w : best));
  return splice(s, s.start + at, word.length, word.toLowerCase() === 'several' ? 'many' : 'several');
}

/** How one anchor compares with the truth. */
export type Outcome = 'correct' | 'orphan' | 'wrong';

/** Judges an anchor against the quote's true span. */
export function judge(anchor: Anchor | null, truth: Span): Outcome {
  if (!anchor) return 'orphan';
  if (truth.end === truth.start) return 'wrong';
  const overlap = Math.max(0, Math.min(anchor.end, truth.end) - Math.max(anchor.start, truth.start));
  return overlap / Math.max(anchor.end - anchor.start, truth.end - truth.start) >= 0.5 ? 'correct' : 'wrong';
}

/** Mutations that rewrite the whole page the same way for every quote. */
const GLOBAL = new Set(['whitespace (double spaces, newlines, nbsp)', 'quote styles, dashes and ellipses']);

/** The edit alone, which the combined mutations are compared with quote by quote. */
export const EDIT_ALONE = 'word inside the quote edited';
/** Combined mutations: the edit alone plus a change around the quote. */
export const EDIT_COMBINED = ['word inside edited + paragraph inserted before', 'word inside edited + paragraph moved', 'word inside edited + whitespace and quote styles'];

/** For one combined mutation, over the quotes both it and the edit alone apply to: how many the edit alone re-attaches, and how many of those the combination misses. */
export interface PairedCounts {
  editAloneCorrect: number;
  combinedMissed: number;
}

/** Outcome counts per mutation, the combined edits compared quote by quote with the edit alone, and the first misses. */
export interface MutationReport {
  pages: number;
  tally: Map<string, Record<Outcome, number>>;
  paired: Map<string, PairedCounts>;
  failures: string[];
  anchoringMs: number;
  /** The same cases anchored by the plain baseline (`plainBaseline`), when asked for. */
  baselineTally: Map<string, Record<Outcome, number>> | null;
}

/**
 * The plain, well-known baseline: approx-string-match over the whole text for the stored quote
 * (up to half its length in errors, at most 256), the match with the fewest errors; no context,
 * no minimum score, so it always attaches somewhere when anything is within reach.
 */
export function plainBaseline(text: string, selector: PassageSelector): Anchor | null {
  const exact = selector.quote.exact;
  const best = search(text, exact, Math.min(256, Math.floor(exact.length / 2))).reduce<{ start: number; end: number; errors: number } | null>((a, b) => (a === null || b.errors < a.errors ? b : a), null);
  return best ? { start: best.start, end: best.end, method: 'fuzzy', confidence: 1 - best.errors / Math.max(1, exact.length) } : null;
}

/** Applies every mutation to every quote of every page and anchors the stored selector in the result. */
export function runMutations(pages: readonly Page[], withBaseline = false): MutationReport {
  let anchoringMs = 0;
  const timed = <T>(run: () => T): T => {
    const t0 = performance.now();
    const result = run();
    anchoringMs += performance.now() - t0;
    return result;
  };
  const tally = new Map<string, Record<Outcome, number>>();
  const failures: string[] = [];
  // Outcome per mutation of each quote of the current page, for the quote-by-quote comparison.
  let outcomes = new Map<Span, Map<string, Outcome>>();
  const record = (mutation: string, outcome: Outcome, page: Page, quote: Span) => {
    const counts = tally.get(mutation) ?? { correct: 0, orphan: 0, wrong: 0 };
    counts[outcome]++;
    tally.set(mutation, counts);
    outcomes.set(quote, (outcomes.get(quote) ?? new Map<string, Outcome>()).set(mutation, outcome));
    const expected = MUTATIONS[mutation]?.category === 'deleted' ? 'orphan' : 'correct';
    if (outcome !== expected && failures.length < 20) failures.push(`${mutation} / ${page.name}: ${outcome}: ${page.text.slice(quote.start, quote.end).slice(0, 80)}`);
  };
  const baselineTally = withBaseline ? new Map<string, Record<Outcome, number>>() : null;
  const recordBaseline = (mutation: string, state: State, selector: PassageSelector) => {
    if (!baselineTally) return;
    const counts = baselineTally.get(mutation) ?? { correct: 0, orphan: 0, wrong: 0 };
    counts[judge(plainBaseline(state.text, selector), state)]++;
    baselineTally.set(mutation, counts);
  };
  const paired = new Map<string, PairedCounts>(EDIT_COMBINED.map((mutation) => [mutation, { editAloneCorrect: 0, combinedMissed: 0 }]));
  for (const page of pages) {
    outcomes = new Map();
    const selectors: PassageSelector[] = page.quotes.map((q) => selectorFor(page.text, q.start, q.end));
    for (const [mutation, { apply }] of Object.entries(MUTATIONS)) {
      if (GLOBAL.has(mutation)) {
        // Page-wide changes: one mutated text, one anchorer for all the page's annotations.
        const states = page.quotes.map((q) => apply({ text: page.text, ...q }, page));
        const anchorer = createAnchorer(states[0]?.text ?? '');
        states.forEach((state, i) => {
          if (!state) return;
          record(mutation, judge(timed(() => anchorer.anchor(selectors[i] as PassageSelector)), state), page, page.quotes[i] as Span);
          recordBaseline(mutation, state, selectors[i] as PassageSelector);
        });
        continue;
      }
      page.quotes.forEach((quote, i) => {
        const state = apply({ text: page.text, ...quote }, page);
        if (!state) return;
        record(mutation, judge(timed(() => createAnchorer(state.text).anchor(selectors[i] as PassageSelector)), state), page, quote);
        recordBaseline(mutation, state, selectors[i] as PassageSelector);
      });
    }
    for (const byMutation of outcomes.values()) {
      if (byMutation.get(EDIT_ALONE) !== 'correct') continue;
      for (const [mutation, counts] of paired) {
        const outcome = byMutation.get(mutation);
        if (outcome === undefined) continue;
        counts.editAloneCorrect++;
        if (outcome !== 'correct') counts.combinedMissed++;
      }
    }
  }
  return { pages: pages.length, tally, paired, failures, anchoringMs, baselineTally };
}

/** Totals of one category. */
export function categoryTotals(report: MutationReport, category: Category): Record<Outcome, number> & { total: number } {
  const totals = { correct: 0, orphan: 0, wrong: 0 };
  for (const [mutation, counts] of report.tally) {
    if (MUTATIONS[mutation]?.category !== category) continue;
    totals.correct += counts.correct;
    totals.orphan += counts.orphan;
    totals.wrong += counts.wrong;
  }
  return { ...totals, total: totals.correct + totals.orphan + totals.wrong };
}
