import { mergeClaims } from '../core/claims/merge';
import { withStrengths, withStrengthsSteps } from '../core/claims/rank';
import { SENSITIVITY_THRESHOLDS, STRONG_FLOOR } from '../core/claims/score';
import type { PageState, ClaimView } from '../core/model/page-state';
import type { Settings } from '../core/model/settings';
import { requestBackground } from '../platform/browser';
import { claimIdOf, clearHighlights, hasHighlights, marksOf, recolourHighlights, revealHighlight } from './highlighter';
import { KnownFacts } from './known-facts';
import { runInSlices, yieldToPage } from './highlight-slices';
import { textLengthsSteps } from '../core/text/text-lengths';
import { drawLazily, type LazyDrawing } from './lazy-highlights';
import { nearViewportRange } from './near-viewport';
import type { PageScan } from '../core/scan/page-scan';
import { scanPageInSlices } from './page-scan-slices';

/** Claims described between two pauses of `drawnLayoutSteps`. */
const LAYOUT_CLAIMS_PER_STEP = 2048;
/** Longest run of the page's scan and render work before it yields to the page (well under a 50 ms long task). */
const SLICE_MS = 8;

/**
 * The highlight layout of a claim list: the style and every anchored range, in order. Pauses
 * every few thousand claims (a huge article has over 50,000).
 */
function* drawnLayoutSteps(claims: readonly ClaimView[], style: string): Generator<void, string> {
  const parts: string[] = [];
  for (let at = 0; at < claims.length; at++) {
    if (at % LAYOUT_CLAIMS_PER_STEP === LAYOUT_CLAIMS_PER_STEP - 1) yield;
    const claim = claims[at] as ClaimView;
    if (claim.anchored) parts.push(`${claim.id}:${claim.selector.position.start}-${claim.selector.position.end}${claim.known ? `:${claim.known[0]?.verdict ?? 'unrated'}` : ''}`);
  }
  return `${style}|${parts.join(',')}`;
}

/**
 * Redraws after the page removed every highlight, allowed within RESTORE_WINDOW_MS. A page that
 * re-renders once gets its highlights back; one that keeps stripping them wins after that, so the
 * two never fight (each round costs the page a re-render and the reader a flicker). The claims
 * stay listed in the popup, and a navigation or an edit draws them again.
 */
const MAX_RESTORES = 3;
const RESTORE_WINDOW_MS = 60_000;

/** True when the host or a parent domain of it is on the reader's disabled list. */
export function isSiteDisabled(hostname: string, disabledSites: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** A cheap signal that a page is a news or blog article, for the "news-like pages only" setting. */
export function looksLikeNews(doc: Document): boolean {
  return doc.querySelector('article, [itemtype*="Article"], meta[property="og:type"][content="article"], meta[property="article:published_time"], script[type="application/ld+json"]') !== null;
}

/**
 * The page's state: the scan (article, sentences, scores), joined with the stored record
 * and drawn as highlights. Renders one at a time; DOM changes go through `mutate` so the
 * page observer does not see them. Highlights are drawn in short slices; a newer render or a
 * change of the page stops a drawing between slices, and `drawn` stays null until one completes.
 */
export class PageController {
  private scan: PageScan | null = null;
  private state: PageState | null = null;
  private pending: Promise<PageState> | null = null;
  private again = false;
  private scannedLength = 0;
  private scannedRootLength = 0;
  /** What the highlights on the page show (style and anchored ranges), to recolour instead of re-marking. */
  private drawn: string | null = null;
  /** Aborted when a newer render or a page change supersedes the render in progress: its drawing stops, or never starts. */
  private drawing: AbortController | null = null;
  /** Fact-checks the page publishes, and which of its sentences were already checked. */
  private readonly known = new KnownFacts(() => void this.refresh());
  /** When highlights were last redrawn because the page had removed them all (see MAX_RESTORES). */
  private restores: number[] = [];
  /** The current drawing: near the viewport first, the rest as the reader scrolls. */
  private lazy: LazyDrawing | null = null;
  /** Bumped whenever the scan is dropped, so a sliced scan that finishes afterwards is not kept. */
  private scanEpoch = 0;
  /** The text index whose near-viewport claims `lazy` shows before the whole scan is done (huge pages). */
  private previewIndex: PageScan['index'] | null = null;

  constructor(private readonly mutate: <T>(change: () => T) => T) {}

  /** The current state, rendering first when there is none yet. */
  ready(): Promise<PageState> {
    return this.pending ?? (this.state ? Promise.resolve(this.state) : this.render());
  }

  /** The canonical key of the page, once scanned. */
  pageKey(): string | null {
    return this.scan?.key ?? null;
  }

  /** The article root, once scanned. */
  articleRoot(): Element | null {
    return this.scan?.article?.root ?? null;
  }

  /** One claim of the current state. */
  claim(id: string): ClaimView | undefined {
    return this.state?.claims.find((claim) => claim.id === id);
  }

  /** Re-joins with storage (after an edit or a settings change) without re-scanning. */
  refresh(): Promise<PageState> {
    return this.render();
  }

  /** Stored fact-checks changed: match the page again. */
  knownChanged(): Promise<PageState> {
    this.known.invalidate();
    return this.render();
  }

  /** Handles a change of the page: new content or a navigation means a new scan. */
  pageChanged(reason: 'content' | 'navigation'): Promise<PageState | undefined> | undefined {
    const root = this.scan?.article?.root;
    // Only Factmark's own marks count: a page-made <mark data-factmark-id> must not hide the loss.
    const marksLost = (this.lazy?.drawnGroups() ?? 0) > 0 && !hasHighlights(document);
    // A drawing that stopped half-way (the page changed under it) is finished by a redraw.
    const unfinished = this.state?.status === 'ready' && this.drawn === null && !this.pending;
    if (reason === 'content' && root?.isConnected && !marksLost && !unfinished) return this.contentChanged(root);
    return this.rescan(reason, marksLost);
  }

  /**
   * New content somewhere on the page: text changes inside the article always count; elsewhere
   * only a new section's worth of text does (tickers and ads change all the time and must not
   * cost a re-scan). The lengths are counted in slices; a scan that replaced this one meanwhile
   * has seen the change already.
   */
  private async contentChanged(root: Element): Promise<PageState | undefined> {
    const scan = this.scan;
    const lengths = await runInSlices(textLengthsSteps(document.body, root), yieldToPage, SLICE_MS);
    if (this.scan !== scan || !root.isConnected) return undefined;
    if (lengths.inner === this.scannedRootLength && Math.abs(lengths.outer - this.scannedLength) <= 200) return undefined;
    return this.rescan('content', false);
  }

  /** Drops the scan and its highlights and renders anew (a restore after lost marks counts against MAX_RESTORES). */
  private rescan(reason: 'content' | 'navigation', marksLost: boolean): Promise<PageState> | undefined {
    const root = this.scan?.article?.root;
    if (reason === 'navigation') this.restores = [];
    else if (marksLost) {
      const now = performance.now();
      this.restores = this.restores.filter((at) => now - at < RESTORE_WINDOW_MS);
      if (this.restores.length >= MAX_RESTORES) return undefined;
      this.restores.push(now);
    }
    // Stop a drawing in progress before clearing, so no slice lands on the cleared page.
    this.drawing?.abort();
    this.lazy?.stop();
    if (root?.isConnected) this.mutate(() => clearHighlights(root));
    this.scan = null;
    this.scanEpoch++;
    this.previewIndex = null;
    this.drawn = null;
    return this.render();
  }

  /** Scrolls to a claim's highlight and flashes it, drawing it first when it is far from where the reader was. */
  reveal(id: string): boolean {
    this.lazy?.drawClaim(id);
    return revealHighlight(id);
  }

  /** Moves to the next or previous highlighted claim after the one in view. */
  step(direction: 1 | -1): string | null {
    const claims = (this.state?.claims ?? []).filter((claim) => claim.anchored && claim.annotation?.verdict !== 'not-a-claim');
    if (claims.length === 0) return null;
    const focused = claimIdOf(document.activeElement);
    const at = claims.findIndex((claim) => claim.id === focused);
    const next = claims[(at + direction + claims.length) % claims.length] ?? claims[0];
    if (!next) return null;
    this.reveal(next.id);
    marksOf(document, next.id)[0]?.focus({ preventScroll: true });
    return next.id;
  }

  private render(): Promise<PageState> {
    if (this.pending) {
      // An edit arrived during a render: stop its drawing and render once more, with the newest record.
      this.again = true;
      this.drawing?.abort();
      return this.pending;
    }
    this.pending = this.renderNow().finally(() => {
      this.pending = null;
      if (this.again) {
        this.again = false;
        void this.render();
      }
    });
    return this.pending;
  }

  /** Starts on page load, unless the settings say to wait for the reader to ask. */
  async autoStart(): Promise<PageState | null> {
    const settings = await requestBackground('settings.get', {});
    if (settings.scanMode === 'on-request') return null;
    if (settings.scanMode === 'news-like' && !looksLikeNews(document)) return null;
    return this.ready();
  }

  private async renderNow(): Promise<PageState> {
    const drawing = new AbortController();
    this.drawing = drawing;
    try {
      return await this.renderWith(drawing.signal);
    } finally {
      if (this.drawing === drawing) this.drawing = null;
    }
  }

  private async renderWith(signal: AbortSignal): Promise<PageState> {
    const settings = await requestBackground('settings.get', {});
    if (isSiteDisabled(location.hostname, settings.disabledSites)) {
      const root = this.scan?.article?.root;
      this.lazy?.stop();
      if (root) this.mutate(() => clearHighlights(root));
      this.drawn = null;
      this.state = { key: this.scan?.key ?? location.href, url: location.href, title: document.title, status: 'disabled', claims: [] };
      return this.state;
    }
    if (!this.scan) {
      // Scanned in slices: the page keeps running meanwhile, and may change or navigate.
      const epoch = this.scanEpoch;
      // On a huge page the sentences near the reader are scored first and drawn at once.
      const fresh = await scanPageInSlices(document, location.href, yieldToPage, SLICE_MS, {
        range: (index) => nearViewportRange(index),
        ready: (partial) => void this.drawPreview(partial, settings, epoch, signal).catch((error: unknown) => console.warn(`Factmark: drawing the claims near the reader first failed; they are drawn with the rest. ${error instanceof Error ? error.message : String(error)}`)),
      });
      // The page changed during the scan: the render that change asked for scans again.
      if (epoch !== this.scanEpoch) return this.state ?? { key: fresh.key, url: fresh.url, title: fresh.title, status: 'no-article', claims: [] };
      this.scan = fresh;
    }
    const scan = this.scan;
    const article = scan.article;
    // The page's and the article's text lengths, for telling later changes apart (pageChanged):
    // counted in one sliced walk, never read as text (megabytes on a huge page).
    const lengths = await runInSlices(textLengthsSteps(document.body, article?.root ?? null), yieldToPage, SLICE_MS);
    this.scannedLength = lengths.outer;
    this.scannedRootLength = lengths.inner;
    if (!article) {
      // A fact-check page without an article body still has its ClaimReviews read.
      await this.known.collect(scan.key, settings);
      const factChecks = this.known.factChecks();
      this.state = { key: scan.key, url: scan.url, title: scan.title, status: 'no-article', claims: [], ...(factChecks ? { factChecks } : {}) };
      return this.state;
    }
    const [record] = await Promise.all([requestBackground('page.get', { key: scan.key }), this.known.collect(scan.key, settings)]);
    // A huge article has tens of thousands of claims: each pass over them gets a task of its own.
    const merged = mergeClaims(scan.text, scan.sentences, SENSITIVITY_THRESHOLDS[settings.sensitivity], record);
    await yieldToPage();
    const ranked = await runInSlices(withStrengthsSteps(merged, scan.sentences.length, STRONG_FLOOR), yieldToPage, SLICE_MS);
    await yieldToPage();
    const claims = this.known.apply(scan.key, scan.sentences, ranked);
    await yieldToPage();
    const layout = await runInSlices(drawnLayoutSteps(claims, settings.highlightStyle), yieldToPage, SLICE_MS);
    await yieldToPage();
    const factChecks = this.known.factChecks();
    this.state = { key: scan.key, url: scan.url, title: scan.title, status: 'ready', claims, ...(factChecks ? { factChecks } : {}), ...(scan.notice ? { notice: scan.notice } : {}) };
    // Superseded while waiting for storage: leave the page as it is, the next render draws it.
    if (signal.aborted) return this.state;
    // A verdict or note edit leaves every range in place: recolour rather than re-mark the page.
    if (layout === this.drawn && (hasHighlights(article.root) || this.lazy?.drawnGroups() === 0)) {
      this.mutate(() => recolourHighlights(article.root, claims));
      this.lazy?.update(claims);
      return this.state;
    }
    this.drawn = null;
    // The near claims drawn while the rest was scored stay where the whole scan draws the same.
    const carry = this.lazy && scan.index && this.previewIndex === scan.index ? this.lazy : undefined;
    this.previewIndex = null;
    this.lazy?.stop();
    // Resolves once the highlights near the viewport are drawn, so whoever awaits the render
    // (the popup) finds them; the rest follow as the reader scrolls or reveals a claim. Each
    // slice runs through `mutate`, with the page observer paused.
    const lazy = drawLazily(article.root, claims, settings.highlightStyle, { clearFirst: true, signal, runSlice: (slice) => this.mutate(slice), index: scan.index, carry });
    this.lazy = lazy;
    const outcome = await lazy.initial;
    if (outcome === 'done') this.drawn = layout;
    return this.state;
  }

  /**
   * Draws the claims among the near-viewport sentences of a huge page while the rest is scored.
   * Only annotations of those sentences join them (anchoring others would search the whole
   * text); strengths are ranked among them alone. The whole scan's drawing keeps what matches.
   */
  private async drawPreview(partial: PageScan, settings: Settings, epoch: number, signal: AbortSignal): Promise<void> {
    const article = partial.article;
    if (!article || !partial.index || partial.sentences.length === 0) return;
    const record = await requestBackground('page.get', { key: partial.key });
    if (epoch !== this.scanEpoch || signal.aborted || this.scan) return;
    const ids = new Set(partial.sentences.map((sentence) => sentence.id));
    const near = record ? { ...record, annotations: Object.fromEntries(Object.entries(record.annotations).filter(([id]) => ids.has(id))) } : null;
    const claims = withStrengths(mergeClaims(partial.text, partial.sentences, SENSITIVITY_THRESHOLDS[settings.sensitivity], near), partial.sentences.length, STRONG_FLOOR);
    this.lazy?.stop();
    this.previewIndex = partial.index;
    this.lazy = drawLazily(article.root, claims, settings.highlightStyle, { signal, runSlice: (slice) => this.mutate(slice), index: partial.index });
  }
}
