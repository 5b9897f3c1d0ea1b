import { SHARE_WORD } from './clutter';
import type { Frame } from './frame';

/** What settles a frame: Readability's conversions, its tidying and its cleaning verdicts. */
export interface CleanOptions {
  cleanConditionally: boolean;
}

const EMPTY_DROPPED = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TABLE_HEADS = new Set(['th', 'thead', 'tfoot', 'caption', 'colgroup', 'col']);
/** Containers Readability judges with _cleanConditionally. */
const JUDGED = new Set(['div', 'ul', 'table', 'form', 'fieldset']);
/** Containers Readability removes from an article whatever they hold. */
const ALWAYS_REMOVED = new Set(['footer', 'aside']);
/** Share bars longer than this are more than a share bar (Readability's threshold). */
const SHARE_MAX = 500;
/** Blocks whose whole text is an ad or loading label (Readability's adWords and loadingWords). */
const LABEL_ONLY = /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|(loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu;
const LABEL_MAX = 16;
const LINK_LINE_MAX = 200;

/**
 * Completes a frame once its subtree has been walked: its own text joins its statistics, it
 * takes the role Readability would give it, and it is marked dropped (empty blocks and
 * bylines, gone before scoring) or removed (what cleaning would take out of an article).
 */
export function settleFrame(frame: Frame, byline: boolean, options: CleanOptions): void {
  const stats = frame.clean;
  frame.text += frame.ownText;
  frame.links += frame.ownLinks;
  frame.commas += frame.ownCommas;
  stats.text += frame.ownText;
  stats.links += frame.ownLinks;
  stats.commas += frame.ownCommas;
  const tag = frame.tag;
  // Readability turns a <div> without blocks into a <p>, and a <p> split by <br><br> into a <div>.
  if (tag === 'div' && !frame.hasBlock && !frame.brSplit) frame.role = 'p';
  else if (tag === 'p' && frame.brSplit) frame.role = 'div';
  if (frame.role === 'p') stats.paragraphs++;
  else if (frame.role === 'div' || frame.brSplit) stats.paragraphs += frame.runCount;
  if (HEADINGS.has(tag)) stats.headingText = stats.text;
  else if (tag === 'ul' || tag === 'ol') stats.listText = stats.text;
  else if (tag === 'tr') stats.rows++;
  else if (tag === 'td') stats.cells++;
  if (TABLE_HEADS.has(tag)) stats.headerCells++;
  if (tag === 'table') settleTable(frame);
  frame.collapsed = tag === 'div' && frame.ownText === 0 && frame.childCount === 1 && frame.children.length === 1 && frame.children[0]?.tag === 'p' && frame.links < 0.25 * frame.text;
  const empty = EMPTY_DROPPED.has(tag) && frame.text === 0 && frame.children.length === 0 && stats.images === 0 && stats.embeds + stats.videos === 0;
  frame.dropped = empty || (byline && frame.text > 0 && frame.text < 100);
  frame.removed = ALWAYS_REMOVED.has(tag) || ((frame.flags & SHARE_WORD) !== 0 && frame.text < SHARE_MAX) || (options.cleanConditionally && (isLabelOnly(frame) || isLinkLine(frame) || (JUDGED.has(frame.role) && looksFishy(frame))));
}

/** An "Advertisement" or "Loading…" label: a short block whose text came in one piece. */
function isLabelOnly(frame: Frame): boolean {
  return frame.text > 1 && frame.text <= LABEL_MAX && frame.text === frame.ownText && frame.label.length > 0 && LABEL_ONLY.test(frame.label);
}

/** A short block of nothing but links ("Read more: …", a row of tags); Readability keeps these. */
function isLinkLine(frame: Frame): boolean {
  return frame.role === 'p' && frame.text < LINK_LINE_MAX && frame.links >= 0.9 * frame.text;
}

/** Readability's data-table test, from the counts gathered on the way up. */
function settleTable(frame: Frame): void {
  const stats = frame.clean;
  const element = frame.element;
  const rows = stats.rows;
  const columns = rows > 0 ? stats.cells / rows : 0;
  if (element.getAttribute('role') === 'presentation' || element.getAttribute('datatable') === '0') frame.dataTable = false;
  else if (element.hasAttribute('summary') || stats.headerCells > 0) frame.dataTable = true;
  else if (stats.nestedTables > 0) frame.dataTable = false;
  else frame.dataTable = rows >= 10 || columns > 4 || rows * columns > 10;
  if (frame.dataTable) stats.dataTables++;
  // An enclosing table counts this one as nested, not its rows and cells.
  stats.nestedTables = 1;
  stats.rows = 0;
  stats.cells = 0;
  stats.headerCells = 0;
}

/** Readability's _cleanConditionally verdict: too linky, too short, too many images or inputs. */
function looksFishy(frame: Frame): boolean {
  const stats = frame.clean;
  if (stats.dataTables > 0 || stats.videos > 0) return false;
  const weight = frame.weight;
  if (weight < 0) return true;
  if (stats.commas >= 10) return false;
  const text = stats.text;
  const isList = frame.tag === 'ul' || frame.tag === 'ol' || (text > 0 && stats.listText / text > 0.9);
  const paragraphs = stats.paragraphs;
  const images = stats.images;
  const linkDensity = text > 0 ? stats.links / text : 0;
  const headingDensity = text > 0 ? stats.headingText / text : 0;
  if (!frame.inFigure && images > 1 && paragraphs / images < 0.5) return true;
  if (stats.inputs > Math.floor(paragraphs / 3)) return true;
  if (!isList && !frame.inFigure && headingDensity < 0.9 && text < 25 && (images === 0 || images > 2) && linkDensity > 0) return true;
  if (!isList && weight < 25 && linkDensity > 0.2) return true;
  if (weight >= 25 && linkDensity > 0.5) return true;
  return (stats.embeds === 1 && text < 75) || stats.embeds > 1;
}
