/** The page's own probes, as a script's text (see huge-article.mjs). */
export declare const PROBE: string;
/** About 10 MB of article HTML from the sample article's text, with its paragraph count and size. */
export declare function hugeArticle(sample: string): { html: string; paragraphs: number; bytes: number };
