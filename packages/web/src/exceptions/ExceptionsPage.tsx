import { useEffect, useId, useMemo } from 'react';
import { listExceptions } from '../api/apm-api.ts';
import { listServices } from '../api/catalog-api.ts';
import { serviceHref, traceHref } from '../apm/apm-links.ts';
import { EnvironmentPicker } from '../apm/EnvironmentPicker.tsx';
import { useApmScope } from '../apm/use-apm-scope.ts';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { NamePicker } from '../components/NamePicker.tsx';
import { catalogRangeOf } from '../filters/catalog-range.ts';
import { formatCount } from '../format/apm-numbers.ts';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { ExceptionGroupsTable } from './ExceptionGroupsTable.tsx';
import { readExceptionsView, toggleOpen, writeExceptionsSort, writeServiceFilter } from './exceptions-view.ts';

/** Exceptions recorded on spans, grouped by service, type and message pattern. */
export function ExceptionsPage() {
  const id = useId();
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { resolved } = useTimeRange();
  const { scope, key } = useApmScope();
  const view = useMemo(() => readExceptionsView(params), [params]);
  useEffect(() => {
    document.title = 'Exceptions · Sightline';
  }, []);

  const catalogRange = catalogRangeOf(resolved);
  const services = useApi(`services|traces|${catalogRange.key}`, (signal) => listServices('traces', catalogRange, signal));
  const exceptions = useApi(`exceptions|${view.service}|${key}`, (signal) => listExceptions(scope, view.service, signal));
  const groups = exceptions.data?.groups ?? [];
  const total = groups.reduce((sum, g) => sum + g.count, 0);

  return (
    <div className="page-body exceptions-page">
      <div className="toolbar">
        <div className="inline-field">
          <label htmlFor={`${id}-service`}>Service</label>
          <NamePicker
            id={`${id}-service`}
            value={view.service}
            names={services}
            anyLabel="All services"
            onChange={(service) => updateParams((p) => writeServiceFilter(p, service))}
          />
        </div>
        <EnvironmentPicker />
        {exceptions.loading && <LoadingNote />}
        {exceptions.data !== undefined && (
          <span className="muted small">
            {groups.length} group{groups.length === 1 ? '' : 's'} · {formatCount(total)} exception{total === 1 ? '' : 's'}
          </span>
        )}
      </div>
      {exceptions.error !== undefined && <ErrorNotice error={exceptions.error} title="Could not load the exceptions" onRetry={exceptions.reload} />}
      <section className="panel" aria-label="Exception groups">
        {exceptions.data !== undefined && groups.length === 0 && (
          <p className="empty">
            No exceptions recorded {view.service === '' ? '' : `by ${view.service} `}in this range. Exceptions come from <code>exception</code> events on spans
            (<Link to="/get-started">Get started</Link>).
          </p>
        )}
        {groups.length > 0 && (
          <div className={exceptions.loading ? 'is-stale' : undefined}>
            <ExceptionGroupsTable
              groups={groups}
              sort={view.sort}
              onSort={(sort) => updateParams((p) => writeExceptionsSort(p, sort), { replace: true })}
              open={view.open}
              onToggle={(groupId) => updateParams((p) => toggleOpen(p, groupId), { replace: true })}
              traceHref={(traceId, spanId) => traceHref(traceId, params, spanId)}
              serviceHref={(service) => serviceHref(service, params, { tab: 'errors' })}
            />
          </div>
        )}
      </section>
    </div>
  );
}
