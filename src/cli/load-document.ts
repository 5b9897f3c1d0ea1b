import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { UsageError } from './errors';

/** Reads a file as UTF-8 text, with a clear message when it cannot be read. */
export function readText(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`${path}: no such file`);
  }
  if (size > 50 * 1024 * 1024) throw new UsageError(`${path}: file is larger than 50 MB`);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A plain-text article as HTML: the first line is the title, blank lines separate paragraphs. */
export function textToHtml(text: string): string {
  const [title = '', ...rest] = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const paragraphs = rest.map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title.trim())}</title></head><body><article><h1>${escapeHtml(title.trim())}</h1>${paragraphs}</article></body></html>`;
}

/** Loads an .html or .txt file as a DOM document (scripts never run). */
export function loadDocument(path: string): { document: Document; url: string } {
  const text = readText(path);
  const url = pathToFileURL(path).toString();
  const isText = extname(path).toLowerCase() === '.txt';
  if (!isText && !/<(html|body|p|div|article|main|head)[\s>]/i.test(text)) throw new UsageError(`${path}: not an HTML document (expected .html with markup, or a .txt file)`);
  const html = isText ? textToHtml(text) : text;
  const dom = new JSDOM(html, { url, contentType: 'text/html' });
  return { document: dom.window.document, url };
}
