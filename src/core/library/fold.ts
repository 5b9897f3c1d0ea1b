/** Text folding for the library search: case, accents and typographic variants ignored. */

/** Letters that Unicode decomposition leaves alone but readers expect to match their base letters. */
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_FOLDS).join('')}]`, 'g');
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^ -~\s]/;

/** Lowercases text and removes accents, so "Café Ünïon" and "cafe union" compare equal. */
export function foldText(text: string): string {
  // Plain ASCII (most of an English page) only needs lowercasing.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (char) => SPECIAL_FOLDS[char] ?? char);
}

/** Punctuation that may cling to a query word ("Russia," or "(2019)") without being meant. */
const EDGE_PUNCTUATION = /^[\s.,;:!?"'()[\]{}<>]+|[\s.,;:!?"'()[\]{}<>]+$/g;

/** The words of a query, folded, without clinging punctuation or repeats, longest first. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const word of foldText(query).split(/\s+/)) {
    const term = word.replace(EDGE_PUNCTUATION, '');
    if (term !== '') terms.add(term);
  }
  // The longest word is usually the most selective: checking it first fails fastest.
  return [...terms].sort((a, b) => b.length - a.length);
}
