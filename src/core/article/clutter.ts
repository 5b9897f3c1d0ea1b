/**
 * What the article scan treats as clutter, decided from tag names, attributes and class/id
 * words only (never layout or computed style), so jsdom and browsers agree. The word lists
 * follow Mozilla Readability's, which the shared corpus of real pages was judged against.
 */

/** Inline tags: their text belongs to the nearest block around them (Readability's phrasing content). */
export const PHRASING_TAGS: ReadonlySet<string> = new Set(['a', 'abbr', 'audio', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'math', 'meter', 'nobr', 'output', 'progress', 'q', 'ruby', 'rb', 'rp', 'rt', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr']);

/** Tags whose subtree never holds article prose: code, media, widgets, form controls, navigation. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'video', 'iframe', 'object', 'embed', 'textarea', 'select', 'option', 'button', 'input', 'nav', 'link', 'meta', 'head', 'title', 'dialog', 'menu']);

/** Skipped tags that Readability deletes up front, so they never count as an element's children. */
export const DELETED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);

/** Tags that stop a <div> from being a paragraph (Readability's DIV_TO_P_ELEMS). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);

/** Class/id words of page furniture (Readability's, plus the newsletter, trending, consent and promo boxes of newer pages); dropped before scoring. */
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|trending|cookie-?(banner|consent)|consent-banner|outbrain|taboola|subscribe(?!r)|promo|advert|teaser|tags|breadcrumb/i;
/** Words that rescue an UNLIKELY match: containers named after the content itself. */
const MAYBE_CONTENT = /and|article|body|column|content|main|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const SHARE = /(\b|_)(share|sharedaddy)(\b|_)/i;

/** Bit flags of one class or id value. */
export const UNLIKELY_WORD = 1;
/** The value names content (rescues an unlikely word). */
export const CONTENT_WORD = 2;
/** Readability's negative class words (-25). */
export const NEGATIVE_WORD = 4;
/** Readability's positive class words (+25). */
export const POSITIVE_WORD = 8;
/** A byline, author or dateline. */
export const BYLINE_WORD = 16;
/** A share bar or share button. */
export const SHARE_WORD = 32;

// Class strings repeat a lot on a page (every teaser, every list item), so each is tested once.
const wordCache = new Map<string, number>();

/** The flags of a class or id value (cached: pages repeat the same values many times). */
export function wordFlags(value: string): number {
  const cached = wordCache.get(value);
  if (cached !== undefined) return cached;
  let flags = 0;
  if (UNLIKELY.test(value)) flags |= UNLIKELY_WORD;
  if (MAYBE_CONTENT.test(value)) flags |= CONTENT_WORD;
  if (NEGATIVE.test(value)) flags |= NEGATIVE_WORD;
  if (POSITIVE.test(value)) flags |= POSITIVE_WORD;
  if (BYLINE.test(value)) flags |= BYLINE_WORD;
  if (SHARE.test(value)) flags |= SHARE_WORD;
  if (wordCache.size > 5000) wordCache.clear();
  wordCache.set(value, flags);
  return flags;
}

/** Readability's class weight: -25 per negative and +25 per positive match, in class and in id. */
export function classWeight(classFlags: number, idFlags: number): number {
  return weightOf(classFlags) + weightOf(idFlags);
}

function weightOf(flags: number): number {
  return (flags & NEGATIVE_WORD ? -25 : 0) + (flags & POSITIVE_WORD ? 25 : 0);
}

/** An element hidden or marked as page furniture by its attributes; dropped with its subtree. */
export const HIDDEN = 1;
/** An element marked as the author line (rel=author, itemprop=author). */
export const AUTHOR = 2;

const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog', 'banner', 'contentinfo', 'search']);
/** Attributes worth a closer look; one native match rules most elements out at once. */
const TELLING_ATTRIBUTES = '[hidden], [aria-hidden], [style], [role], [itemprop], [rel]';

/**
 * The attribute verdict on an element: HIDDEN (hidden, aria-hidden, display:none, a
 * furniture role), AUTHOR (rel or itemprop author) or 0.
 */
export function attributeVerdict(element: Element): number {
  if (!element.matches(TELLING_ATTRIBUTES)) return 0;
  if (element.hasAttribute('hidden')) return HIDDEN;
  // Wikimedia's maths fallback images are aria-hidden yet visible; Readability keeps them too.
  if (element.getAttribute('aria-hidden') === 'true' && !(element.getAttribute('class') ?? '').includes('fallback-image')) return HIDDEN;
  const style = element.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return HIDDEN;
  const role = element.getAttribute('role');
  if (role && UNLIKELY_ROLES.has(role.toLowerCase())) return HIDDEN;
  if (element.getAttribute('rel') === 'author' || (element.getAttribute('itemprop') ?? '').includes('author')) return AUTHOR;
  return 0;
}

/** Iframes, objects and embeds of video hosts count as content, not as suspicious embeds. */
export const VIDEO_HOSTS = /\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)/i;
