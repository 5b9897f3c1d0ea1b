/**
 * Markdown export: per page a `## [title](url)` heading, then each claim as a quote with its
 * verdict in bold, the note, the sources as links and the tags. Everything taken from pages or
 * typed by reviewers is escaped, so it reads as the same text in any CommonMark renderer; only
 * http(s) URLs ever become links.
 */

import type { Annotation, PageRecord } from '../model/annotation';
import { isHttpUrl } from '../model/records';
import { parseNote, type Inline } from '../text/markdown';
import { claimsOf, VERDICT_LABELS, type ExportOptions } from './library';

/**
 * Escapes punctuation that is markup anywhere: emphasis, code, links, images, HTML, entities,
 * tables, strikethrough. `!` too: text ending in one, followed by a link the export writes (a
 * note's `![x](https://...)`), would otherwise turn the link into an image, a tracking pixel
 * wherever the Markdown is rendered.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~!]/g, '\\$&');
}

/**
 * Escapes what would make a line a heading, quote, list item, rule or setext underline. Leading
 * spaces are dropped: four of them would make the line code.
 */
function escapeLineStart(line: string): string {
  return line.trimStart().replace(/^([#>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Escapes one line of text so that it reads as itself. */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/** Escapes text that may span lines, keeping its line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine).join('\n');
}

/** An http(s) URL as a link destination (parentheses encoded, so it cannot end the link early), or null. */
function linkTarget(url: string): string | null {
  return isHttpUrl(url) ? new URL(url).href.replace(/\(/g, '%28').replace(/\)/g, '%29') : null;
}

/** `[text](url)` for an http(s) URL; otherwise just the escaped text, never a link. */
export function markdownLink(text: string, url: string): string {
  const label = escapeLine(text.replace(/\s+/g, ' ').trim() || url);
  const target = linkTarget(url);
  return target ? `[${label}](${target})` : label;
}

/** One piece of a note, re-emitted as the same safe Markdown subset the UI renders. */
function inline(piece: Inline): string {
  switch (piece.kind) {
    case 'text':
      return escapeInline(piece.text);
    case 'strong':
      return `**${escapeInline(piece.text)}**`;
    case 'em':
      return `*${escapeInline(piece.text)}*`;
    case 'code':
      // Nothing inside a code span is markup (not even a backslash), and it holds no backtick.
      return `\`${piece.text}\``;
    case 'link':
      return markdownLink(piece.text, piece.href);
    case 'break':
      return '  \n';
  }
}

/** A note (itself a small Markdown subset, see core/text/markdown.ts) with its formatting kept and everything else escaped. */
export function noteMarkdown(note: string): string {
  return parseNote(note)
    .map((paragraph) => paragraph.map(inline).join('').split('\n').map(escapeLineStart).join('\n'))
    .join('\n\n');
}

function claimMarkdown(annotation: Annotation): string {
  const parts: string[] = [];
  parts.push(
    annotation.selector.quote.exact
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => (line.trim() ? `> ${escapeLine(line)}` : '>'))
      .join('\n'),
  );
  parts.push(`**${annotation.verdict ? VERDICT_LABELS[annotation.verdict] : 'Unreviewed'}**`);
  if (annotation.note.trim()) parts.push(noteMarkdown(annotation.note));
  if (annotation.sources.length > 0) {
    const items = annotation.sources.map((s) => {
      const publisher = s.publisher ? ` — ${escapeLine(s.publisher.replace(/\s+/g, ' '))}` : '';
      const quote = s.quote ? `: “${escapeLine(s.quote.replace(/\s+/g, ' '))}”` : '';
      return `- ${markdownLink(s.title || s.url, s.url)}${publisher}${quote}`;
    });
    parts.push(`Sources:\n\n${items.join('\n')}`);
  }
  if (annotation.tags.length > 0) parts.push(`Tags: ${annotation.tags.map((t) => escapeLine(t.replace(/\s+/g, ' '))).join(', ')}`);
  return parts.join('\n\n');
}

/** The Markdown export of the library. */
export function exportMarkdown(library: readonly PageRecord[], options: ExportOptions): string {
  const by = [options.creator.name.trim(), options.creator.organisation.trim()].filter((s) => s !== '').join(', ');
  const blocks: string[] = ['# Factmark export', escapeLine(`Exported ${options.now}${by ? ` by ${by}` : ''}.`)];
  let currentKey: string | null = null;
  for (const { page, annotation } of claimsOf(library)) {
    if (page.key !== currentKey) {
      currentKey = page.key;
      blocks.push(`## ${markdownLink(page.title || page.url, page.url)}`);
    }
    blocks.push(claimMarkdown(annotation));
  }
  return `${blocks.join('\n\n')}\n`;
}
