/**
 * Far highlight groups cut into bands for watching: the lazy drawing (src/content/lazy-highlights.ts)
 * observes a band's top and bottom containers instead of every container of a huge article.
 */

/** Far items in bands of consecutive ones (their given order), each band with the items at its top and bottom. */
export interface Band<T> {
  items: T[];
  /** The item reaching highest and the one reaching lowest on the page (the same one for a band of one). */
  edges: T[];
}

/**
 * Cuts far items (in reading order, with their page coordinates) into bands of at most
 * `maxItems` whose extent from highest top to lowest bottom is at most `maxSpan`: the band's
 * edges are then within `maxSpan` of any point in it. An item taller than `maxSpan` has a band of its own.
 */
export function bandsOf<T>(far: ReadonlyArray<{ item: T; top: number; bottom: number }>, maxSpan: number, maxItems: number): Array<Band<T>> {
  const bands: Array<Band<T>> = [];
  let band: { items: T[]; top: number; bottom: number; highest: T; lowest: T } | null = null;
  const close = () => {
    if (band) bands.push({ items: band.items, edges: band.highest === band.lowest ? [band.highest] : [band.highest, band.lowest] });
  };
  for (const { item, top, bottom } of far) {
    if (band && band.items.length < maxItems && Math.max(band.bottom, bottom) - Math.min(band.top, top) <= maxSpan) {
      band.items.push(item);
      if (top < band.top) [band.top, band.highest] = [top, item];
      if (bottom > band.bottom) [band.bottom, band.lowest] = [bottom, item];
      continue;
    }
    close();
    band = { items: [item], top, bottom, highest: item, lowest: item };
  }
  close();
  return bands;
}
