/**
 * Whether a page is an article at all, or a page that lists or plays other things: a home page
 * or section front, search results, a video page. Such pages get no automatic highlights, even
 * when a block of text on them looks like prose. Decided from the URL, the page's own metadata
 * and its shape (many headline links, little prose), never from one site's markup.
 */

/** Why a page is not an article. */
export type NotArticleReason = 'front' | 'search' | 'video';

const ARTICLE_TYPES = /"@type"\s*:\s*\[?\s*"(?:News|Blog|Scholarly|Tech|Report|Opinion|Analysis|Review|Satirical|Background)?(?:Article|Posting|ReportageNewsArticle|LiveBlogPosting)"/;
const VIDEO_TYPE = /"@type"\s*:\s*\[?\s*"VideoObject"/;
const SEARCH_PARAMS = ['q', 'query', 'search', 's', 'keywords', 'searchterm', 'text'];
/** Less prose than this beside a player or on a front path is no article. */
const SHORT_PROSE = 1500;
/** Links with at least this much text read as headlines. */
const HEADLINE_CHARS = 30;
/** An article has at least this many characters of prose per headline link on its page (its teasers and rails). */
const PROSE_PER_HEADLINE = 15;
/** The same on a root or section path, where an article would be unusual. */
const FRONT_PATH_PROSE_PER_HEADLINE = 120;

/** True when the page says in its metadata that it is an article. */
function declaresArticle(doc: Document): boolean {
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.toLowerCase() ?? '';
  if (ogType === 'article' || ogType.endsWith(':article')) return true;
  if (doc.querySelector('meta[property="article:published_time"], [itemtype*="Article"], [itemtype*="BlogPosting"]')) return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) if (ARTICLE_TYPES.test(script.textContent ?? '')) return true;
  return false;
}

function isSearchUrl(url: URL): boolean {
  if (/(^|\/)(search|suche|recherche|buscar|busca|cerca|zoeken|find)(\/|$|\.)/i.test(url.pathname)) return true;
  return SEARCH_PARAMS.some((name) => (url.searchParams.get(name) ?? '').trim() !== '');
}

/** A page whose main thing is a video: declared as one, or a VideoObject with a player and little prose (an article with a video is still an article). */
function isVideoPage(doc: Document, declaredArticle: boolean, articleLength: number): boolean {
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.toLowerCase() ?? '';
  if (declaredArticle) return false;
  if (ogType.startsWith('video')) return true;
  if (articleLength >= SHORT_PROSE) return false;
  let video = false;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) if (VIDEO_TYPE.test(script.textContent ?? '')) video = true;
  return video && doc.querySelector('video, iframe[src*="youtube"], iframe[src*="vimeo"], iframe[src*="dailymotion"]') !== null;
}

/** A root or one-word path ("/", "/politics", "/world/") is where fronts live; article paths carry slugs or ids. */
function isFrontPath(url: URL): boolean {
  const segments = url.pathname.split('/').filter((segment) => segment !== '' && !/^index\.\w+$/i.test(segment));
  if (segments.length === 0) return true;
  return segments.length <= 2 && segments.every((segment) => /^[a-z]+$/i.test(segment) && segment.length <= 20);
}

/** Many headline links and little prose beside them (`perHeadline` characters each at most): the shape of a front. */
function looksLikeFront(doc: Document, articleLength: number, perHeadline: number): boolean {
  let headlines = 0;
  for (const anchor of doc.querySelectorAll('a[href]')) {
    if ((anchor.textContent ?? '').trim().length >= HEADLINE_CHARS) headlines++;
  }
  // A front is mostly headlines: many of them, and little prose beside them.
  return headlines >= 12 && articleLength < headlines * perHeadline;
}

/**
 * Why the page is not an article, or null when it is one (or may be). `articleLength` is the
 * characters of prose the article detector found.
 */
export function notArticleReason(doc: Document, url: string, articleLength: number): NotArticleReason | null {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed && isSearchUrl(parsed) && !declaresArticle(doc)) return 'search';
  const article = declaresArticle(doc);
  if (isVideoPage(doc, article, articleLength)) return 'video';
  if (article) return null;
  // Where fronts live, a page of headlines is a front even with a long text block on it.
  if (parsed && isFrontPath(parsed)) return looksLikeFront(doc, articleLength, FRONT_PATH_PROSE_PER_HEADLINE) ? 'front' : null;
  return looksLikeFront(doc, articleLength, PROSE_PER_HEADLINE) ? 'front' : null;
}
