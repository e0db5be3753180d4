import { useEffect, useMemo } from 'react';
import { listApmServices } from '../api/apm-api.ts';
import { apmPath, serviceHref } from '../apm/apm-links.ts';
import { EnvironmentPicker } from '../apm/EnvironmentPicker.tsx';
import { OverflowBanner } from '../apm/OverflowBanner.tsx';
import { useApmScope } from '../apm/use-apm-scope.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { listCount, NameFilter } from '../components/NameFilter.tsx';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { filterServices, readServicesView, writeServicesView, type ServicesView } from './services-view.ts';
import { ServicesTable } from './ServicesTable.tsx';

/** The APM overview: every service's requests, errors, latency and apdex over the range. */
export function ServicesPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { scope, key } = useApmScope();
  const view = useMemo(() => readServicesView(params), [params]);
  useEffect(() => {
    document.title = 'Services · Sightline';
  }, []);

  const services = useApi(`apm-services|${key}`, (signal) => listApmServices(scope, signal));
  const setView = (next: ServicesView, replace = false): void => updateParams((p) => writeServicesView(p, next), { replace });
  const all = services.data?.services ?? [];
  const shown = filterServices(all, view.filter);
  const inactive = all.filter((s) => !s.active).length;

  return (
    <div className="page-body services-page">
      <div className="toolbar">
        <NameFilter value={view.filter} placeholder="service name" onChange={(text) => setView({ ...view, filter: text }, true)} />
        <EnvironmentPicker />
        <span className="muted small">
          {services.data !== undefined && listCount(shown.length, all.length, 'service', inactive, 'without data in this range')}
        </span>
        {services.loading && <LoadingNote />}
        <span className="toolbar-end">
          <Link to={apmPath('/service-map', params)}>Service map</Link>
          <Link to={apmPath('/exceptions', params)}>Exceptions</Link>
        </span>
      </div>

      {services.data !== undefined && <OverflowBanner notices={services.data.overflow} />}
      {services.error !== undefined && <ErrorNotice error={services.error} title="Could not load the services" onRetry={services.reload} />}

      <section className="panel" aria-label="Services">
        {services.data !== undefined && all.length === 0 && (
          <p className="empty">
            No services yet — see <Link to="/get-started">Get started</Link> to send traces from your applications.
          </p>
        )}
        {all.length > 0 && shown.length === 0 && <p className="empty">No service name contains “{view.filter}”.</p>}
        {shown.length > 0 && (
          <div className={services.loading ? 'is-stale' : undefined}>
            <ServicesTable
              services={shown}
              sort={view.sort}
              onSort={(sort) => setView({ ...view, sort })}
              serviceHref={(name) => serviceHref(name, params)}
              onOpen={(name) => navigate(serviceHref(name, params))}
            />
          </div>
        )}
      </section>
    </div>
  );
}
