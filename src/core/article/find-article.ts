import { collectArticleText, holderOf, lowestCommonAncestor } from './article-text';
import { BlockKinds, type BlockKind } from './block-kind';
import { scanBodySteps, type ScanOptions } from './block-scan';
import { runToEnd } from '../steps';
import { chooseContainersSteps } from './candidate-score';
import { leadCaptionBlocks } from './lead-figure';
import { articleTitle } from './title';

export { looksLikeArticle } from './readerable';

/** The article body found on a page. */
export interface ArticleBody {
  /** The lowest element holding all of the article's text: selectors index its body text. */
  root: Element;
  /** The article's title as Readability would read it. */
  title: string;
  /** Characters of article text found (prose, before furniture inside it is set aside). */
  textLength: number;
  /** True when a Text node is scanned for claims: the story's prose and its own captions (no headings, credits or clutter). */
  isArticleText(node: Text): boolean;
  /** True when a Text node lies in a caption of the story's own image. */
  isCaption(node: Text): boolean;
  /** The kind of block a Text node of the article lies in, or null when it is not article text at all. */
  kindOf(node: Text): BlockKind | null;
  /** True when a Text node is part of the article body proper: prose and subheadings, no title, captions or clutter. */
  isBodyText(node: Text): boolean;
}

/** The attribute every Factmark highlight carries (the claim or annotation id). */
export const HIGHLIGHT_ATTRIBUTE = 'data-factmark-id';

/** Elements inside the article whose text is not scanned for claims; see README "Article body". */
const NOT_SCANNED = 'h1, h2, h3, h4, h5, h6, nav, aside, footer, form, button, [role="navigation"], [role="complementary"]';
/** Elements inside the article whose text is not part of its body (subheadings are). */
const NOT_BODY = 'figcaption, h1, nav, aside, footer, form, button, [role="navigation"], [role="complementary"]';

/**
 * Readability's sieve: when a pass finds less than ENOUGH characters it retries keeping
 * unlikely-looking blocks, then ignoring class names, then without cleaning, and keeps the
 * longest result.
 */
const SIEVE: readonly ScanOptions[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];
/** Readability's default char threshold: an article shorter than this sends the sieve on. */
const ENOUGH = 500;
/** Less text than this is no article (one short paragraph of a home page or an error page). */
const MINIMUM = 140;

/**
 * Finds the article body on the live page in one pass per sieve step (usually one), with
 * Readability's scoring ideas but no copy of the document: see block-scan.ts for the pass,
 * candidate-score.ts for the choice of containers, article-text.ts for what is kept.
 */
export function findArticle(doc: Document): ArticleBody | null {
  return runToEnd(findArticleSteps(doc));
}

/**
 * `findArticle` as a resumable computation: it pauses (yields) every few hundred nodes of the
 * page walk, so a huge page can be searched in short tasks; run to its end it gives the same body.
 */
export function* findArticleSteps(doc: Document): Generator<void, ArticleBody | null> {
  const body = doc.body;
  if (!body) return null;
  let best: { holders: Set<Element>; length: number; excluded: Set<Element> } | null = null;
  for (const options of SIEVE) {
    const scan = yield* scanBodySteps(body, options);
    yield;
    const choice = yield* chooseContainersSteps(scan);
    yield;
    const text = collectArticleText(choice);
    if (!best || text.length > best.length) best = { ...text, excluded: scan.excluded };
    if (text.length >= ENOUGH) break;
  }
  if (!best || best.length < MINIMUM) return null;
  const bodyRoot = lowestCommonAncestor(best.holders);
  if (!bodyRoot) return null;
  const { holders, excluded } = best;
  // The story's lead picture often sits outside the body's container: its caption joins the scanned text.
  const leadCaptions = leadCaptionBlocks(bodyRoot, excluded);
  for (const block of leadCaptions) holders.add(block);
  const root = leadCaptions.length > 0 ? (lowestCommonAncestor(holders) ?? bodyRoot) : bodyRoot;
  const kinds = new BlockKinds(root, best.length);
  // Text nodes share parents (and every sentence asks about its first and last node), so the
  // answer is kept per parent element and per question.
  const answers = new Map<string, Map<Element, BlockKind | null>>();
  /** The kind of the node's block when it is held article text outside the unwanted elements. */
  const kindOutside = (node: Text, unwanted: string): BlockKind | null => {
    let parent = node.parentElement;
    // Text already wrapped in a highlight belongs to the element around the highlight.
    while (parent?.hasAttribute(HIGHLIGHT_ATTRIBUTE)) parent = parent.parentElement;
    if (!parent) return null;
    let cache = answers.get(unwanted);
    if (!cache) answers.set(unwanted, (cache = new Map()));
    const known = cache.get(parent);
    if (known !== undefined) return known;
    const kind = kindOfParent(parent, unwanted);
    cache.set(parent, kind);
    return kind;
  };
  const kindOfParent = (parent: Element, unwanted: string): BlockKind | null => {
    const holder = holderOf(parent, holders, excluded);
    if (!holder) return null;
    // Only such elements inside the article count: a page wrapped in one <form> (ASP.NET) is still scanned.
    const outside = parent.closest(unwanted);
    if (outside !== null && outside !== root && root.contains(outside)) return null;
    return kinds.kindOf(holder);
  };
  return {
    root,
    title: articleTitle(doc),
    textLength: best.length,
    kindOf: (node: Text) => kindOutside(node, NOT_SCANNED),
    isCaption: (node: Text) => kindOutside(node, NOT_SCANNED) === 'caption',
    isArticleText: (node: Text) => {
      const kind = kindOutside(node, NOT_SCANNED);
      return kind === 'body' || kind === 'caption';
    },
    isBodyText: (node: Text) => kindOutside(node, NOT_BODY) === 'body',
  };
}
