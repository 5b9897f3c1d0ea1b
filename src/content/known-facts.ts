/**
 * The page's side of known fact-checks: reading the ClaimReviews it publishes (when the setting
 * allows) and handing them to the background, and asking the background which of the page's
 * sentences and annotations were already fact-checked. Matches arrive after the highlights are
 * drawn (the background may be building its index); `onMatches` then redraws with them.
 */
import type { ScoredSentence } from '../core/claims/detect';
import { detectedClaimView } from '../core/claims/merge';
import { MAX_MATCH_QUERIES, type KnownMatch, type MatchQuery } from '../core/known/known-matches';
import { mentionsClaimReview, readPageReviews } from '../core/known/page-reviews';
import type { ClaimView, FactCheckReport } from '../core/model/page-state';
import type { Settings } from '../core/model/settings';
import { requestBackground } from '../platform/browser';

/** One scan's matches: for which page and sentences they were asked, and whether what they came from changed since. */
interface MatchState {
  signature: string;
  matches: Record<string, KnownMatch[]> | null;
  /** Shown until the answer asked again arrives, so the known marks do not blink off meanwhile. */
  stale: boolean;
}

/** Describes skipped reviews and parts for the popup, one line each. */
function describe(reading: ReturnType<typeof readPageReviews>): string[] {
  const lines = reading.skipped.map((issue) => `Review ${issue.review} skipped: ${issue.reason}.`);
  for (const issue of reading.notes) lines.push(`Review ${issue.review}: ${issue.reason}.`);
  if (reading.badBlocks > 0) lines.push(`${reading.badBlocks} JSON-LD block(s) with ClaimReview are not valid JSON and were skipped.`);
  return lines.slice(0, 20);
}

/** Known fact-checks of one page. */
export class KnownFacts {
  private report: FactCheckReport | undefined;
  private collectedFor: string | null = null;
  private state: MatchState = { signature: '', matches: null, stale: false };
  private asking: string | null = null;
  /** Bumped by `invalidate`: an answer to a request sent before is shown, but asked again. */
  private generation = 0;

  constructor(private readonly onMatches: () => void) {}

  /** What the page's ClaimReview gave, when it has any. */
  factChecks(): FactCheckReport | undefined {
    return this.report;
  }

  /**
   * Reads and stores the page's ClaimReviews once per page key (again after a navigation, and
   * when the reader switches collecting on or off meanwhile); errors are logged, never thrown.
   */
  async collect(pageKey: string, settings: Settings): Promise<void> {
    const collecting = `${pageKey}\u0000${settings.collectFactChecks}`;
    if (this.collectedFor === collecting) return;
    this.collectedFor = collecting;
    this.report = undefined;
    if (!mentionsClaimReview(document)) return;
    if (!settings.collectFactChecks) {
      this.report = { read: 0, skipped: [], collecting: false };
      return;
    }
    try {
      const reading = readPageReviews(document, location.href, pageKey, new Date().toISOString());
      if (reading.reviews.length > 0) await requestBackground('known.collect', { reviews: reading.reviews });
      this.report = { read: reading.reviews.length, skipped: describe(reading), collecting: true };
    } catch (error) {
      this.report = { read: 0, skipped: [`Could not store the fact-checks: ${error instanceof Error ? error.message : String(error)}`], collecting: true };
    }
  }

  /** The next render asks again (the known claims or the settings changed), showing the current matches until the answer comes. */
  invalidate(): void {
    this.generation++;
    this.state = { ...this.state, stale: true };
  }

  /**
   * The claim list with its known matches, plus sentences below the claim threshold that match
   * a known claim (they are shown too). Without matches for these sentences yet, asks the
   * background and returns the list as it is; `onMatches` fires when they arrive.
   */
  apply(pageKey: string, sentences: readonly ScoredSentence[], claims: ClaimView[]): ClaimView[] {
    // Only the first MAX_MATCH_QUERIES are matched (see the background): a huge page builds no more.
    const queries: MatchQuery[] = sentences.slice(0, MAX_MATCH_QUERIES).map((sentence) => ({ id: sentence.id, text: sentence.text }));
    if (queries.length < MAX_MATCH_QUERIES) {
      const sentenceIds = new Set(queries.map((query) => query.id));
      for (const claim of claims) if (claim.anchored && !sentenceIds.has(claim.id)) queries.push({ id: claim.id, text: claim.text });
    }
    queries.length = Math.min(queries.length, MAX_MATCH_QUERIES);
    const signature = `${pageKey}\u0000${queries.map((query) => query.id).join(',')}`;
    if (this.state.signature !== signature || this.state.matches === null || this.state.stale) void this.ask(signature, pageKey, queries);
    if (this.state.signature !== signature || this.state.matches === null) return claims;
    const matches = this.state.matches;
    const withKnown = claims.map((claim) => (matches[claim.id] ? { ...claim, known: matches[claim.id] } : claim));
    const shown = new Set(claims.map((claim) => claim.id));
    const taken = claims.filter((claim) => claim.anchored).map((claim) => claim.selector.position);
    for (const sentence of sentences) {
      const known = matches[sentence.id];
      if (!known || shown.has(sentence.id) || taken.some((range) => sentence.start < range.end && range.start < sentence.end)) continue;
      withKnown.push({ ...detectedClaimView(sentence, null), known });
    }
    return withKnown.sort((a, b) => Number(b.anchored) - Number(a.anchored) || a.selector.position.start - b.selector.position.start);
  }

  private async ask(signature: string, pageKey: string, queries: MatchQuery[]): Promise<void> {
    const generation = this.generation;
    const asked = `${generation}\u0001${signature}`;
    if (this.asking === asked) return;
    this.asking = asked;
    try {
      const reply = queries.length === 0 ? {} : await requestBackground('known.match', { pageKey, queries });
      // An older background (mid-update) may not know the request: treat it as no matches.
      const matches = typeof reply === 'object' && reply !== null ? reply : {};
      if (this.asking !== asked) return;
      const shown = this.state.signature === signature ? this.state.matches : null;
      this.state = { signature, matches, stale: generation !== this.generation };
      // Redraw when the answer shows something, or takes away what was shown.
      if (Object.keys(matches).length > 0 || Object.keys(shown ?? {}).length > 0) this.onMatches();
    } catch (error) {
      console.warn(`Factmark: matching known fact-checks failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.asking === asked) this.asking = null;
    }
  }
}
