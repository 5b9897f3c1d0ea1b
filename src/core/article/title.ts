const SEPARATOR = / [|\-\\/>»] /;
const HIERARCHICAL = / [\\/>»] /;

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

/**
 * The article's title as Readability reads it from <title>: the site name after a separator
 * or before a colon is dropped, unless that leaves too few words to be a headline.
 */
export function articleTitle(doc: Document): string {
  const original = (doc.title ?? '').trim();
  let title = original;
  let hierarchical = false;
  if (SEPARATOR.test(title)) {
    hierarchical = HIERARCHICAL.test(title);
    const separators = [...original.matchAll(/ [|\-\\/>»] /g)];
    title = original.slice(0, separators[separators.length - 1]?.index ?? original.length);
    if (wordCount(title) < 3) title = original.replace(/^[^|\-\\/>»]*[|\-\\/>»]/, '');
  } else if (title.includes(': ')) {
    const headings = doc.querySelectorAll('h1, h2');
    const matched = [...headings].some((heading) => (heading.textContent ?? '').trim() === title);
    if (!matched) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (title.length > 150 || title.length < 15) {
    const h1s = doc.getElementsByTagName('h1');
    if (h1s.length === 1) title = (h1s[0]?.textContent ?? '').trim();
  }
  title = title.trim().replace(/\s{2,}/g, ' ');
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(/[|\-\\/>»]+/g, '')) - 1)) title = original;
  return title;
}
