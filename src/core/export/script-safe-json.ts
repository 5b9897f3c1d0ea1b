/**
 * JSON for publishing: ClaimReview and W3C JSON-LD are pasted into pages inside
 * `<script type="application/ld+json">`, where a `</script>` in any string (a page title planted
 * by the page's author, a quoted sentence, a note) would end the block and run what follows.
 */

const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON.stringify with `<`, `>`, `&`, U+2028 and U+2029 written as \u003c-style escapes: still
 * valid JSON that parses to the same value, and inert inside an HTML script block (no tag, no
 * comment, no entity) and in older JavaScript parsers (no line terminator inside a string).
 */
export function scriptSafeJson(value: unknown, indent?: number): string {
  // These characters occur only inside JSON strings, never in its syntax, so replacing them in the
  // output text is the same as escaping them in every string.
  return JSON.stringify(value, null, indent).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
