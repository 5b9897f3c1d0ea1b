// Re-anchoring stored selectors in a page's body text, in order of certainty:
//   a. position    the stored TextPositionSelector still holds the quote;
//   b. quote       exact occurrences of the quote, ranked by context and closeness;
//   c. normalised  the same after folding whitespace, quote styles, dashes and ellipses away
//                  (normalise.ts), searched in the windows described next;
//   d. fuzzy       approximate matches (a changed word or number inside the quote), searched
//                  only in windows that an inverted word index points to (candidates.ts).
// choose.ts decides, conservatively, when a candidate is good enough; otherwise the annotation is
// an orphan (null). The word index is built once per text, lazily, and shared by every annotation
// anchored through the same Anchorer; only the windows are normalised, except in the rare
// fallbacks that need the whole text normalised (also built once, lazily).

import { candidateWindows, MIN_QUOTE_SEEDS, partOf, type Part } from './candidates';
import { chooseExact, chooseFuzzy, MIN_QUOTE_SIMILARITY, type Anchor, type Candidate, type RelocationEvidence } from './choose';
import { contextAt, contextLeftBehind, storedContext, type StoredContext } from './context';
import { ApproxPattern } from './myers';
import { exactInWindows, normaliseWindows, searchWholeText, searchWindows, type FuzzyMatch } from './fuzzy';
import { normaliseString, normaliseText, toOriginalSpan, type NormalisedText } from './normalise';
import { WordIndex, wordsOf } from './word-index';

export type { Anchor, AnchorMethod } from './choose';

/** What is stored for one annotation: a TextQuoteSelector and, optionally, a TextPositionSelector. */
export interface AnchorTarget {
  quote: { exact: string; prefix?: string; suffix?: string };
  position?: { start: number; end: number } | null;
}

/** Anchors any number of selectors against one text, sharing the work that depends on the text only. */
export interface Anchorer {
  readonly text: string;
  anchor(target: AnchorTarget): Anchor | null;
}

/** Occurrences of an exact quote examined at most: more means a word-sized quote, decided by context alone. */
const MAX_OCCURRENCES = 1000;
/** From this text length on, exact occurrences are looked up in the word index instead of scanned for. */
const INDEXED_SEARCH_MIN_LENGTH = 100_000;
/** Characters around the stored position searched besides the windows the words point to. */
const POSITION_MARGIN = 16;

/** Offsets of `needle` in `haystack`, at most MAX_OCCURRENCES of them. */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0 && out.length < MAX_OCCURRENCES; at = haystack.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/** The stored position when it is a usable span (it may lie beyond the current text), else null. */
function storedPosition(target: AnchorTarget): { start: number; end: number } | null {
  const position = target.position;
  if (!position || !Number.isInteger(position.start) || !Number.isInteger(position.end)) return null;
  return position.start >= 0 && position.end > position.start ? position : null;
}

/** One annotation being anchored: its parsed selectors and a candidate builder. */
interface Job {
  target: AnchorTarget;
  quote: Part;
  stored: StoredContext;
  position: { start: number; end: number } | null;
  candidate(start: number, end: number, quoteSimilarity: number): Candidate;
}

/** The anchorer of one text; the normalised copy and word index are built on first need. */
class TextAnchorer implements Anchorer {
  private normalisedCopy: NormalisedText | null = null;
  private wordIndex: WordIndex | null = null;

  constructor(readonly text: string) {}

  private get normalised(): NormalisedText {
    return (this.normalisedCopy ??= normaliseText(this.text));
  }

  private get index(): WordIndex {
    return (this.wordIndex ??= new WordIndex(this.text));
  }

  anchor(target: AnchorTarget): Anchor | null {
    const { text } = this;
    const exact = target.quote.exact;
    const quote = partOf(exact);
    if (quote.text.length === 0) return null;
    const stored = storedContext(target.quote.prefix ?? '', target.quote.suffix ?? '');
    const position = storedPosition(target);
    const job: Job = {
      target,
      quote,
      stored,
      position,
      candidate: (start, end, quoteSimilarity) => ({
        start,
        end,
        quoteSimilarity,
        context: contextAt(text, start, end, stored),
        proximity: position ? 1 - Math.min(1, Math.abs(start - position.start) / Math.max(1, text.length)) : 0,
      }),
    };
    const exactCandidates = (): Candidate[] => this.exactOccurrences(exact).map((at) => job.candidate(at, at + exact.length, 1));

    // a. The stored position, when it still holds the quote, unless another copy has agreeing
    //    context and this one has none (text moved and a repeat slid into the old offsets).
    if (position && text.slice(position.start, position.end) === exact) {
      const here: Anchor = { start: position.start, end: position.end, confidence: 1, method: 'position' };
      if (job.candidate(position.start, position.end, 1).context.agreeing > 0 || this.exactOccurrences(exact).length === 1) return here;
      const elsewhere = chooseExact(exactCandidates(), 'quote', quote.text.length);
      return elsewhere && elsewhere.start !== position.start ? elsewhere : here;
    }
    // b. Exact occurrences of the quote.
    const byQuote = chooseExact(exactCandidates(), 'quote', quote.text.length);
    if (byQuote) return byQuote;
    return this.normalisedOrFuzzy(job);
  }

  /**
   * Offsets of `exact` in the text. On long texts, an interior word of the quote (a whole word
   * in any occurrence) is looked up in the index and each hit verified, instead of scanning the
   * whole text per annotation; both give the same offsets, in text order.
   */
  private exactOccurrences(exact: string): number[] {
    const interior = this.text.length < INDEXED_SEARCH_MIN_LENGTH ? [] : wordsOf(exact).filter((w) => w.offset > 0 && w.offset + w.length < exact.length);
    if (interior.length === 0) return occurrences(this.text, exact);
    const index = this.index;
    const rarest = interior.reduce((a, b) => (index.count(b.key) < index.count(a.key) ? b : a));
    const out: number[] = [];
    for (const hit of index.offsets(rarest.key)) {
      const at = hit - rarest.offset;
      if (at >= 0 && this.text.startsWith(exact, at)) out.push(at);
      if (out.length === MAX_OCCURRENCES) break;
    }
    return out;
  }

  /** Steps c and d, in the windows the word index points to (and around the stored position). */
  private normalisedOrFuzzy(job: Job): Anchor | null {
    const { quote, target, position } = job;
    const length = quote.text.length;
    const maxErrors = Math.floor(length * (1 - MIN_QUOTE_SIMILARITY));
    const query = { quote, prefix: partOf(target.quote.prefix ?? ''), suffix: partOf(target.quote.suffix ?? ''), maxErrors };
    const margin = maxErrors + POSITION_MARGIN;
    const aroundPosition = position ? { start: position.start - margin, end: position.start + quote.raw.length + margin } : null;
    const { windows, quoteSeeds } = candidateWindows(this.index, query, aroundPosition);
    const narrowed = quoteSeeds >= MIN_QUOTE_SEEDS;
    const slices = normaliseWindows(this.text, windows);
    const toCandidate = (match: FuzzyMatch): Candidate => job.candidate(match.start, match.end, 1 - match.errors / length);
    // c. When the quote's own words hardly narrowed the search (all too common, or edited away),
    //    every normalised occurrence in the whole text, as the windows might miss some.
    const normalisedMatches = narrowed ? exactInWindows(slices, quote.text) : this.wholeTextOccurrences(quote.text);
    const byNormalised = chooseExact(normalisedMatches.map(toCandidate), 'normalised', length);
    if (byNormalised || maxErrors < 1) return byNormalised;
    // d. Approximate matches in the windows; else the bounded whole-text search, judged together
    //    with what the windows found.
    const pattern = new ApproxPattern(quote.text);
    const inWindows = searchWindows(slices, pattern, maxErrors).map(toCandidate);
    const relocated: RelocationEvidence = { sameSentence: (candidate) => sameSentence(this.text, quote, candidate), neighboursKept: (candidate) => this.neighboursKept(job.stored, candidate) };
    const found = chooseFuzzy(inWindows, length, relocated);
    if (found || narrowed) return found;
    const everywhere = searchWholeText(this.normalised, pattern, maxErrors).map(toCandidate);
    return chooseFuzzy([...inWindows, ...everywhere], length, relocated);
  }

  /**
   * True when each stored side of context long enough to count still occurs, intact, in the
   * text: beside the candidate, elsewhere, or its start beside the candidate (the part that moved
   * with the quote's paragraph) and its rest elsewhere. The page around the quote is the same
   * page, rearranged (see choose.ts).
   */
  private neighboursKept(stored: StoredContext, candidate: Candidate): boolean {
    const rests = contextLeftBehind(this.text, candidate.start, candidate.end, stored);
    return rests.length > 0 && rests.every((rest) => this.normalised.text.includes(rest));
  }

  /** Occurrences of a normalised quote in the whole normalised text, as spans of the text. */
  private wholeTextOccurrences(pattern: string): FuzzyMatch[] {
    const norm = this.normalised;
    return occurrences(norm.text, pattern).map((at) => ({ ...toOriginalSpan(norm, at, at + pattern.length), errors: 0 }));
  }
}

/** Word-level edits a relocated quote may have: a changed word or number, not a rewritten clause. */
const RELOCATED_MAX_WORD_EDITS = 2;

/**
 * True when a candidate is the quote's own sentence with a word or two changed: it starts and
 * ends with the quote's first and last characters and words, and at most
 * RELOCATED_MAX_WORD_EDITS words differ. A lookalike that shares most characters (a caption
 * reading `"...on the pipes," said Tasos Georgelis of the department` for a deleted `"...on the
 * pipes," Mr. Georgelis said.`, or the next film's `X is currently streaming on Netflix...`)
 * fails this.
 */
function sameSentence(text: string, quote: Part, candidate: Candidate): boolean {
  const { start, end } = candidate;
  const found = normaliseString(text.slice(start, end));
  if (found[0] !== quote.text[0] || found[found.length - 1] !== quote.text[quote.text.length - 1]) return false;
  const wanted = quote.words.map((word) => word.key);
  const foundWords = wordsOf(text.slice(start, end)).map((word) => word.key);
  if (wanted.length === 0 || wanted[0] !== foundWords[0] || wanted[wanted.length - 1] !== foundWords[foundWords.length - 1]) return false;
  return wordEdits(wanted, foundWords, RELOCATED_MAX_WORD_EDITS) <= RELOCATED_MAX_WORD_EDITS;
}

/** Edit distance between two word sequences, counted up to `limit` + 1. */
function wordEdits(a: readonly number[], b: readonly number[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1), (row[j] as number) + 1, (next[j - 1] as number) + 1);
    row = next;
    if (Math.min(...row) > limit) return limit + 1;
  }
  return row[b.length] as number;
}

/** Creates an anchorer for `text`, to anchor any number of selectors against it. */
export function createAnchorer(text: string): Anchorer {
  return new TextAnchorer(text);
}

/** Anchors every target against one text, building the shared structures once. */
export function anchorAll(text: string, targets: readonly AnchorTarget[]): Array<Anchor | null> {
  const anchorer = createAnchorer(text);
  return targets.map((target) => anchorer.anchor(target));
}

// anchorSelector is called once per annotation with the same page text (core/claims/merge.ts):
// keeping the last anchorer lets those calls share one normalised copy and word index.
let lastAnchorer: Anchorer | null = null;

/** Anchors one selector in `text` (null: an orphan); repeated calls on the same text share work. */
export function anchorSelector(text: string, selector: AnchorTarget): Anchor | null {
  if (lastAnchorer?.text !== text) lastAnchorer = createAnchorer(text);
  return lastAnchorer.anchor(selector);
}
