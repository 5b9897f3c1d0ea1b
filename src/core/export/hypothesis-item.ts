/**
 * Reads one annotation of a Hypothesis JSON export (the client's "Export annotations": an
 * object with `annotations`, each in the Hypothesis API shape: `uri`, `text` as Markdown,
 * `tags`, `target: [{source, selector: [RangeSelector, TextPositionSelector, TextQuoteSelector]}]`,
 * `document.title: [...]`, `created`, `updated`).
 */

import type { ItemFields } from './import-item';
import { hasType, isObject, many, type Loose } from './json-input';
import type { Creator } from './library';
import { foreignId } from './w3c-item';

/** True when an object looks like a Hypothesis API annotation rather than a W3C one. */
export function isHypothesisAnnotation(raw: Loose): boolean {
  // W3C annotations must have a type; Hypothesis ones never do, and always have a uri or user.
  return raw.type === undefined && raw['@type'] === undefined && (typeof raw.uri === 'string' || typeof raw.user === 'string');
}

/** The fields of one Hypothesis annotation, or why it cannot be imported. */
export function hypothesisFields(raw: Loose): ItemFields | string {
  if (many(raw.references).length > 0) return 'a reply to another annotation, not an annotation of a passage';
  for (const target of many(raw.target)) {
    if (!isObject(target)) continue;
    const selectors = many(target.selector).filter(isObject);
    const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
    if (!quote) continue;
    const position = selectors.find((s) => hasType(s, 'TextPositionSelector'));
    const source = typeof target.source === 'string' ? target.source : raw.uri;
    // Hypothesis positions count characters of the whole document body, not of the article
    // as Factmark does; the anchorer checks a position against the quote before trusting it.
    return {
      id: foreignId('h', raw.id, [source, quote.exact, position?.start, position?.end]),
      origin: 'user',
      pageUrl: source,
      pageTitle: isObject(raw.document) ? many(raw.document.title).find((t) => typeof t === 'string') : undefined,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position?.start,
      end: position?.end,
      verdict: null,
      note: typeof raw.text === 'string' ? raw.text : '',
      sources: [],
      tags: many(raw.tags),
      created: raw.created,
      modified: raw.updated ?? raw.created,
    };
  }
  return 'no TextQuoteSelector: a page note, or a highlight without a quoted passage';
}

/** The Hypothesis user as a reviewer name: the display name, else the name in `acct:name@authority`. */
export function hypothesisCreator(raw: Loose): Creator | null {
  const display = isObject(raw.user_info) ? raw.user_info.display_name : undefined;
  if (typeof display === 'string' && display.trim()) return { name: display.trim(), organisation: '' };
  const match = typeof raw.user === 'string' ? /^acct:([^@]+)@/.exec(raw.user) : null;
  return match?.[1] ? { name: match[1], organisation: '' } : null;
}
