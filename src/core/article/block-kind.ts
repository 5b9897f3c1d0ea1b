/**
 * What a text block inside the article is: story prose, a caption of the story's own image, a
 * credit line, or page furniture that sits inside the article container (dates, bylines, author
 * bios, share and "related" widgets, teasers, galleries). Decided from class/id words, a few tags
 * and the block's own short text, never from layout, so the extension and the command line agree.
 * The rules are generic news-page conventions judged on whole corpora, not fitted to any page.
 */

/** The kind of one text block of the article. */
export type BlockKind = 'body' | 'caption' | 'credit' | 'chrome';

/** Class/id words of page furniture that can sit inside an article container. */
const CHROME_WORDS = new Set([
  'date', 'dates', 'time', 'timestamp', 'dateline', 'byline', 'bylines', 'author', 'authors', 'meta', 'metadata',
  'published', 'updated', 'posted', 'postinfo', 'submitted', 'pubdate', 'bio', 'biography', 'contributor', 'profile',
  'related', 'recommended', 'recommendations', 'readmore', 'trending', 'popular', 'newsletter', 'subscribe', 'subscription',
  'promo', 'callout', 'linkback', 'teaser', 'teasers', 'outbrain', 'taboola', 'share', 'sharing', 'social', 'tags', 'tag',
  'taglist', 'disclosure', 'comments', 'comment', 'pagination', 'breadcrumb', 'breadcrumbs', 'sidebar', 'widget', 'ad',
  'ads', 'advert', 'advertisement', 'sponsored', 'gallery', 'slideshow', 'carousel', 'slider', 'toolbar', 'signup',
]);
const CAPTION_WORDS = new Set(['caption', 'captions', 'figcaption', 'cutline', 'legend', 'wp-caption']);
const CREDIT_WORDS = new Set(['credit', 'credits', 'copyright', 'photographer', 'attribution', 'courtesy']);

/** A whole line that only credits a picture: "Photo: Getty Images", "AFP PHOTO / ...", "(Image: GETTY)", "© X". */
export const CREDIT_LINE = /^[([]?\s*(?:(?:photo|image|picture|foto|video|graphic|illustration|pictured)s?(?: credit| courtesy| by)?\s*[:|/©]|(?:photo(?:graph)?|picture)s? by \S|©|(?:image|photo)?\s*copyright\b|(?:AFP|AP|EPA|Reuters|Getty)\s+PHOTOS?\s*\/|(?:AFP|AP|EPA|Reuters|Getty Images|Shutterstock|iStock|Bloomberg|Xinhua)(?: PHOTO)?\s*(?:\/|[)\]]?$)|photo credit should read)/i;

/** Where a credit starts inside a caption sentence ("… in 2006. Credit: X/AFP", "… (Image: GETTY)", "… | photo by X"). */
const CREDIT_IN_CAPTION = /\s*(?:\b(?:photo|image|picture|foto)s?(?: credit| courtesy)?\s*:|\bcredit\s*:|\b(?:photo(?:graph)?|picture)s? by \S|[([]\s*(?:photo|image|picture)s?\b[^)\]]*[)\]]|\b(?:AFP|AP|EPA|Reuters|Getty)\s+PHOTOS?\b|[([]\s*(?:AP|AFP|Reuters|EPA|Getty Images)(?: Photo)?\b[^)\]]*[)\]]|\|\s*photo\b|\bphoto credit should read|©)/iu;

/** The offset where a credit begins in a caption's sentence, or the sentence's length when it has none. */
export function creditStart(sentence: string): number {
  const match = CREDIT_IN_CAPTION.exec(sentence);
  return match ? match.index : sentence.length;
}

/** A short block that only labels or links: "Related: …", "READ MORE: …", "Advertisement", "Comments". */
const CHROME_LINE = /^(?:related(?: articles?| stories| links| coverage| content)?|read (?:more|next|also)|see (?:more|also)|more (?:from|on|stories|news)|also(?: read| see)?|don'?t miss|must read|recommended(?: for you)?|watch(?: now)?|listen(?: now)?|advert(?:isement)?|sponsored(?: content)?|comments?|share(?: this)?|skip to content|continue reading(?: below)?|click here|tap here|sign up|subscribe|follow (?:us|\S+(?: \S+)? on)|get the latest|image copyright|enlarge(?: image)?|filed under|tags?|topics?|trending(?: now)?|top video|most (?:read|popular))\b\s*(?:[:|»›>-]|$)/i;

const MONTHS = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/gi;
const DATE_WORDS = /\b(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)(?:day|nesday|sday|urday)?\b|\b(?:updated|published|posted|modified|last|on|at|by|am|pm|a\.m\.|p\.m\.|edt|est|cst|cdt|pst|pdt|gmt|utc|bst|cet|ist|et|pt|ago|hours?|minutes?|days?|today|yesterday)\b/gi;
const HAS_DATE = /\b\d{1,2}[:.]\d{2}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d{2}\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}\b|\b\d+ (?:hours?|minutes?|days?) ago\b/i;

const SHORT_BLOCK = 200;

/** The text under an element, or null as soon as it grows past `limit` characters (big blocks are never read whole). */
function boundedText(element: Element, limit: number): string | null {
  const walker = element.ownerDocument.createTreeWalker(element, 0x4);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text += (node as Text).data;
    if (text.length > limit) return null;
  }
  return text;
}

/** Class and id split into lower-case words at spaces, dashes, underscores and camelCase humps. */
function wordsOf(element: Element): string[] {
  const raw = `${element.getAttribute('class') ?? ''} ${element.id}`;
  if (raw.trim() === '') return [];
  return raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/).filter((word) => word !== '');
}

/** True when the short text is only a date, a time or a "By X" line (with its usual small words). */
export function isDateOrBylineLine(text: string): boolean {
  if (text.length > 160) return false;
  if (/^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*(?:[,|/–—-]|$)/u.test(text) && !/[.!?]["”’]?\s+\p{Lu}/u.test(text)) return true;
  if (!HAS_DATE.test(text)) return false;
  const rest = text.replace(MONTHS, ' ').replace(DATE_WORDS, ' ').replace(/[\d\s:.,/|–—()-]+/g, ' ').trim();
  const letters = rest.replace(/[^\p{L}]/gu, '').length;
  return letters <= Math.max(12, text.replace(/[^\p{L}]/gu, '').length * 0.35);
}

/** Lines that credit the reporting rather than say anything: "(Reporting by …)", "X contributed to this report." */
const REPORTING_CREDIT = /^\(?(?:additional )?(?:reporting|writing|editing) by\b|\bcontributed (?:reporting )?to this (?:report|story|article)\b/i;

/** True when a short block or sentence is a label, a "Related:" link line, a date or byline, or a reporting credit. */
export function isChromeLine(text: string): boolean {
  return text.length <= SHORT_BLOCK && (CHROME_LINE.test(text) || isDateOrBylineLine(text) || REPORTING_CREDIT.test(text));
}

/**
 * Classifies the text blocks of an article. Kinds are cached per block and per container, so a
 * page costs one walk up from each block, stopping at the article root.
 */
export class BlockKinds {
  private readonly kinds = new Map<Element, BlockKind>();
  private readonly ancestorKinds = new Map<Element, BlockKind | null>();

  constructor(private readonly root: Element, private readonly articleLength: number) {}

  /** The kind of the block (a text holder) inside the article root. */
  kindOf(block: Element): BlockKind {
    let kind = this.kinds.get(block);
    if (kind === undefined) {
      kind = this.classify(block);
      this.kinds.set(block, kind);
    }
    return kind;
  }

  private classify(block: Element): BlockKind {
    let inherited: BlockKind | null = null;
    for (let element: Element | null = block; element && element !== this.root; element = element.parentElement) {
      const kind = this.containerKind(element);
      // The nearest telling container decides; chrome above a caption still wins (a gallery's captions).
      if (kind === 'chrome') return 'chrome';
      inherited ??= kind;
    }
    // Only short blocks can be credit or label lines: long ones are never read in full.
    const raw = boundedText(block, SHORT_BLOCK * 2);
    const text = raw === null ? null : raw.replace(/\s+/g, ' ').trim();
    if (text !== null && text.length <= SHORT_BLOCK && CREDIT_LINE.test(text)) return 'credit';
    if (inherited) return inherited;
    return text !== null && isChromeLine(text) ? 'chrome' : 'body';
  }

  /** What a container's tag and class/id words make of everything inside it (null: nothing). */
  private containerKind(element: Element): BlockKind | null {
    const cached = this.ancestorKinds.get(element);
    if (cached !== undefined) return cached;
    let kind: BlockKind | null = null;
    const tag = element.localName;
    if (tag === 'figcaption') kind = 'caption';
    else if (tag === 'header' || tag === 'address') kind = 'chrome';
    else if ((tag === 'ul' || tag === 'ol') && this.isLinkList(element)) kind = 'chrome';
    const words = wordsOf(element);
    if (words.some((word) => CREDIT_WORDS.has(word))) kind = 'credit';
    else if (kind === null && words.some((word) => CAPTION_WORDS.has(word))) kind = 'caption';
    else if (kind === null && words.some((word) => CHROME_WORDS.has(word))) {
      // A container named after furniture that holds much of the article is the article itself.
      if (boundedText(element, Math.max(1200, this.articleLength * 0.3)) !== null) kind = 'chrome';
    }
    this.ancestorKinds.set(element, kind);
    return kind;
  }

  /** A list of links (more stories, tags): most of its text is link text and it is short beside the article. */
  private isLinkList(list: Element): boolean {
    const raw = boundedText(list, Math.max(1200, this.articleLength * 0.3));
    const length = raw === null ? 0 : raw.replace(/\s+/g, ' ').trim().length;
    if (length === 0) return false;
    let links = 0;
    for (const anchor of list.querySelectorAll('a')) links += (anchor.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    return links / length > 0.6;
  }
}
