import type { Panel, PanelQueryResponse } from '@sightline/contract';
import { useMemo, type ComponentType } from 'react';
import { prefillFromPanel, newRuleHref } from '../alerts/rule-prefill.ts';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation } from '../router/use-location.ts';
import { queryPanel, type DashboardScope } from './dashboards-api.ts';
import { hasPoints, panelStep } from './panel-series.ts';
import { NoData, PanelFrame } from './PanelFrame.tsx';

export interface MetricViewProps {
  readonly panel: Panel;
  readonly data: PanelQueryResponse;
  readonly scope: DashboardScope;
  readonly onZoom: (startMs: number, endMs: number) => void;
}

/** A panel over metric queries: loads `panels/query` for the range and variables, then draws the answer with `view`. */
export function MetricPanel({
  panel,
  scope,
  variables,
  onZoom,
  view: View,
}: {
  readonly panel: Panel;
  readonly scope: DashboardScope;
  readonly variables: Readonly<Record<string, string>>;
  readonly onZoom: (startMs: number, endMs: number) => void;
  readonly view: ComponentType<MetricViewProps>;
}) {
  const step = panelStep(scope);
  const key = `panel|${JSON.stringify(panel)}|${scope.startMs}|${scope.endMs}|${step}|${JSON.stringify(variables)}`;
  const result = useApi(key, (signal) => queryPanel(panel, scope, variables, step, signal));
  const data = result.data;
  const { params } = useAppLocation();
  const prefill = useMemo(() => prefillFromPanel(panel, variables), [panel, variables]);
  const createAlert =
    prefill === undefined ? undefined : (
      <Link
        to={newRuleHref(prefill, params)}
        className="dash-panel-action"
        title={`Create an alert rule on ${prefill.query?.kind === 'metric' ? prefill.query.metric : 'this panel'}`}
      >
        Create alert
      </Link>
    );
  return (
    <PanelFrame panel={panel} loading={result.loading} error={result.error} onRetry={result.reload} actions={createAlert}>
      {data !== undefined && !hasPoints(data) && <NoData missingMetrics={data.missingMetrics} />}
      {data !== undefined && hasPoints(data) && (
        <div className={result.loading ? 'is-stale' : undefined}>
          <View panel={panel} data={data} scope={scope} onZoom={onZoom} />
        </div>
      )}
    </PanelFrame>
  );
}
