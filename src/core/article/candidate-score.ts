import type { Scan } from './block-scan';
import { linkDensity, upFrame, type Frame } from './frame';

/** The article's containers: the top candidate and the siblings that join it. */
export interface Choice {
  top: Frame;
  containers: Frame[];
}

const WHOLE_PARAGRAPHS = new Set(['p', 'pre', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TOP_CANDIDATES = 5;
const PARAGRAPH_MIN = 25;

const TAG_SCORE: Readonly<Record<string, number>> = {
  div: 5, pre: 3, td: 3, blockquote: 3, address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};

function initialise(frame: Frame, candidates: Frame[]): void {
  if (frame.scored) return;
  frame.scored = true;
  frame.score = (TAG_SCORE[frame.role] ?? 0) + frame.weight;
  candidates.push(frame);
}

/** Gives a paragraph's points to its ancestors: the parent in full, the grandparent half, then less. */
function spread(from: Frame | null, points: number, candidates: Frame[]): void {
  let ancestor = from;
  for (let level = 0; ancestor && level < 5; level++) {
    initialise(ancestor, candidates);
    ancestor.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    ancestor = upFrame(ancestor);
  }
}

/** Frames looked at between two pauses of `chooseContainersSteps` (a 10 MB article has over 20,000). */
const FRAMES_PER_STEP = 1024;

/**
 * Readability's scoring and choice, on frames: every paragraph scores its ancestors, scores
 * are scaled by link density, the best candidate may give way to a parent that gathers the
 * near-best ones, and siblings with enough score (or long, link-poor paragraphs) join it.
 * Resumable (see core/steps.ts): pauses every thousand frames or so.
 */
export function* chooseContainersSteps(scan: Scan): Generator<void, Choice> {
  const candidates: Frame[] = [];
  let looked = 0;
  for (const frame of scan.frames) {
    if (++looked % FRAMES_PER_STEP === 0) yield;
    if (frame.dropped || frame.collapsed || frame === scan.body) continue;
    if (WHOLE_PARAGRAPHS.has(frame.role) && frame.text >= PARAGRAPH_MIN) {
      spread(upFrame(frame), 2 + frame.commas + Math.min(Math.floor(frame.text / 100), 3), candidates);
    }
    // Inline text beside blocks (or split by <br><br>) forms paragraphs of their own inside it.
    if (frame.runScore > 0 && (frame.brSplit || (frame.tag === 'div' && frame.role === 'div'))) spread(frame, frame.runScore, candidates);
  }
  yield;
  for (const candidate of candidates) candidate.score *= 1 - linkDensity(candidate);
  // A stable sort keeps document order among equal scores, as Readability's insertion does.
  const best = [...candidates].sort((a, b) => b.score - a.score).slice(0, TOP_CANDIDATES);
  let top = best[0];
  if (!top || top === scan.body) return { top: scan.body, containers: [scan.body] };
  top = gatherAlternatives(top, best);
  top = climb(top);
  for (let parent = upFrame(top); parent && parent !== scan.body && parent.childCount === 1; parent = upFrame(top)) top = parent;
  if (!top.scored) initialise(top, candidates);
  yield;
  return { top, containers: yield* withSiblings(top) };
}

/** When three near-best candidates share an ancestor, that ancestor holds the article. */
function gatherAlternatives(top: Frame, best: Frame[]): Frame {
  const close = best.slice(1).filter((candidate) => candidate.score / top.score >= 0.75);
  if (close.length < 3) return top;
  for (let parent = upFrame(top); parent && parent.tag !== 'body'; parent = upFrame(parent)) {
    let holding = 0;
    for (const candidate of close) if (isAncestor(parent, candidate)) holding++;
    if (holding >= 3) return parent;
  }
  return top;
}

function isAncestor(ancestor: Frame, frame: Frame): boolean {
  for (let up = upFrame(frame); up; up = upFrame(up)) if (up === ancestor) return true;
  return false;
}

/** A parent scoring higher than the best child (not much lower on the way) is the better pick. */
function climb(top: Frame): Frame {
  let last = top.score;
  const threshold = last / 3;
  for (let parent = upFrame(top); parent && parent.tag !== 'body'; parent = upFrame(parent)) {
    if (!parent.scored) continue;
    if (parent.score < threshold) break;
    if (parent.score > last) return parent;
    last = parent.score;
  }
  return top;
}

function* withSiblings(top: Frame): Generator<void, Frame[]> {
  const parent = upFrame(top);
  if (!parent) return [top];
  const threshold = Math.max(10, top.score * 0.2);
  const containers: Frame[] = [];
  let looked = 0;
  for (const child of parent.children) {
    if (++looked % FRAMES_PER_STEP === 0) yield;
    const sibling = child.collapsed && child.children[0] ? child.children[0] : child;
    if (sibling === top) {
      containers.push(sibling);
      continue;
    }
    const bonus = sibling.className !== '' && sibling.className === top.className ? top.score * 0.2 : 0;
    if (sibling.scored && sibling.score + bonus >= threshold) containers.push(sibling);
    else if (sibling.role === 'p' && isParagraphLike(sibling)) containers.push(sibling);
  }
  return containers;
}

/** Readability's test for a loose paragraph beside the article: long and link-poor, or a short link-free sentence. */
function isParagraphLike(frame: Frame): boolean {
  const density = linkDensity(frame);
  if (frame.text > 80) return density < 0.25;
  if (frame.text === 0 || density > 0) return false;
  const text = (frame.element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return /\.( |$)/.test(text);
}
