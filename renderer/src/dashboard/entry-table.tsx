// The virtualised table of reply entries: only the visible window is fetched (by page) and rendered, so 100k rows scroll freely.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import type { ReplyRow } from '../../../shared/log/model.ts';
import { formatDateTime, formatDuration } from './format.ts';
import type { RowSource } from './row-source.ts';

/** Rows per fetched page: a few screens, small enough that one IPC answer stays cheap. */
export const PAGE_SIZE = 100;
/** Fixed row height in CSS pixels (fixed heights keep scrolling free of measuring). */
export const ROW_HEIGHT = 34;
/** Pages kept in memory; older ones are dropped so a long scroll never holds the whole log. */
const MAX_CACHED_PAGES = 40;
/** Least time between two rounds of page fetches while scrolling. */
const FETCH_INTERVAL_MS = 40;

interface Props {
  source: RowSource;
  /** Height of the scrolling body in CSS pixels. */
  height?: number;
  /** Called after a page arrives (the bench waits on it). */
  onPage?: (pageIndex: number) => void;
}

const COLUMNS = ['sentAt', 'account', 'platform', 'replyTo', 'start', 'calendar', 'business', 'within', 'excerpt'] as const;

export function EntryTable({ source, height = 420, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const scrollRef = useRef<HTMLDivElement>(null);
  const cache = useRef(new Map<number, ReplyRow[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, pageArrived] = useReducer((n: number) => n + 1, 0);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const fetchPage = useCallback(
    (pageIndex: number) => {
      if (cache.current.has(pageIndex) || inflight.current.has(pageIndex)) return;
      const started = generation.current;
      inflight.current.add(pageIndex);
      source(pageIndex * PAGE_SIZE, PAGE_SIZE).then(
        (page) => {
          // A page answered for an older filter or log version is dropped.
          if (started !== generation.current) return;
          inflight.current.delete(pageIndex);
          cache.current.set(pageIndex, page.rows);
          if (cache.current.size > MAX_CACHED_PAGES) {
            const oldest = cache.current.keys().next().value;
            if (oldest !== undefined) cache.current.delete(oldest);
          }
          setTotal(page.total);
          setError(null);
          pageArrived();
          onPage?.(pageIndex);
        },
        (reason: unknown) => {
          if (started !== generation.current) return;
          inflight.current.delete(pageIndex);
          setError(reason instanceof Error ? reason.message : String(reason));
        },
      );
    },
    [source, onPage],
  );

  // A new source (filter or log changed): forget every page but keep the scroll position, then refetch what shows.
  useEffect(() => {
    generation.current++;
    cache.current = new Map();
    inflight.current = new Set();
    fetchPage(Math.floor((scrollRef.current?.scrollTop ?? 0) / ROW_HEIGHT / PAGE_SIZE));
  }, [fetchPage]);

  const items = virtualizer.getVirtualItems();
  const firstPage = items.length > 0 ? Math.floor((items[0]?.index ?? 0) / PAGE_SIZE) : 0;
  const lastPage = items.length > 0 ? Math.floor((items[items.length - 1]?.index ?? 0) / PAGE_SIZE) : 0;
  const scrolling = virtualizer.isScrolling;
  const lastFetch = useRef(-Infinity);
  useEffect(() => {
    if (total === null) return;
    // A jump fetches at once; while the list keeps flying past, at most one round of fetches per
    // FETCH_INTERVAL_MS, so the pages nobody stops on are mostly never asked for.
    const wait = scrolling ? Math.max(0, lastFetch.current + FETCH_INTERVAL_MS - performance.now()) : 0;
    const timer = setTimeout(() => {
      lastFetch.current = performance.now();
      for (let page = firstPage; page <= lastPage; page++) fetchPage(page);
    }, wait);
    return () => clearTimeout(timer);
  }, [firstPage, lastPage, total, scrolling, fetchPage]);

  const rowAt = (index: number): ReplyRow | undefined => cache.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return (
    <div className="entry-table-wrap">
      {error && (
        <p className="dash-error" role="alert">
          {t('dashboard.error', { message: error })}
        </p>
      )}
      <div className="entry-table" role="table" aria-label={t('dashboard.table.label')} aria-rowcount={(total ?? 0) + 1} data-testid="entry-table" data-total={total ?? ''}>
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
          {total === 0 && <p className="entry-empty">{t('dashboard.table.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <EntryRow key={item.key} row={rowAt(item.index)} index={item.index} start={item.start} language={language} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

function EntryRow({ row, index, start, language }: { row: ReplyRow | undefined; index: number; start: number; language: string }) {
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
      <div role="cell" className="entry-cell col-sentAt">{formatDateTime(row.sentAt, language)}</div>
      <div role="cell" className="entry-cell col-account" title={`${row.account.name} (@${row.account.handle})`}>
        @{row.account.handle}
      </div>
      <div role="cell" className="entry-cell col-platform">{PLATFORM_NAMES[row.platform] ?? row.platform}</div>
      <div role="cell" className="entry-cell col-replyTo" title={row.replyToId}>{row.replyToId}</div>
      <div role="cell" className="entry-cell col-start" title={t(`dashboard.table.sources.${row.startSource}`)}>
        {row.startAt === null ? t('dashboard.table.unknown') : formatDateTime(row.startAt, language)}
      </div>
      <div role="cell" className="entry-cell col-calendar num" data-testid="entry-calendar">{formatDuration(row.responseMs, language)}</div>
      <div role="cell" className="entry-cell col-business num">{formatDuration(row.businessMs, language)}</div>
      <div role="cell" className={`entry-cell col-within within-${String(row.withinTarget)}`}>{within}</div>
      <div role="cell" className="entry-cell col-excerpt" title={row.excerpt ?? ''}>{row.excerpt ?? ''}</div>
    </div>
  );
}
