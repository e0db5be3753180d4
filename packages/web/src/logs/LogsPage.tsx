import { useCallback, useEffect, useMemo } from 'react';
import { logHistogram } from '../api/logs-api.ts';
import type { LogRecord } from '@sightline/contract';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { absoluteRange } from '../time/time-range.ts';
import { LiveTailView } from './LiveTailView.tsx';
import { logFilterFields, logSearchRequest, readLogFilters, writeLogFilters, type LogFilters } from './log-filters.ts';
import { LogContextPanel } from './LogContextPanel.tsx';
import { LogFilterBar } from './LogFilterBar.tsx';
import { LogHistogram } from './LogHistogram.tsx';
import { LogList } from './LogList.tsx';
import { LogColumnsPicker } from './LogColumnsPicker.tsx';
import { readLogColumns, writeLogColumns } from './log-columns.ts';
import { useLogPages } from './use-log-pages.ts';

const PAGE_SIZE = 100;

/** `/logs`: filters, histogram, newest-first list with infinite scroll, context, and live tail (`live=1`). */
export function LogsPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { range, resolved, setRange, refreshNow } = useTimeRange();
  const filters = useMemo(() => readLogFilters(params), [params]);
  const live = params.get('live') === '1';
  const selectedKey = params.get('log') ?? '';
  const columnsParam = params.get('cols') ?? '';
  const columns = useMemo(() => readLogColumns(new URLSearchParams({ cols: columnsParam })), [columnsParam]);
  const setColumns = useCallback((next: string[]) => updateParams((p) => writeLogColumns(p, next)), [updateParams]);
  const contextId = params.get('context') ?? '';
  const contextTs = params.get('contextTs') ?? '';

  useEffect(() => {
    document.title = 'Logs · Sightline';
  }, []);

  const setFilters = useCallback(
    (next: LogFilters) => {
      updateParams((p) => writeLogFilters(p, next));
      refreshNow();
    },
    [updateParams, refreshNow],
  );
  const select = useCallback((key: string) => updateParams((p) => p.set('log', key), { replace: true }), [updateParams]);
  const addFilter = useCallback(
    (key: string, value: string, scope: 'span' | 'resource') => {
      const filter = { key, op: 'equals' as const, value };
      setFilters(
        scope === 'span'
          ? { ...filters, attributes: [...filters.attributes, filter] }
          : { ...filters, resourceAttributes: [...filters.resourceAttributes, filter] },
      );
    },
    [filters, setFilters],
  );
  const showContext = useCallback(
    (log: LogRecord) => {
      updateParams((p) => {
        p.set('context', log.id);
        p.set('contextTs', log.timestampUnixNano);
      });
    },
    [updateParams],
  );
  const closeContext = (): void =>
    updateParams((p) => {
      p.delete('context');
      p.delete('contextTs');
    });

  const pages = useLogPages(live ? null : logSearchRequest(filters, resolved, { limit: PAGE_SIZE }));
  const histogramRequest = { start: resolved.startMs, end: resolved.endMs, ...logFilterFields(filters) };
  const histogram = useApi(live ? null : JSON.stringify(histogramRequest), (signal) => logHistogram(histogramRequest, signal));

  return (
    <div className="page-body logs-page">
      <LogFilterBar filters={filters} range={resolved} onChange={setFilters} />
      <div className="logs-toolbar">
        <button
          type="button"
          className={`btn${live ? ' btn-live' : ''}`}
          aria-pressed={live}
          onClick={() => updateParams((p) => (live ? p.delete('live') : p.set('live', '1')))}
        >
          <span aria-hidden="true">{live ? '■' : '▶'}</span> {live ? 'Stop live tail' : 'Live tail'}
        </button>
        {!live && pages.loading && <LoadingNote />}
        {!live && !pages.loading && (
          <span className="muted small">
            {pages.logs.length.toLocaleString()} logs loaded{pages.hasMore ? ' · scroll for more' : ''}
          </span>
        )}
        <LogColumnsPicker columns={columns} onChange={setColumns} />
      </div>

      {!live && (
        <section className="panel" aria-label="Log volume">
          {histogram.error !== undefined ? (
            <ErrorNotice error={histogram.error} title="Could not load the histogram" onRetry={histogram.reload} />
          ) : histogram.data !== undefined ? (
            <LogHistogram histogram={histogram.data} range={resolved} onZoom={(start, end) => setRange(absoluteRange(start, end))} />
          ) : (
            <div className="histogram-placeholder" />
          )}
        </section>
      )}

      <div className="logs-main">
        <div className="logs-content">
          {live ? (
            <LiveTailView filters={filters} selectedKey={selectedKey} onSelect={select} onFilter={addFilter} columns={columns} />
          ) : (
            <>
              {pages.error !== undefined && <ErrorNotice error={pages.error} title="Could not search logs" onRetry={pages.reload} />}
              {!pages.loading && !pages.stale && pages.error === undefined && pages.logs.length === 0 && (
                <p className="empty">
                  No logs match in {range.kind === 'relative' ? 'this time range' : 'the selected range'}. Widen the range or remove filters.
                </p>
              )}
              <div className={pages.stale && pages.logs.length > 0 ? 'is-stale' : undefined}>
                <LogList
                  logs={pages.logs}
                  selectedKey={selectedKey}
                  onSelect={select}
                  onFilter={addFilter}
                  onShowContext={showContext}
                  onEndVisible={pages.loadMore}
                  label="Logs, newest first"
                  columns={columns}
                />
              </div>
              {pages.hasMore && (
                <button type="button" className="btn load-more" onClick={pages.loadMore} disabled={pages.loading}>
                  {pages.loading ? 'Loading…' : 'Load more'}
                </button>
              )}
            </>
          )}
        </div>
        {contextId !== '' && contextTs !== '' && <LogContextPanel id={contextId} timestampUnixNano={contextTs} onClose={closeContext} />}
      </div>
    </div>
  );
}
