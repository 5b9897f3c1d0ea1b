// The 10 MB article of issue 14 (about 24,000 paragraphs), generated from the sample article's
// text, never downloaded: used by the bench (bench/huge-page.mjs) and the e2e test of huge pages.
// The page carries its own probes, as a page's scripts would run: a 10 ms timer's worst delay,
// long tasks, and when highlights were added.

const TARGET_BYTES = 10 * 1024 * 1024;

/** The page's own probes: a 10 ms timer's worst delay, long tasks, and when highlights were added. */
export const PROBE = `
window.__probe = { maxDelay: 0, lateTimers: 0, longest: 0, longTasks: 0, firstMark: null, lastMark: null, marks: 0, loaded: null };
(() => {
  const p = window.__probe;
  // Counted from the load event on: parsing 10 MB blocks the page whatever any extension does.
  addEventListener('load', () => { p.loaded = performance.now(); });
  let last = performance.now();
  setInterval(() => { const now = performance.now(); const delay = now - last - 10; if (p.loaded !== null && last >= p.loaded) { if (delay > p.maxDelay) p.maxDelay = delay; if (delay > 1000) p.lateTimers++; } last = now; }, 10);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { if (p.loaded === null || e.startTime < p.loaded) continue; p.longTasks++; if (e.duration > p.longest) p.longest = e.duration; } }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'MARK') { const t = performance.now(); p.firstMark ??= t; p.lastMark = t; p.marks++; } }).observe(document.documentElement, { childList: true, subtree: true });
})();`;

/** About 10 MB of article: the sample's paragraphs over and over, each copy numbered so its sentences differ. */
export function hugeArticle(sample) {
  const lines = sample.split(/\n\s*\n|\n/).map((p) => p.trim()).filter((p) => p.length > 40);
  // Every other paragraph joined with the next: news paragraphs of one to four sentences.
  const paragraphs = [];
  for (let i = 0; i < lines.length; i++) paragraphs.push(i % 3 === 0 && i + 1 < lines.length ? `${lines[i]} ${lines[++i]}` : lines[i]);
  const parts = [];
  let bytes = 0;
  let count = 0;
  for (let copy = 1; bytes < TARGET_BYTES; copy++) {
    for (const paragraph of paragraphs) {
      const html = `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;')} (Part ${copy}.)</p>\n`;
      parts.push(html);
      bytes += html.length;
      count++;
    }
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The very long report</title><script>${PROBE}</script></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>The very long report</h1>${parts.join('')}</article></main><footer>The Example Times</footer></body></html>`;
  return { html, paragraphs: count, bytes: html.length };
}

