import { AUTHOR, BLOCK_TAGS, BYLINE_WORD, CONTENT_WORD, DELETED_TAGS, HIDDEN, PHRASING_TAGS, SHARE_WORD, SKIPPED_TAGS, UNLIKELY_WORD, VIDEO_HOSTS, attributeVerdict, classWeight, wordFlags } from './clutter';
import { addChild, newFrame, type Frame } from './frame';
import { settleFrame } from './clean';

/** Which of Readability's sieve steps are on (it retries with fewer when it finds too little). */
export interface ScanOptions {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

/** The result of one pass over the page: its block frames and what was left out. */
export interface Scan {
  body: Frame;
  /** Every frame, in document order (dropped ones included, flagged). */
  frames: Frame[];
  /** Elements left out with their subtree (hidden, furniture, bylines, widgets). */
  excluded: Set<Element>;
}

const PARAGRAPH_MIN = 25;
/** Deeper than this is no article markup but a pathological page; the walk stops to spare the stack. */
const MAX_DEPTH = 400;

/**
 * Walks the live body once, depth first, reading only tag names, a few attributes and text.
 * Inline elements fold into the block around them; every other element gets a Frame whose
 * statistics are summed on the way back up, so no subtree is ever read twice.
 */
export function scanBody(body: Element, options: ScanOptions): Scan {
  const frames: Frame[] = [];
  const excluded = new Set<Element>();
  const root = newFrame(body, 'body', null, body.getAttribute('class') ?? '', 0, 0, false);
  frames.push(root);

  function visitChildren(parent: Element, frame: Frame, link: number, direct: boolean, depth: number, tableDepth: number): void {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      const type = node.nodeType;
      if (type === 3) addText(frame, (node as Text).data, link);
      else if (type === 1) visitElement(node as Element, frame, link, direct, depth, tableDepth);
    }
  }

  function visitElement(element: Element, frame: Frame, link: number, direct: boolean, depth: number, tableDepth: number): void {
    const tag = element.localName;
    if (SKIPPED_TAGS.has(tag) || depth > MAX_DEPTH) {
      if (DELETED_TAGS.has(tag)) return;
      if (direct) frame.childCount++;
      if (tag === 'input') frame.clean.inputs++;
      else if (tag === 'iframe' || tag === 'object' || tag === 'embed') countEmbed(frame, element);
      else excluded.add(element);
      return;
    }
    if (direct) frame.childCount++;
    if (tag === 'br') {
      frame.brRun++;
      return;
    }
    if (tag === 'hr') {
      closeRun(frame);
      return;
    }
    if (tag === 'img' || tag === 'picture') {
      frame.clean.images++;
      frame.hasBlock = true;
      return;
    }
    const verdict = attributeVerdict(element);
    // The reflected properties are Blink's and jsdom's fast paths for these two attributes.
    const classValue: unknown = element.className;
    const className = typeof classValue === 'string' ? classValue : '';
    const id = element.id;
    const classFlags = className ? wordFlags(className) : 0;
    const idFlags = id ? wordFlags(id) : 0;
    const flags = classFlags | idFlags;
    // Readability spares whatever sits close inside a table or code from the class test.
    if (verdict === HIDDEN || (options.stripUnlikely && flags & UNLIKELY_WORD && !(flags & CONTENT_WORD) && tag !== 'a' && depth - tableDepth > 4)) {
      if (direct) frame.childCount--;
      excluded.add(element);
      return;
    }
    const nearTable = tag === 'table' || tag === 'code' ? depth : tableDepth;
    const byline = verdict === AUTHOR || (flags & BYLINE_WORD) !== 0;
    if (PHRASING_TAGS.has(tag)) {
      const inner = tag === 'a' ? linkWeight(element) : link;
      if (!byline && !(flags & SHARE_WORD)) visitChildren(element, frame, inner, false, depth + 1, nearTable);
      else visitRemovableInline(element, frame, inner, byline, depth, nearTable);
      return;
    }
    // A block inside the frame ends the paragraph its inline text was forming.
    closeRun(frame);
    const weight = options.weightClasses ? classWeight(classFlags, idFlags) : 0;
    const child = newFrame(element, tag, frame, className, flags, weight, frame.inFigure || tag === 'figure');
    frames.push(child);
    visitChildren(element, child, link, true, depth + 1, nearTable);
    closeRun(child);
    settleFrame(child, byline, options);
    if (child.dropped) {
      if (direct) frame.childCount--;
      excluded.add(element);
      return;
    }
    if (BLOCK_TAGS.has(tag) || child.hasBlock) frame.hasBlock = true;
    frame.children.push(child);
    addChild(frame, child, child.removed);
  }

  /** An inline byline or share label: measured, then taken back out when short. */
  function visitRemovableInline(element: Element, frame: Frame, link: number, byline: boolean, depth: number, tableDepth: number): void {
    const before = { ownText: frame.ownText, ownLinks: frame.ownLinks, ownCommas: frame.ownCommas, runText: frame.runText, runCommas: frame.runCommas, label: frame.label };
    const children = frame.children.length;
    visitChildren(element, frame, link, false, depth + 1, tableDepth);
    const length = frame.ownText - before.ownText;
    if (length > 0 && length < (byline ? 100 : 500) && frame.children.length === children) {
      Object.assign(frame, before);
      excluded.add(element);
    }
  }

  visitChildren(body, root, 0, true, 0, -100);
  closeRun(root);
  settleFrame(root, false, options);
  root.dropped = false;
  root.removed = false;
  return { body: root, frames, excluded };
}

function addText(frame: Frame, data: string, link: number): void {
  const trimmed = data.trim();
  if (trimmed.length === 0) return;
  // Readability collapses whitespace runs to one space; a trimmed edge stands for that space.
  const length = trimmed.length + (trimmed.length === data.length ? 0 : 1);
  let commas = 0;
  for (let at = trimmed.indexOf(','); at >= 0; at = trimmed.indexOf(',', at + 1)) commas++;
  // Readability turns <br><br> into a paragraph break.
  if (frame.brRun >= 2 && frame.runText > 0) {
    closeRun(frame);
    frame.brSplit = true;
  }
  frame.brRun = 0;
  // The first piece of text is kept (a reference, not a copy) to recognise "Advertisement" labels.
  frame.label = frame.ownText === 0 ? trimmed : '';
  frame.ownText += length;
  frame.runText += length;
  frame.runCommas += commas;
  frame.ownCommas += commas;
  if (link > 0) frame.ownLinks += length * link;
}

/** Ends the paragraph the frame's inline text was forming and scores it as Readability would. */
function closeRun(frame: Frame): void {
  frame.brRun = 0;
  if (frame.runText === 0) return;
  frame.runCount++;
  if (frame.runText >= PARAGRAPH_MIN) frame.runScore += 2 + frame.runCommas + Math.min(Math.floor(frame.runText / 100), 3);
  frame.runText = 0;
  frame.runCommas = 0;
}

function countEmbed(frame: Frame, element: Element): void {
  const source = element.getAttribute('src') ?? element.getAttribute('data') ?? '';
  if (VIDEO_HOSTS.test(source)) frame.clean.videos++;
  else frame.clean.embeds++;
}

/** Link text counts in full, except in-page anchors (footnotes, tables of contents) at 0.3. */
function linkWeight(anchor: Element): number {
  const href = anchor.getAttribute('href');
  return href && href.length > 1 && href.startsWith('#') ? 0.3 : 1;
}
