import { useCallback, useEffect, useMemo } from 'react';
import { searchTraces, traceScatter } from '../api/traces-api.ts';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useCursorPages } from '../hooks/use-cursor-pages.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals } from '../router/routes.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { absoluteRange } from '../time/time-range.ts';
import { readTraceFilters, TRACE_FILTER_PARAMS, traceSearchRequest, writeTraceFilters, type TraceFilters } from './trace-filters.ts';
import { TraceFilterBar } from './TraceFilterBar.tsx';
import { TraceResultsTable } from './TraceResultsTable.tsx';
import { TraceScatterChart } from './TraceScatterChart.tsx';

const PAGE_SIZE = 50;

export function TracesPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { range, resolved, setRange, refreshNow } = useTimeRange();
  const filters = useMemo(() => readTraceFilters(params), [params]);
  const cursor = params.get('cursor') ?? '';

  useEffect(() => {
    document.title = 'Traces · Sightline';
  }, []);

  const setFilters = useCallback(
    (next: TraceFilters) => {
      updateParams((p) => writeTraceFilters(p, next));
      refreshNow();
    },
    [updateParams, refreshNow],
  );
  const setCursor = useCallback((next: string) => updateParams((p) => (next === '' ? p.delete('cursor') : p.set('cursor', next))), [updateParams]);
  const filterKey = JSON.stringify([filters, range]);
  const pages = useCursorPages(cursor, setCursor, filterKey);

  const request = traceSearchRequest(filters, resolved, { cursor, limit: PAGE_SIZE });
  const results = useApi(JSON.stringify(request), (signal) => searchTraces(request, signal));
  const scatterRequest = traceSearchRequest(filters, resolved);
  const scatter = useApi(JSON.stringify(scatterRequest), (signal) => traceScatter(scatterRequest, signal));

  const traceHref = (traceId: string): string => pathWithGlobals(`/traces/${traceId}`, params);
  const traces = results.data?.traces ?? [];
  const hasFilters = TRACE_FILTER_PARAMS.some((name) => name !== 'cursor' && name !== 'sort' && name !== 'order' && params.has(name));

  return (
    <div className="page-body traces-page">
      <TraceFilterBar filters={filters} range={resolved} onChange={setFilters} />

      <section className="panel" aria-label="Duration over time">
        <div className="panel-header">
          <h2>Duration over time</h2>
          <span className="muted small">
            {scatter.data !== undefined && `${scatter.data.points.length.toLocaleString()} traces`}
            {scatter.data?.truncated === true && ' (sampled: the range holds more)'} · drag to zoom · click a dot to open
          </span>
        </div>
        {scatter.error !== undefined ? (
          <ErrorNotice error={scatter.error} title="Could not load the chart" onRetry={scatter.reload} />
        ) : (
          <TraceScatterChart
            points={scatter.data?.points ?? []}
            range={resolved}
            onOpenTrace={(traceId) => navigate(traceHref(traceId))}
            onZoom={(start, end) => setRange(absoluteRange(start, end))}
          />
        )}
      </section>

      <section className="panel" aria-label="Traces">
        <div className="panel-header">
          <h2>Traces</h2>
          {results.loading && <LoadingNote />}
          {hasFilters && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setFilters({ ...readTraceFilters(new URLSearchParams()), sort: filters.sort, order: filters.order })}
            >
              Clear filters
            </button>
          )}
        </div>
        {results.error !== undefined && <ErrorNotice error={results.error} title="Could not search traces" onRetry={results.reload} />}
        {results.data !== undefined && traces.length === 0 && !results.loading && (
          <p className="empty">
            No traces match in {range.kind === 'relative' ? 'this time range' : 'the selected range'}. Widen the range or remove filters — or{' '}
            <Link to="/get-started">send your first trace</Link>.
          </p>
        )}
        {traces.length > 0 && (
          <div className={results.loading ? 'is-stale' : undefined}>
            <TraceResultsTable
              traces={traces}
              sort={filters.sort}
              order={filters.order}
              onSort={(sort, order) => setFilters({ ...filters, sort, order })}
              traceHref={traceHref}
            />
          </div>
        )}
        <nav className="pager" aria-label="Pages">
          <button type="button" className="btn btn-small" disabled={!pages.hasPrevious} onClick={pages.previous}>
            ← Previous
          </button>
          <span className="muted small">Page {pages.page}</span>
          <button
            type="button"
            className="btn btn-small"
            disabled={results.data?.nextCursor == null}
            onClick={() => {
              const next = results.data?.nextCursor;
              if (next != null) pages.next(next);
            }}
          >
            Next →
          </button>
        </nav>
      </section>
    </div>
  );
}
