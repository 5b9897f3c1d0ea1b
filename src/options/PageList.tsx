import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LibraryEntry } from '../core/model/library';
import { isHttpUrl } from '../core/model/records';
import { VERDICT_IDS, type HighlightState } from '../core/model/verdicts';
import { t } from '../platform/browser';
import { verdictLabel } from '../ui/labels';

/** Distance from one row to the next, in CSS pixels: every row has this fixed height (ui.css). */
export const ROW_PITCH = 84;
/** Rows rendered beyond each edge of the visible area, so Tab always finds the next row. */
const OVERSCAN = 6;
/** Used until the scroll container has been measured. */
const FALLBACK_VIEWPORT = 600;

const STATES: readonly HighlightState[] = [...VERDICT_IDS, 'unreviewed'];

function stateLabel(state: HighlightState): string {
  return state === 'unreviewed' ? t('unreviewed') : verdictLabel(state);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? t('libraryDateUnknown') : dateFormat.format(time);
}

/** The title a page is shown and announced by. */
export function pageTitle(entry: LibraryEntry): string {
  return entry.title.trim() || entry.url;
}

/** Small badges, one per verdict present: the verdict's colour plus its name and count. */
function VerdictBadges({ entry }: { entry: LibraryEntry }) {
  const present = STATES.filter((state) => (entry.counts[state] ?? 0) > 0);
  return (
    <ul class="lib-badges" aria-label={t('libraryVerdictCounts')}>
      {present.map((state) => (
        <li key={state} class="lib-badge" data-verdict={state}>
          {stateLabel(state)} <b>{entry.counts[state]}</b>
        </li>
      ))}
    </ul>
  );
}

function PageRow({ entry, index, total, conflicts, onDelete }: { entry: LibraryEntry; index: number; total: number; conflicts: number; onDelete: (entry: LibraryEntry, index: number) => void }) {
  const title = pageTitle(entry);
  return (
    <li
      class="lib-row"
      style={{ transform: `translateY(${index * ROW_PITCH}px)` }}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-key={entry.key}
      data-factmark-conflicts={conflicts > 0 ? String(conflicts) : undefined}
    >
      <div class="lib-row-main">
        {isHttpUrl(entry.url) ? (
          <a class="lib-title" href={entry.url} target="_blank" rel="noopener noreferrer" title={title}>
            {title}
            <span class="visually-hidden"> {t('libraryOpensInNewTab')}</span>
          </a>
        ) : (
          <span class="lib-title">{title}</span>
        )}
        <div class="lib-meta">
          <span class="lib-site">{entry.site}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={entry.updatedAt}>{t('libraryUpdated', formatDate(entry.updatedAt))}</time>
          <span aria-hidden="true"> · </span>
          <span>{entry.total === 1 ? t('libraryAnnotationCountOne') : t('annotationCount', String(entry.total))}</span>
          {conflicts > 0 && (
            <>
              <span aria-hidden="true"> · </span>
              <span class="lib-conflicts">{t('teamConflictsCount', String(conflicts))}</span>
            </>
          )}
        </div>
        <VerdictBadges entry={entry} />
      </div>
      <button type="button" class="lib-delete" aria-label={t('libraryDeleteLabel', title)} data-delete-index={index} onClick={() => onDelete(entry, index)}>
        {t('libraryDelete')}
      </button>
    </li>
  );
}

/**
 * A virtualised list of pages: a scroll container whose inner list is as tall as all rows,
 * with only the rows in view (plus a few either side) in the DOM, each placed at its fixed
 * offset. Ten thousand pages cost the same to render as twenty.
 */
export function PageList({
  entries,
  resetKey,
  label,
  conflicts = {},
  onDelete,
}: {
  entries: readonly LibraryEntry[];
  resetKey: string;
  label: string;
  /** Canonical key → annotations in conflict (team sync); absent pages have none. */
  conflicts?: Readonly<Record<string, number>>;
  onDelete: (entry: LibraryEntry, index: number) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const measure = () => setViewport(element.clientHeight || FALLBACK_VIEWPORT);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new search starts at the top of its results.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const total = entries.length;
  const first = Math.max(0, Math.floor(scrollTop / ROW_PITCH) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / ROW_PITCH) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index++) {
    const entry = entries[index] as LibraryEntry;
    rows.push(<PageRow key={entry.key} entry={entry} index={index} total={total} conflicts={conflicts[entry.key] ?? 0} onDelete={onDelete} />);
  }
  return (
    <div class="lib-scroll" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul class="lib-list" aria-label={label} style={{ height: `${total * ROW_PITCH}px` }}>
        {rows}
      </ul>
    </div>
  );
}
