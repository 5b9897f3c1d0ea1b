// Re-anchoring under page changes (tests/support/anchoring-mutations.ts), bundled for Node by
// bench/run.mjs: on the Readability corpus' reference article bodies (what the unit test runs and
// the rules were tuned on) and on the article bodies Factmark finds in the 87 article-extraction
// pages (never looked at while tuning).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findArticle } from '../src/core/article/find-article';
import { buildTextIndex } from '../src/core/text/text-index';
import { categoryTotals, pageOf, runMutations, type MutationReport, type Page } from '../tests/support/anchoring-mutations';

export { categoryTotals };
export type { MutationReport };

/** Parses HTML into a document (jsdom, passed in by bench/run.mjs, which keeps it out of the bundle). */
export type ParseHtml = (html: string) => Document;

function bodyPage(parse: ParseHtml, name: string, html: string, whole: boolean): Page | null {
  const document = parse(html);
  const root = whole ? document.body : findArticle(document)?.root;
  if (!root) return null;
  const index = buildTextIndex(root);
  return pageOf(name, index.text, index.blockBreaks);
}

/** The mutation report on one corpus folder under ../shared/corpus (with the plain baseline on the same cases), or null when it is missing. */
export function mutationReport(parse: ParseHtml, sharedDir: string, corpus: 'readability' | 'article-extraction'): MutationReport | null {
  const dir = join(sharedDir, 'corpus', corpus);
  if (!existsSync(dir)) return null;
  const pages: Page[] = [];
  if (corpus === 'readability') {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name, 'expected.html');
      const page = existsSync(file) ? bodyPage(parse, name, readFileSync(file, 'utf8'), true) : null;
      if (page) pages.push(page);
    }
  } else {
    for (const file of readdirSync(join(dir, 'html')).sort()) {
      const page = bodyPage(parse, file.slice(0, 12), readFileSync(join(dir, 'html', file), 'utf8'), false);
      if (page && page.quotes.length > 0) pages.push(page);
    }
  }
  return runMutations(pages, true);
}
