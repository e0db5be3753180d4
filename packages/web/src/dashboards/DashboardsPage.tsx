import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { listDashboards } from './dashboards-api.ts';
import { dashboardHref, dashboardsSummary, readDashboardsSort, writeDashboardsSort } from './dashboards-view.ts';
import { DashboardsTable } from './DashboardsTable.tsx';
import { NewDashboardForm } from './NewDashboardForm.tsx';
import './dashboards.css';

/** The built-in and stored dashboards; a new one starts here. */
export function DashboardsPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const sort = useMemo(() => readDashboardsSort(params), [params]);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = 'Dashboards · Sightline';
  }, []);
  const dashboards = useApi('dashboards', listDashboards);
  const all = dashboards.data?.dashboards ?? [];

  return (
    <div className="page-body dashboards-page">
      <div className="toolbar">
        <span role="status">{dashboards.data !== undefined && dashboardsSummary(all)}</span>
        {dashboards.loading && <LoadingNote />}
        {!creating && (
          <button type="button" className="btn btn-primary dash-new-button" onClick={() => setCreating(true)}>
            New dashboard
          </button>
        )}
      </div>
      {creating && <NewDashboardForm onCancel={() => setCreating(false)} onCreated={(created) => navigate(dashboardHref(created.id, params, { edit: '1' }))} />}
      {dashboards.error !== undefined && <ErrorNotice error={dashboards.error} title="Could not load the dashboards" onRetry={dashboards.reload} />}
      <section className="panel" aria-label="Dashboards">
        {dashboards.data !== undefined && all.length === 0 && <p className="empty">No dashboards yet.</p>}
        {all.length > 0 && (
          <DashboardsTable
            dashboards={all}
            sort={sort}
            onSort={(next) => updateParams((p) => writeDashboardsSort(p, next))}
            href={(id) => dashboardHref(id, params)}
            onOpen={(id) => navigate(dashboardHref(id, params))}
          />
        )}
      </section>
    </div>
  );
}
