import { shortHash } from '../core/hash';
import { selectorFor, type PassageSelector } from '../core/model/selectors';
import { buildTextIndex, offsetOf } from '../core/text/text-index';

/** The body-text selector of the current selection inside `root`, or an error for the reader. */
export function selectionSelector(root: Element): PassageSelector | string {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return 'Select some text in the article first.';
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return 'Select text inside the article: Factmark annotates the article body.';
  // A fresh index: highlights split text nodes, and the selection may span links, emphasis or paragraphs.
  const index = buildTextIndex(root);
  const start = offsetOf(index, range.startContainer, range.startOffset);
  const end = offsetOf(index, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return 'Factmark cannot use this selection (it is outside the article text).';
  let from = start;
  let to = end;
  while (from < to && /\s/.test(index.text[from] ?? '')) from++;
  while (to > from && /\s/.test(index.text[to - 1] ?? '')) to--;
  if (to - from < 3) return 'Select a longer passage (a sentence or a clause).';
  return selectorFor(index.text, from, to);
}

/** The id of a claim the reader added: stable for the same passage at the same place. */
export function userClaimId(selector: PassageSelector): string {
  return `u${shortHash(`${selector.quote.exact}\u0000${selector.position.start}`)}`;
}
