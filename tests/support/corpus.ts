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
