/** Query parameters that only track the visit and never change the page's content. */
const TRACKING_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src|cmpid|ocid)$/i;

/**
 * The page URL without fragment and tracking parameters. The query is edited as a string:
 * Firefox content scripts cannot iterate URLSearchParams (its iterators fail across Xray
 * wrappers with "url.searchParams.keys() is not iterable").
 */
export function stripTracking(rawUrl: string): string {
  const url = new URL(rawUrl);
  const query = url.search.replace(/^\?/, '');
  const kept = query.split('&').filter((pair) => {
    if (pair === '') return false;
    const name = pair.split('=')[0] ?? '';
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // A malformed escape is kept as written: it cannot be a tracking parameter's name.
    }
    return !TRACKING_PARAMS.test(decoded);
  });
  return `${url.origin}${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/** The registrable-ish site of a hostname (last two labels; three for common second-level domains). */
export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1] ?? '')) return hostname.toLowerCase();
  const secondLevel = labels[labels.length - 2] ?? '';
  const take = /^(co|com|org|net|gov|ac|edu)$/.test(secondLevel) && (labels[labels.length - 1] ?? '').length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * The key a page's annotations are stored under: its `<link rel=canonical>` when that is an
 * http(s) URL on the same site (syndicated copies point elsewhere and must not merge), else the
 * page URL; either way without fragment and tracking parameters.
 */
export function canonicalKey(pageUrl: string, canonicalHref: string | null): string {
  if (canonicalHref) {
    try {
      const canonical = new URL(canonicalHref, pageUrl);
      const page = new URL(pageUrl);
      if ((canonical.protocol === 'http:' || canonical.protocol === 'https:') && siteOf(canonical.hostname) === siteOf(page.hostname)) {
        return stripTracking(canonical.toString());
      }
    } catch {
      // An unparsable canonical link is ignored: the page URL still identifies the page.
    }
  }
  return stripTracking(pageUrl);
}
