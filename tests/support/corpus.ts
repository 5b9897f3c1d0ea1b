import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the shared corpus of real news pages lives (outside the project; never copied in). */
export const CORPUS_DIR = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'readability');

/** True when the shared corpus is present. */
export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}

/** The names of the corpus pages. */
export function corpusPages(): string[] {
  if (!corpusAvailable()) return [];
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(CORPUS_DIR, entry.name, 'source.html')))
    .map((entry) => entry.name)
    .sort();
}

/** A corpus page's source HTML and expected article HTML. */
export function corpusPage(name: string): { source: string; expected: string } {
  return {
    source: readFileSync(join(CORPUS_DIR, name, 'source.html'), 'utf8'),
    expected: readFileSync(join(CORPUS_DIR, name, 'expected.html'), 'utf8'),
  };
}

/** Text folded for comparison: whitespace collapsed, quotes and dashes unified. */
export function foldText(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim();
}

/** The article-extraction benchmark pages in ../shared (87 pages with hand-made article bodies). */
export const EXTRACTION_DIR = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'article-extraction');

/** True when the article-extraction corpus is present. */
export function extractionAvailable(): boolean {
  return existsSync(join(EXTRACTION_DIR, 'ground-truth.json'));
}

/** The article-extraction pages: id, URL, source HTML and the hand-made article body. */
export function extractionPages(): Array<{ id: string; url: string; html: string; body: string }> {
  if (!extractionAvailable()) return [];
  const truth = JSON.parse(readFileSync(join(EXTRACTION_DIR, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.keys(truth).sort().map((id) => ({ id, url: truth[id]?.url ?? 'http://fakehost/', html: readFileSync(join(EXTRACTION_DIR, 'html', `${id}.html`), 'utf8'), body: truth[id]?.articleBody ?? '' }));
}
