/**
 * A tiny, safe subset of Markdown for notes: paragraphs, line breaks, **bold**, *emphasis*,
 * `code`, [text](http(s) links) and bare http(s) URLs. It returns data, never HTML, so the UI
 * renders it as elements and page-supplied text can never become markup.
 */

/** One inline piece of a note. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'break' };

/** A note as paragraphs of inline pieces. */
export type Paragraphs = Inline[][];

const INLINE = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])|\n/g;

function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Parses one paragraph's inline markup. */
export function parseInline(text: string): Inline[] {
  const pieces: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) pieces.push({ kind: 'text', text: text.slice(last, at) });
    const [whole, strong, em, code, linkText, linkHref, bare] = match;
    if (strong !== undefined) pieces.push({ kind: 'strong', text: strong });
    else if (em !== undefined) pieces.push({ kind: 'em', text: em });
    else if (code !== undefined) pieces.push({ kind: 'code', text: code });
    else if (linkText !== undefined && linkHref !== undefined) {
      const href = safeHref(linkHref);
      pieces.push(href ? { kind: 'link', text: linkText, href } : { kind: 'text', text: whole });
    } else if (bare !== undefined) {
      const href = safeHref(bare);
      pieces.push(href ? { kind: 'link', text: bare, href } : { kind: 'text', text: bare });
    } else pieces.push({ kind: 'break' });
    last = at + whole.length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Parses a note into paragraphs (separated by blank lines). */
export function parseNote(note: string): Paragraphs {
  return note
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map(parseInline);
}
