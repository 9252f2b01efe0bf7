// The virtualised table of reply entries: only the visible window is fetched (by page) and rendered, so 100k rows scroll freely.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import type { ReplyRow } from '../../../shared/log/model.ts';
import { formatDuration } from '../../../shared/log/duration-format.ts';
import { itemUrl } from '../../../shared/platforms/item-url.ts';
import { formatDateTime } from './format.ts';
import type { RowSource } from './row-source.ts';
import { errorMessage } from '../api.ts';
import { userMessage } from '../ipc-errors.tsx';

/** Rows per fetched page: a few screens, small enough that one IPC answer stays cheap. */
export const PAGE_SIZE = 100;
/** Fixed row height in CSS pixels (fixed heights keep scrolling free of measuring): two lines of text, so the
 * excerpt wraps and dates fit a narrow column as "date / time". */
export const ROW_HEIGHT = 44;
/** Pages kept in memory; older ones are dropped so a long scroll never holds the whole log. */
const MAX_CACHED_PAGES = 40;
/** Least time between two rounds of page fetches while scrolling. */
const FETCH_INTERVAL_MS = 100;

interface Props {
  source: RowSource;
  /** Height of the scrolling body in CSS pixels. */
  height?: number;
  /** Whether a filter narrows the selection (the empty state says which of "no replies yet" / "none match"). */
  filtered?: boolean;
  /** The Mastodon server of each account id, for links to the items replies answered. */
  instances?: ReadonlyMap<string, string>;
}

const COLUMNS = ['sentAt', 'account', 'platform', 'replyTo', 'start', 'calendar', 'business', 'within', 'excerpt'] as const;

export function EntryTable({ source, height = 420, filtered = false, instances }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Fetch state lives in a ref: it changes on every scroll and must not re-render by itself.
  const fetching = useRef({
    cache: new Map<number, ReplyRow[]>(),
    busy: false,
    generation: 0,
    first: 0,
    last: 0,
    lastFetchAt: -Infinity,
    scrolling: false,
    gestureAt: 0,
  });
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, pageArrived] = useReducer((n: number) => n + 1, 0);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = useCallback((id: string) => {
    // copyText falls back to execCommand itself; should that throw too, nothing is marked as copied.
    copyText(id).then(
      (ok) => setCopied(ok ? id : null),
      () => setCopied(null),
    );
  }, []);

  // useVirtualizer returns functions that React Compiler cannot memoise, so the compiler would skip this component.
  // The app is not built with the compiler and reads the virtualizer afresh on each render: nothing goes stale.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API is not memoisable; see above.
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // One request at a time, always for pages on screen now: each request scans the selection in main, so a fling
  // must not queue dozens of pages nobody will look at. The missing pages on screen go in that one request (a
  // window straddling two pages costs one round trip, not two).
  const pump = useCallback(() => {
    const state = fetching.current;
    if (state.busy) return;
    let from = state.first;
    while (from <= state.last && state.cache.has(from)) from++;
    if (from > state.last) return;
    let to = from;
    while (to < state.last && !state.cache.has(to + 1)) to++;
    state.busy = true;
    state.lastFetchAt = performance.now();
    const generation = state.generation;
    source(from * PAGE_SIZE, (to - from + 1) * PAGE_SIZE).then(
      (answer) => {
        // An answer for an older filter or log version is dropped (a new round has started).
        if (generation !== fetching.current.generation) return;
        state.busy = false;
        for (let pageIndex = from; pageIndex <= to; pageIndex++) {
          const offset = (pageIndex - from) * PAGE_SIZE;
          state.cache.set(pageIndex, answer.rows.slice(offset, offset + PAGE_SIZE));
          // The oldest page off screen goes: dropping one on screen would blank it and fetch it again at once.
          if (state.cache.size > MAX_CACHED_PAGES) {
            for (const cached of state.cache.keys()) {
              if (cached < state.first || cached > state.last) {
                state.cache.delete(cached);
                break;
              }
            }
          }
        }
        setTotal(answer.total);
        setError(null);
        pageArrived();
        pump();
      },
      (reason: unknown) => {
        if (generation !== fetching.current.generation) return;
        state.busy = false;
        setError(errorMessage(reason));
      },
    );
  }, [source]);

  // A new source (filter or log changed): forget every page but keep the scroll position, then refetch what shows.
  useEffect(() => {
    const state = fetching.current;
    fetching.current = { ...state, cache: new Map(), busy: false, generation: state.generation + 1 };
    pump();
  }, [pump]);

  const items = virtualizer.getVirtualItems();
  const firstPage = items.length > 0 ? Math.floor((items[0]?.index ?? 0) / PAGE_SIZE) : 0;
  const lastPage = items.length > 0 ? Math.floor((items[items.length - 1]?.index ?? 0) / PAGE_SIZE) : 0;
  const scrolling = virtualizer.isScrolling;
  useEffect(() => {
    const state = fetching.current;
    state.first = firstPage;
    state.last = lastPage;
    if (scrolling && !state.scrolling) state.gestureAt = performance.now();
    state.scrolling = scrolling;
    if (total === null) return;
    // The first fetch of a scroll gesture (a jump) goes at once; while the list keeps flying past,
    // at most one fetch per FETCH_INTERVAL_MS.
    const throttled = scrolling && state.lastFetchAt >= state.gestureAt;
    const wait = throttled ? Math.max(0, state.lastFetchAt + FETCH_INTERVAL_MS - performance.now()) : 0;
    const timer = setTimeout(pump, wait);
    return () => clearTimeout(timer);
  }, [firstPage, lastPage, total, scrolling, pump]);

  const rowAt = (index: number): ReplyRow | undefined => fetching.current.cache.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return (
    <div className="entry-table-wrap">
      {error && (
        <p className="dash-error" role="alert">
          {userMessage(t, error, 'dashboard.error')} {/* A failed page is not in the cache: asking again fetches what is on screen now. */}
          <button
            type="button"
            onClick={() => {
              setError(null);
              pump();
            }}
          >
            {t('ipcErrors.retry')}
          </button>
        </p>
      )}
      <div
        className="entry-table"
        role="table"
        aria-label={t('dashboard.table.label')}
        aria-rowcount={Math.max(total ?? 0, 1) + 1}
        data-testid="entry-table"
        data-total={total ?? ''}
      >
        <div role="rowgroup" className="entry-head">
          <div role="row" aria-rowindex={1} className="entry-row">
            {COLUMNS.map((column) => (
              <div role="columnheader" key={column} className={`entry-cell col-${column}`}>
                {t(`dashboard.table.${column}`)}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="entry-body" ref={scrollRef} tabIndex={0} style={{ height }} aria-busy={total === null}>
          {total === 0 && (
            // A row, not a paragraph: a rowgroup must hold rows (axe: aria-required-children).
            <div role="row" aria-rowindex={2} className="entry-empty">
              <div role="cell" aria-colspan={COLUMNS.length} data-testid="entry-empty">
                {filtered ? t('dashboard.table.empty') : t('dashboard.table.emptyAll')}
              </div>
            </div>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <EntryRow key={item.key} row={rowAt(item.index)} index={item.index} start={item.start} language={language} instances={instances} onCopy={copy} />
            ))}
          </div>
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {copied && t('dashboard.table.copied', { id: copied })}
      </p>
    </div>
  );
}

/** Copies text: the async clipboard API first, then the selection fallback (denied clipboard permissions, older shells). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** The tail of a long ID: items replied to in one period share their leading digits, not their last ones. */
function shortId(id: string): string {
  const tail = id.split('/').at(-1) ?? id;
  return tail.length > 9 ? `…${tail.slice(-8)}` : tail;
}

function ReplyTo({ row, instances, onCopy }: { row: ReplyRow; instances: ReadonlyMap<string, string> | undefined; onCopy: (id: string) => void }) {
  const { t } = useTranslation();
  const instance = instances?.get(row.account.id);
  const url = itemUrl(row.platform, row.replyToId, { handle: row.account.handle, ...(instance ? { instance } : {}) });
  const label = shortId(row.replyToId);
  return (
    <>
      {url ? (
        <a href={url} target="_blank" rel="noreferrer noopener" title={t('dashboard.table.openItem', { id: row.replyToId })} className="entry-item-link">
          {label}
        </a>
      ) : (
        <span title={row.replyToId}>{label}</span>
      )}
      <button
        type="button"
        className="entry-copy"
        aria-label={t('dashboard.table.copyId', { id: row.replyToId })}
        title={t('dashboard.table.copyId', { id: row.replyToId })}
        onClick={() => onCopy(row.replyToId)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.4">
          <rect x="5.5" y="5.5" width="8" height="8.5" rx="1.5" />
          <path d="M3.5 10.5h-.5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1h6.5a1 1 0 0 1 1 1v.5" />
        </svg>
      </button>
    </>
  );
}

interface RowProps {
  row: ReplyRow | undefined;
  index: number;
  start: number;
  language: string;
  instances: ReadonlyMap<string, string> | undefined;
  onCopy: (id: string) => void;
}

function EntryRow({ row, index, start, language, instances, onCopy }: RowProps) {
  const { t } = useTranslation();
  const style = { transform: `translateY(${start}px)`, height: ROW_HEIGHT };
  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} className="entry-row entry-pending" style={style} aria-busy="true">
        <div role="cell" className="entry-cell col-sentAt">
          {t('dashboard.table.loadingRow')}
        </div>
      </div>
    );
  }
  const within = row.withinTarget === null ? '—' : row.withinTarget ? `✓ ${t('dashboard.table.yes')}` : `✗ ${t('dashboard.table.no')}`;
  return (
    <div role="row" aria-rowindex={index + 2} className={`entry-row${index % 2 ? ' odd' : ''}`} style={style} data-testid="entry-row" data-entry-id={row.id}>
      <div role="cell" className="entry-cell col-sentAt">
        {formatDateTime(row.sentAt, language)}
      </div>
      <div role="cell" className="entry-cell col-account" title={`${row.account.name} (@${row.account.handle})`}>
        @{row.account.handle}
      </div>
      <div role="cell" className="entry-cell col-platform">
        {PLATFORM_NAMES[row.platform] ?? row.platform}
      </div>
      <div role="cell" className="entry-cell col-replyTo">
        <ReplyTo row={row} instances={instances} onCopy={onCopy} />
      </div>
      <div role="cell" className="entry-cell col-start" title={t(`dashboard.table.sources.${row.startSource}`)}>
        {row.startAt === null ? t('dashboard.table.unknown') : formatDateTime(row.startAt, language)}
      </div>
      <div role="cell" className="entry-cell col-calendar num" data-testid="entry-calendar">
        {formatDuration(row.responseMs, language)}
      </div>
      <div role="cell" className="entry-cell col-business num">
        {formatDuration(row.businessMs, language)}
      </div>
      <div role="cell" className={`entry-cell col-within within-${String(row.withinTarget)}`}>
        {within}
      </div>
      <div role="cell" className="entry-cell col-excerpt" title={row.excerpt ?? ''}>
        {row.excerpt ?? ''}
      </div>
    </div>
  );
}
