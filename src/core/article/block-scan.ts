import { AUTHOR, BLOCK_TAGS, BYLINE_WORD, CONTENT_WORD, DELETED_TAGS, HIDDEN, PHRASING_TAGS, SHARE_WORD, SKIPPED_TAGS, UNLIKELY_WORD, VIDEO_HOSTS, attributeVerdict, classWeight, wordFlags } from './clutter';
import { addChild, newFrame, type Frame } from './frame';
import { settleFrame } from './clean';
import { runToEnd } from '../steps';

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

/** Nodes visited between two pauses of `scanBodySteps` (a pause costs one generator yield). */
const NODES_PER_STEP = 256;

/** Where the walk stands inside one parent: the next child to visit and what the parent's visit left to do. */
interface Cursor {
  next: ChildNode | null;
  frame: Frame;
  link: number;
  direct: boolean;
  depth: number;
  tableDepth: number;
  /** What to do once every child is visited: settle a block frame, or take back a short removable inline. */
  exit: BlockExit | InlineExit | null;
}
interface BlockExit {
  kind: 'block';
  element: Element;
  parent: Frame;
  direct: boolean;
  byline: boolean;
}
interface InlineExit {
  kind: 'inline';
  element: Element;
  byline: boolean;
  children: number;
  before: Pick<Frame, 'ownText' | 'ownLinks' | 'ownCommas' | 'runText' | 'runCommas' | 'label'>;
}

/**
 * Walks the live body once, depth first, reading only tag names, a few attributes and text.
 * Inline elements fold into the block around them; every other element gets a Frame whose
 * statistics are summed on the way back up, so no subtree is ever read twice.
 */
export function scanBody(body: Element, options: ScanOptions): Scan {
  return runToEnd(scanBodySteps(body, options));
}

/**
 * The walk of `scanBody`, pausing (yielding) every few hundred nodes so a caller can spread a huge
 * page over many short tasks. The walk keeps its own stack rather than recursing, so it can stop
 * anywhere; run to its end it gives exactly `scanBody`'s result.
 */
export function* scanBodySteps(body: Element, options: ScanOptions): Generator<void, Scan> {
  const frames: Frame[] = [];
  const excluded = new Set<Element>();
  const root = newFrame(body, 'body', null, body.getAttribute('class') ?? '', 0, 0, false);
  frames.push(root);
  const stack: Cursor[] = [{ next: body.firstChild, frame: root, link: 0, direct: true, depth: 0, tableDepth: -100, exit: null }];
  let visited = 0;

  while (stack.length > 0) {
    const cursor = stack[stack.length - 1] as Cursor;
    const node = cursor.next;
    if (!node) {
      stack.pop();
      if (cursor.exit) leave(cursor, cursor.exit);
      continue;
    }
    cursor.next = node.nextSibling;
    if (++visited % NODES_PER_STEP === 0) yield;
    const type = node.nodeType;
    if (type === 3) addText(cursor.frame, (node as Text).data, cursor.link);
    else if (type === 1) visitElement(node as Element, cursor);
  }

  /** Visits an element: leaves and dropped ones at once, others by pushing a cursor over their children. */
  function visitElement(element: Element, at: Cursor): void {
    const { frame, link, direct, depth, tableDepth } = at;
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
      // An inline byline or share label is measured, then taken back out when short (see leave).
      const removable = byline || (flags & SHARE_WORD) !== 0;
      const exit: InlineExit | null = removable ? { kind: 'inline', element, byline, children: frame.children.length, before: { ownText: frame.ownText, ownLinks: frame.ownLinks, ownCommas: frame.ownCommas, runText: frame.runText, runCommas: frame.runCommas, label: frame.label } } : null;
      stack.push({ next: element.firstChild, frame, link: inner, direct: false, depth: depth + 1, tableDepth: nearTable, exit });
      return;
    }
    // A block inside the frame ends the paragraph its inline text was forming.
    closeRun(frame);
    const weight = options.weightClasses ? classWeight(classFlags, idFlags) : 0;
    const child = newFrame(element, tag, frame, className, flags, weight, frame.inFigure || tag === 'figure');
    frames.push(child);
    stack.push({ next: element.firstChild, frame: child, link, direct: true, depth: depth + 1, tableDepth: nearTable, exit: { kind: 'block', element, parent: frame, direct, byline } });
  }

  /** Finishes an element once its children are visited. */
  function leave(cursor: Cursor, exit: BlockExit | InlineExit): void {
    const frame = cursor.frame;
    if (exit.kind === 'inline') {
      const length = frame.ownText - exit.before.ownText;
      if (length > 0 && length < (exit.byline ? 100 : 500) && frame.children.length === exit.children) {
        Object.assign(frame, exit.before);
        excluded.add(exit.element);
      }
      return;
    }
    const { element, parent, direct, byline } = exit;
    closeRun(frame);
    settleFrame(frame, byline, options);
    if (frame.dropped) {
      if (direct) parent.childCount--;
      excluded.add(element);
      return;
    }
    if (BLOCK_TAGS.has(frame.tag) || frame.hasBlock) parent.hasBlock = true;
    parent.children.push(frame);
    addChild(parent, frame, frame.removed);
  }

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
