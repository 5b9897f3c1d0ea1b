// The normalised form that the 'normalised' and 'fuzzy' steps search in. Pages are re-rendered,
// re-typeset and re-flowed between visits: whitespace comes and goes (block boundaries carry no
// space in the body text, so even "end.Start" vs "end. Start" happens), editors swap straight and
// curly quotes, hyphens and dashes, "..." and "…". None of that changes what a reviewer quoted, so
// all of it folds away here. Letters, digits and other punctuation are kept one-to-one, which lets
// word offsets be mapped in both directions. Case is kept: a case change is a real (small) edit
// that the fuzzy step pays for.

/** Normalised text plus the offset maps between it and the text it came from. */
export interface NormalisedText {
  text: string;
  /** toOriginal[i] is the original offset of normalised character i; toOriginal[text.length] is the original length. */
  toOriginal: Int32Array;
  /** fromOriginal[j] is the normalised offset of the first normalised character at or after original offset j. */
  fromOriginal: Int32Array;
}

const DROP = -1;
const ELLIPSIS = -2;
const DASH = 0x2d;

/** Folding of the non-ASCII characters that matter; everything else maps to itself. */
const FOLDS = new Map<number, number>();
for (const ch of '\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02') FOLDS.set(ch.charCodeAt(0), 0x22);
for (const ch of '\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u00b4\uff07`') FOLDS.set(ch.charCodeAt(0), 0x27);
for (const ch of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d') FOLDS.set(ch.charCodeAt(0), DASH);
// Zero-width characters and soft hyphens are invisible and come and go with typesetting.
for (const ch of '\u00ad\u200b\u200c\u200d\u2060\ufeff') FOLDS.set(ch.charCodeAt(0), DROP);
// Every Unicode space (what \s matches), including no-break spaces.
for (const ch of '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u0085') FOLDS.set(ch.charCodeAt(0), DROP);
FOLDS.set(0x2026, ELLIPSIS);

/** What one UTF-16 code unit becomes: DROP, ELLIPSIS ("..."), or a code unit. */
function foldCode(code: number, previous: number): number {
  if (code < 0x80) {
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return DROP;
    if (code === 0x60) return 0x27;
    // A run of dashes ("--" typed for an em dash) is one dash.
    return code === DASH && previous === DASH ? DROP : code;
  }
  const folded = FOLDS.get(code) ?? code;
  return folded === DASH && previous === DASH ? DROP : folded;
}

/** The folded form of a code unit that does not map to itself and is not dropped: '...' or one character. */
function replacement(folded: number): string {
  return folded === ELLIPSIS ? '...' : String.fromCharCode(folded);
}

/**
 * Normalises `text`. Most characters map to themselves, so the result is built from slices of
 * unchanged runs; `maps` receives (normalised offset, original offset) pairs when given.
 */
function fold(text: string, maps: { to: Int32Array; from: Int32Array } | null): string {
  const parts: string[] = [];
  const to = maps?.to;
  const from = maps?.from;
  let runStart = 0;
  let length = 0;
  let previous = 0;
  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    const folded = foldCode(code, previous);
    if (from) from[j] = length;
    if (folded === code) {
      if (to) to[length] = j;
      length++;
      previous = code;
      continue;
    }
    if (j > runStart) parts.push(text.slice(runStart, j));
    runStart = j + 1;
    if (folded === DROP) continue;
    const out = replacement(folded);
    parts.push(out);
    for (let k = 0; k < out.length; k++) if (to) to[length + k] = j;
    length += out.length;
    previous = out.charCodeAt(out.length - 1);
  }
  if (text.length > runStart) parts.push(text.slice(runStart));
  if (from) from[text.length] = length;
  if (to) to[length] = text.length;
  return parts.join('');
}

/** Normalises a text and records where every normalised character came from. */
export function normaliseText(text: string): NormalisedText {
  let ellipses = 0;
  for (let at = text.indexOf('\u2026'); at >= 0; at = text.indexOf('\u2026', at + 1)) ellipses++;
  // Each ellipsis grows to three characters; everything else shrinks or stays.
  const maps = { to: new Int32Array(text.length + 2 * ellipses + 1), from: new Int32Array(text.length + 1) };
  const normalised = fold(text, maps);
  return { text: normalised, toOriginal: maps.to.subarray(0, normalised.length + 1), fromOriginal: maps.from };
}

/** The normalised form of a short string (a quote or its context). */
export function normaliseString(text: string): string {
  return fold(text, null);
}

/** The original [start, end) of the normalised span [start, end). */
export function toOriginalSpan(normalised: NormalisedText, start: number, end: number): { start: number; end: number } {
  const from = normalised.toOriginal[start] ?? 0;
  // One past the last normalised character's source, so an expanded "…" maps back to its one character.
  const to = end > start ? (normalised.toOriginal[end - 1] ?? from) + 1 : from;
  return { start: from, end: to };
}
