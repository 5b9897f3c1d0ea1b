/**
 * W3C Web Annotation selectors. Positions index the page's "body text": the concatenated data
 * of every Text node under the article root, in document order, skipping text inside
 * script/style/noscript/template/textarea and elements marked [hidden] or [data-factmark-ui].
 * The same definition is used by the content script and the command line (see core/text/text-index.ts).
 */

/** W3C TextQuoteSelector: the quoted text plus a little context either side. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: [start, end) offsets into the body text. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** Both selectors for one passage. */
export interface PassageSelector {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** How many characters of context a TextQuoteSelector keeps on each side. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Builds the selectors for text[start, end). */
export function selectorFor(text: string, start: number, end: number, exact = text.slice(start, end)): PassageSelector {
  return {
    quote: {
      exact,
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
    position: { start, end },
  };
}
