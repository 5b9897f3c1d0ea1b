import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { blockText } from '../core/article/body-text';
import { findArticle } from '../core/article/find-article';
import { corpusScore, harmonicF1, matchShingles, pagePrecision, pageRecall, type CorpusScore, type ShingleMatch } from '../core/article/shingle-score';
import { UsageError } from './errors';
import { readText } from './load-document';

/** One page of a corpus: its HTML, the reference body text and the URL to parse it under. */
interface CorpusPage {
  id: string;
  url: string;
  html: () => string;
  reference: () => string;
}

/** One page's figures for both extractors. */
export interface PageResult {
  id: string;
  url: string;
  f1: number;
  precision: number;
  recall: number;
  readability: { f1: number; precision: number; recall: number } | null;
}

/** What `factmark eval-article DIR --json` prints. */
export interface ArticleEvaluation {
  corpus: string;
  layout: 'ground-truth' | 'expected-html';
  pages: number;
  factmark: CorpusScore;
  readability: CorpusScore | null;
  worst: PageResult[];
  perPage: PageResult[];
}

const quiet = new VirtualConsole();
const FAKE_URL = 'http://fakehost/test/page.html';

/** The pages of a corpus folder in either layout: html/<id>.html + ground-truth.json, or <name>/source.html + expected.html. */
export function corpusPages(dir: string): { layout: ArticleEvaluation['layout']; pages: CorpusPage[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such folder`);
  const truthPath = join(dir, 'ground-truth.json');
  if (existsSync(truthPath)) {
    let truth: Record<string, { articleBody?: unknown; url?: unknown }>;
    try {
      truth = JSON.parse(readText(truthPath)) as typeof truth;
    } catch (error) {
      throw new UsageError(`${truthPath}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const pages = Object.keys(truth).sort().filter((id) => existsSync(join(dir, 'html', `${id}.html`))).map((id) => ({
      id,
      url: typeof truth[id]?.url === 'string' ? (truth[id]?.url as string) : FAKE_URL,
      html: () => readText(join(dir, 'html', `${id}.html`)),
      reference: () => String(truth[id]?.articleBody ?? ''),
    }));
    if (pages.length === 0) throw new UsageError(`${dir}: ground-truth.json names no page found under html/`);
    return { layout: 'ground-truth', pages };
  }
  const names = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'source.html')) && existsSync(join(dir, name, 'expected.html'))).sort();
  if (names.length === 0) throw new UsageError(`${dir}: neither ground-truth.json with html/ nor <name>/source.html with expected.html`);
  const pages = names.map((name) => ({
    id: name,
    url: FAKE_URL,
    html: () => readText(join(dir, name, 'source.html')),
    reference: () => {
      const body = new JSDOM(readText(join(dir, name, 'expected.html')), { virtualConsole: quiet }).window.document.body;
      return blockText(body);
    },
  }));
  return { layout: 'expected-html', pages };
}

/** Factmark's article body text on a page, as the extension finds it (empty when it finds none). */
export function factmarkBody(html: string, url: string): string {
  const doc = new JSDOM(html, { url, virtualConsole: quiet }).window.document;
  const article = findArticle(doc);
  return article ? blockText(article.root, article.isBodyText) : '';
}

/** Readability.js parse() on its own parse of the page, its content read block by block like Factmark's. */
export function readabilityBody(html: string, url: string): string {
  const doc = new JSDOM(html, { url, virtualConsole: quiet }).window.document;
  const parsed = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  const content = parsed?.content;
  return content && content.nodeType === 1 ? blockText(content as Element) : '';
}

function figures(match: ShingleMatch): { f1: number; precision: number; recall: number } {
  const precision = pagePrecision(match);
  const recall = pageRecall(match);
  return { f1: harmonicF1(precision, recall), precision, recall };
}

/** Scores Factmark (and Readability.js unless `baseline` is false) on every page of a corpus folder. */
export function evaluateArticles(dir: string, options: { baseline: boolean; worst: number }): ArticleEvaluation {
  const { layout, pages } = corpusPages(dir);
  const ours: ShingleMatch[] = [];
  const theirs: ShingleMatch[] = [];
  const perPage: PageResult[] = [];
  for (const page of pages) {
    const html = page.html();
    const reference = page.reference();
    const match = matchShingles(reference, factmarkBody(html, page.url));
    ours.push(match);
    let baseline: PageResult['readability'] = null;
    if (options.baseline) {
      const other = matchShingles(reference, readabilityBody(html, page.url));
      theirs.push(other);
      baseline = figures(other);
    }
    perPage.push({ id: page.id, url: page.url, ...figures(match), readability: baseline });
  }
  const worst = [...perPage].sort((a, b) => a.f1 - b.f1).slice(0, options.worst);
  return { corpus: dir, layout, pages: pages.length, factmark: corpusScore(ours), readability: options.baseline ? corpusScore(theirs) : null, worst, perPage };
}

const f3 = (value: number): string => value.toFixed(3);

/** The human-readable form: both extractors side by side, then the worst pages. */
export function formatArticleEvaluation(result: ArticleEvaluation): string {
  const row = (name: string, score: CorpusScore) => `${name.padEnd(16)} ${f3(score.f1)}  ${f3(score.precision)}  ${f3(score.recall)}`;
  const lines = [`${result.corpus}: ${result.pages} pages (${result.layout})`, '', 'extractor        F1     precision recall', row('Factmark', result.factmark)];
  if (result.readability) lines.push(row('Readability.js', result.readability));
  lines.push('', `worst pages (Factmark F1 / precision / recall${result.readability ? '; Readability.js F1' : ''}):`);
  for (const page of result.worst) lines.push(`  ${f3(page.f1)} ${f3(page.precision)} ${f3(page.recall)}${page.readability ? `  ${f3(page.readability.f1)}` : ''}  ${page.id}${page.url.startsWith('http://fakehost') ? '' : `  ${page.url}`}`);
  return lines.join('\n');
}
