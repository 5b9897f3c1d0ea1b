/** One block element of the page as the article scan sees it, and its text statistics. */
export interface Frame {
  element: Element;
  /** The element's local name (lower case). */
  tag: string;
  /** The tag Readability would give it: a <div> with no blocks inside reads as a paragraph, "p". */
  role: string;
  className: string;
  parent: Frame | null;
  /** Block children still on the page (dropped ones are left out), in document order. */
  children: Frame[];
  /** Readability's class/id weight (±25 per match). */
  weight: number;
  /** Class and id word flags (see clutter.ts). */
  flags: number;
  /** Characters of text directly inside (through inline elements only). */
  ownText: number;
  ownLinks: number;
  ownCommas: number;
  /** The own text when it came in one piece (empty otherwise). */
  label: string;
  /** Readability points of the paragraphs its own text forms (split at child blocks and <br><br>). */
  runScore: number;
  runCount: number;
  runText: number;
  runCommas: number;
  brRun: number;
  brSplit: boolean;
  /** Subtree totals before any cleaning: what candidates are scored on. */
  text: number;
  links: number;
  commas: number;
  /** Subtree totals without cleaned-away descendants: what cleaning judges. */
  clean: CleanStats;
  /** Holds an element that stops a <div> from being a paragraph. */
  hasBlock: boolean;
  /** Element children left after up-front deletions. */
  childCount: number;
  /** A wrapper <div> around a single <p>, which Readability replaces by the <p>. */
  collapsed: boolean;
  /** Removed or not from an article containing it (Readability's conditional cleaning). */
  removed: boolean;
  /** Dropped before scoring (empty block, byline). */
  dropped: boolean;
  dataTable: boolean;
  inFigure: boolean;
  /** Candidate score; `scored` tells whether it was ever initialised. */
  score: number;
  scored: boolean;
}

/** Text statistics of a subtree once cleaned-away descendants are left out. */
export interface CleanStats {
  text: number;
  links: number;
  commas: number;
  paragraphs: number;
  images: number;
  inputs: number;
  embeds: number;
  videos: number;
  headingText: number;
  listText: number;
  dataTables: number;
  rows: number;
  cells: number;
  headerCells: number;
  nestedTables: number;
}

/** Empty statistics. */
export function emptyStats(): CleanStats {
  return { text: 0, links: 0, commas: 0, paragraphs: 0, images: 0, inputs: 0, embeds: 0, videos: 0, headingText: 0, listText: 0, dataTables: 0, rows: 0, cells: 0, headerCells: 0, nestedTables: 0 };
}

/** A new frame for an element. */
export function newFrame(element: Element, tag: string, parent: Frame | null, className: string, flags: number, weight: number, inFigure: boolean): Frame {
  return {
    element, tag, role: tag, className, parent, children: [], weight, flags,
    ownText: 0, ownLinks: 0, ownCommas: 0, label: '', runScore: 0, runCount: 0, runText: 0, runCommas: 0, brRun: 0, brSplit: false,
    text: 0, links: 0, commas: 0, clean: emptyStats(), hasBlock: false, childCount: 0,
    collapsed: false, removed: false, dropped: false, dataTable: false, inFigure, score: 0, scored: false,
  };
}

/** Adds a child's statistics into its parent's: raw always, cleaned unless the child is cleaned away. */
export function addChild(parent: Frame, child: Frame, cleanedAway: boolean): void {
  parent.text += child.text;
  parent.links += child.links;
  parent.commas += child.commas;
  if (cleanedAway) return;
  const to = parent.clean;
  const from = child.clean;
  to.text += from.text;
  to.links += from.links;
  to.commas += from.commas;
  to.paragraphs += from.paragraphs;
  to.images += from.images;
  to.inputs += from.inputs;
  to.embeds += from.embeds;
  to.videos += from.videos;
  to.headingText += from.headingText;
  to.listText += from.listText;
  to.dataTables += from.dataTables;
  to.rows += from.rows;
  to.cells += from.cells;
  to.headerCells += from.headerCells;
  to.nestedTables += from.nestedTables;
}

/** The nearest ancestor frame still in Readability's tree (single-<p> wrappers are replaced by the <p>). */
export function upFrame(frame: Frame): Frame | null {
  let parent = frame.parent;
  while (parent?.collapsed) parent = parent.parent;
  return parent;
}

/** Share of a frame's text that is link text. */
export function linkDensity(frame: Frame): number {
  return frame.text > 0 ? frame.links / frame.text : 0;
}
