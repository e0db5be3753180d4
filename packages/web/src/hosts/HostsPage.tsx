import { useEffect, useMemo } from 'react';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { listCount, NameFilter } from '../components/NameFilter.tsx';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { listHosts } from './hosts-api.ts';
import { filterHosts, hostHref, readHostsView, writeHostsView, type HostsView } from './hosts-view.ts';
import { HostsTable } from './HostsTable.tsx';

/** Every host sending host metrics (OpenTelemetry hostmetrics or node_exporter) with its usage. */
export function HostsPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { resolved } = useTimeRange();
  const view = useMemo(() => readHostsView(params), [params]);
  useEffect(() => {
    document.title = 'Hosts · Sightline';
  }, []);

  const scope = { startMs: resolved.startMs, endMs: resolved.endMs };
  const hosts = useApi(`hosts|${scope.startMs}|${scope.endMs}`, (signal) => listHosts(scope, signal));
  const setView = (next: HostsView, replace = false): void => updateParams((p) => writeHostsView(p, next), { replace });
  const all = hosts.data?.hosts ?? [];
  const shown = filterHosts(all, view.filter);
  const inactive = all.filter((h) => !h.active).length;

  return (
    <div className="page-body hosts-page">
      <div className="toolbar">
        <NameFilter value={view.filter} placeholder="host name" onChange={(text) => setView({ ...view, filter: text }, true)} />
        <span className="muted small">
          {hosts.data !== undefined && listCount(shown.length, all.length, 'host', inactive, 'inactive')}
        </span>
        {hosts.loading && <LoadingNote />}
      </div>

      {hosts.error !== undefined && <ErrorNotice error={hosts.error} title="Could not load the hosts" onRetry={hosts.reload} />}

      <section className="panel" aria-label="Hosts">
        {hosts.data !== undefined && all.length === 0 && (
          <p className="empty">
            No host metrics in this range. Sightline's built-in host metrics, an OpenTelemetry Collector with the <code>hostmetrics</code> receiver, or a
            scraped Prometheus node_exporter fill this page — see <Link to="/get-started">Get started</Link>.
          </p>
        )}
        {all.length > 0 && shown.length === 0 && <p className="empty">No host name contains “{view.filter}”.</p>}
        {shown.length > 0 && (
          <div className={hosts.loading ? 'is-stale' : undefined}>
            <HostsTable
              hosts={shown}
              sort={view.sort}
              onSort={(sort) => setView({ ...view, sort })}
              hostHref={(name) => hostHref(name, params)}
              onOpen={(name) => navigate(hostHref(name, params))}
            />
          </div>
        )}
      </section>
    </div>
  );
}
