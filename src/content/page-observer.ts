/**
 * Watches the page for content that changes after load (lazy sections, infinite scroll,
 * single-page-app navigation, scripts that re-render and drop our highlights) and calls back,
 * debounced. Factmark's own DOM changes are made through `withoutObserving`, so they never
 * trigger a re-scan (no feedback loop).
 */
export class PageObserver {
  private readonly observer: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastUrl = location.href;

  constructor(private readonly onChange: (reason: 'content' | 'navigation') => void, private readonly delayMs = 400) {
    this.observer = new MutationObserver((records) => {
      if (records.some((record) => !isOwnChange(record))) this.schedule();
    });
    window.addEventListener('popstate', () => this.schedule());
    window.addEventListener('hashchange', () => this.schedule());
  }

  /** Starts observing the document. */
  start(): void {
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /** Runs a DOM change of ours with the observer paused, discarding the records it made. */
  withoutObserving<T>(change: () => T): T {
    this.observer.disconnect();
    try {
      return change();
    } finally {
      this.observer.takeRecords();
      this.start();
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // pushState cannot be observed from a content script's isolated world; the DOM changes it
      // brings, or popstate, land here, and the URL tells navigation apart from new content.
      const navigated = location.href !== this.lastUrl;
      this.lastUrl = location.href;
      this.onChange(navigated ? 'navigation' : 'content');
    }, this.delayMs);
  }
}

function isOwnChange(record: MutationRecord): boolean {
  const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
  return target?.closest('[data-factmark-ui]') != null;
}
