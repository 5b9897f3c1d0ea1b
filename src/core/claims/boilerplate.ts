/**
 * Page furniture that news articles carry but debate transcripts never do (newsletter and
 * social prompts, photo credits, comment notices). The model never saw such lines, so it cannot
 * learn to reject them; these patterns push them below every threshold instead. They are kept
 * narrow because debate speech ("Listen, ...", "I subscribe to ...") must not match.
 */
const BOILERPLATE: RegExp[] = [
  /^(?:please\s+)?(?:follow (?:us|\S+(?: \S+)? on)|subscribe|sign up|sign in|log in|click|tap here|share this|read more|download|like us|register now|donate)\b/i,
  /\b(?:newsletter|unsubscribe|cookies?|privacy policy|terms of (?:use|service)|all rights reserved|advertisement)\b/i,
  /\b(?:photo|image|video) (?:credit|courtesy)\b|\b(?:AFP|AP|Getty|Reuters) (?:PHOTO|Images)\b/i,
  /\b(?:let us know|leave a comment|commenting|comments section)\b/i,
  /…\s*$/, // a caption or teaser cut off by the page (transcripts use "..." instead)
];

/**
 * A headline or teaser: title-cased words and no closing punctuation. Headlines compress a
 * story into a pitch ("Envoy Suggests 'Expanded' Troop Presence"); the claims worth checking
 * are restated with their details in the body.
 */
export function isHeadline(text: string): boolean {
  if (/[.!?:"”’)]\s*$/.test(text)) return false;
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.7;
}

/** True when the sentence is page furniture (or a headline) rather than article prose. */
export function isBoilerplate(text: string): boolean {
  return isHeadline(text) || BOILERPLATE.some((pattern) => pattern.test(text));
}
