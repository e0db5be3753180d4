import type { Dashboard } from '@sightline/contract';
import { useEffect, useMemo } from 'react';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { absoluteRange } from '../time/time-range.ts';
import { DashboardActions } from './DashboardActions.tsx';
import { DashboardEditor } from './DashboardEditor.tsx';
import { readVariableSelection, writeVariable } from './dashboard-variables.ts';
import { getDashboard, labelValues, type DashboardScope } from './dashboards-api.ts';
import { dashboardHref, dashboardsHref, readEditing, writeEditing } from './dashboards-view.ts';
import { PanelGrid } from './PanelGrid.tsx';
import { VariablesBar } from './VariablesBar.tsx';
import './dashboards.css';

type Options = Readonly<Record<string, readonly string[]>>;

async function loadOptions(dashboard: Dashboard, scope: DashboardScope, signal: AbortSignal): Promise<Options> {
  const entries = await Promise.all(dashboard.variables.map(async (v) => [v.name, await labelValues(v.labelKey, v.metric, scope, signal)] as const));
  return Object.fromEntries(entries);
}

/** The dashboard's panels for the range and variables, and its header: clone a built-in one; edit, clone or delete a stored one. */
function DashboardView({ dashboard, reload }: { readonly dashboard: Dashboard; readonly reload: () => void }) {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { resolved, setRange } = useTimeRange();
  const editing = readEditing(params) && !dashboard.builtin;
  const scope = useMemo(() => ({ startMs: resolved.startMs, endMs: resolved.endMs }), [resolved.startMs, resolved.endMs]);
  const selection = useMemo(() => readVariableSelection(params, dashboard.variables), [params, dashboard.variables]);
  const hasVariables = dashboard.variables.length > 0;
  const options = useApi(hasVariables ? `dash-vars|${dashboard.id}|${dashboard.updatedMs}|${scope.startMs}|${scope.endMs}` : null, (signal) =>
    loadOptions(dashboard, scope, signal),
  );
  const setEditing = (on: boolean): void => updateParams((p) => writeEditing(p, on));

  return (
    <>
      <div className="toolbar dash-header">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to={dashboardsHref(params)}>Dashboards</Link>
          <span aria-hidden="true"> / </span>
        </nav>
        <h2 className="service-title">{dashboard.title}</h2>
        {dashboard.builtin && <span className="badge badge-accent">built-in</span>}
        {dashboard.tags.map((tag) => (
          <span className="badge" key={tag}>
            {tag}
          </span>
        ))}
        <DashboardActions
          dashboard={dashboard}
          editing={editing}
          onEdit={() => setEditing(true)}
          onCloned={(copy) => navigate(dashboardHref(copy.id, params))}
          onDeleted={() => navigate(dashboardsHref(params))}
        />
      </div>
      {dashboard.description !== '' && <p className="dash-description">{dashboard.description}</p>}
      {editing && (
        <DashboardEditor
          key={`${dashboard.id}|${dashboard.updatedMs}`}
          dashboard={dashboard}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
      {hasVariables && (
        <VariablesBar
          variables={dashboard.variables}
          options={options.data ?? {}}
          values={selection}
          loading={options.loading}
          onChange={(name, value) => updateParams((p) => writeVariable(p, name, value))}
        />
      )}
      {options.error !== undefined && <ErrorNotice error={options.error} title="Could not load the variables' values" onRetry={options.reload} />}
      {dashboard.panels.length === 0 && (
        <section className="panel">
          <p className="empty">This dashboard has no panels yet.{dashboard.builtin ? '' : ' Edit it to add some.'}</p>
        </section>
      )}
      {dashboard.panels.length > 0 && (
        <PanelGrid panels={dashboard.panels} scope={scope} variables={selection} onZoom={(start, end) => setRange(absoluteRange(start, end))} />
      )}
    </>
  );
}

/** One dashboard by id. */
export function DashboardPage({ id }: { readonly id: string }) {
  const dashboard = useApi(`dashboard|${id}`, (signal) => getDashboard(id, signal));
  const data = dashboard.dataKey === `dashboard|${id}` ? dashboard.data : undefined;
  useEffect(() => {
    document.title = `${data?.title ?? id} · Dashboards · Sightline`;
  }, [data?.title, id]);
  return (
    <div className="page-body dashboard-page">
      {dashboard.loading && data === undefined && <LoadingNote />}
      {dashboard.error !== undefined && <ErrorNotice error={dashboard.error} title={`Could not load dashboard ${id}`} onRetry={dashboard.reload} />}
      {data !== undefined && <DashboardView dashboard={data} reload={dashboard.reload} />}
    </div>
  );
}
