import { mergeClaims } from '../core/claims/merge';
import { SENSITIVITY_THRESHOLDS } from '../core/claims/score';
import type { PageState, ClaimView } from '../core/model/page-state';
import { requestBackground } from '../platform/browser';
import { highlightClaimsInSlices } from './highlight-slices';
import { clearHighlights, recolourHighlights, revealHighlight } from './highlighter';
import { scanPage, type PageScan } from './page-scan';

/** The highlight layout of a claim list: the style and every anchored range, in order. */
function drawnLayout(claims: readonly ClaimView[], style: string): string {
  return `${style}|${claims.filter((claim) => claim.anchored).map((claim) => `${claim.id}:${claim.selector.position.start}-${claim.selector.position.end}`).join(',')}`;
}

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

  /** Handles a change of the page: new content or a navigation means a new scan. */
  pageChanged(reason: 'content' | 'navigation'): Promise<PageState> | undefined {
    const root = this.scan?.article?.root;
    const marksLost = this.state?.claims.some((claim) => claim.anchored) && !document.querySelector('mark[data-factmark-id]');
    // Text changes inside the article always count; elsewhere only a new section's worth of
    // text does (tickers and ads change all the time and must not cost a re-scan).
    const articleChanged = (root?.textContent?.length ?? 0) !== this.scannedRootLength;
    const grown = Math.abs((document.body?.textContent?.length ?? 0) - this.scannedLength) > 200;
    // A drawing that stopped half-way (the page changed under it) is finished by a redraw.
    const unfinished = this.state?.status === 'ready' && this.drawn === null && !this.pending;
    if (reason === 'content' && root?.isConnected && !marksLost && !articleChanged && !grown && !unfinished) return undefined;
    // Stop a drawing in progress before clearing, so no slice lands on the cleared page.
    this.drawing?.abort();
    if (root?.isConnected) this.mutate(() => clearHighlights(root));
    this.scan = null;
    this.drawn = null;
    return this.render();
  }

  /** Scrolls to a claim's highlight and flashes it. */
  reveal(id: string): boolean {
    return revealHighlight(id);
  }

  /** Moves to the next or previous highlighted claim after the one in view. */
  step(direction: 1 | -1): string | null {
    const claims = (this.state?.claims ?? []).filter((claim) => claim.anchored && claim.annotation?.verdict !== 'not-a-claim');
    if (claims.length === 0) return null;
    const focused = document.activeElement?.getAttribute('data-factmark-id');
    const at = claims.findIndex((claim) => claim.id === focused);
    const next = claims[(at + direction + claims.length) % claims.length] ?? claims[0];
    if (!next) return null;
    revealHighlight(next.id);
    (document.querySelector(`mark[data-factmark-id="${next.id}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
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
      if (root) this.mutate(() => clearHighlights(root));
      this.drawn = null;
      this.state = { key: this.scan?.key ?? location.href, url: location.href, title: document.title, status: 'disabled', claims: [] };
      return this.state;
    }
    this.scan ??= scanPage(document, location.href);
    this.scannedLength = document.body?.textContent?.length ?? 0;
    const scan = this.scan;
    const article = scan.article;
    this.scannedRootLength = article?.root.textContent?.length ?? 0;
    if (!article) {
      this.state = { key: scan.key, url: scan.url, title: scan.title, status: 'no-article', claims: [] };
      return this.state;
    }
    const record = await requestBackground('page.get', { key: scan.key });
    const claims = mergeClaims(scan.text, scan.sentences, SENSITIVITY_THRESHOLDS[settings.sensitivity], record);
    const layout = drawnLayout(claims, settings.highlightStyle);
    this.state = { key: scan.key, url: scan.url, title: scan.title, status: 'ready', claims, ...(scan.notice ? { notice: scan.notice } : {}) };
    // Superseded while waiting for storage: leave the page as it is, the next render draws it.
    if (signal.aborted) return this.state;
    // A verdict or note edit leaves every range in place: recolour rather than re-mark the page.
    if (layout === this.drawn && article.root.querySelector('mark[data-factmark-id]')) {
      this.mutate(() => recolourHighlights(article.root, claims));
      return this.state;
    }
    this.drawn = null;
    // Resolves after the last slice, so whoever awaits the render (the popup) finds every mark
    // drawn. Each slice runs through `mutate`, with the page observer paused.
    const outcome = await highlightClaimsInSlices(article.root, claims, settings.highlightStyle, { clearFirst: true, signal, runSlice: (slice) => this.mutate(slice) });
    if (outcome === 'done') this.drawn = layout;
    return this.state;
  }
}
