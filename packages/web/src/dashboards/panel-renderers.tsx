import type { Panel } from '@sightline/contract';
import type { ComponentType } from 'react';
import type { DashboardScope } from './dashboards-api.ts';
import { DbCallsPanel } from './DbCallsPanel.tsx';
import { MetricPanel } from './MetricPanel.tsx';
import { StatView } from './StatView.tsx';
import { TimeseriesView } from './TimeseriesView.tsx';

export interface PanelProps {
  readonly panel: Panel;
  readonly scope: DashboardScope;
  readonly variables: Readonly<Record<string, string>>;
  readonly onZoom: (startMs: number, endMs: number) => void;
}

/** How each panel type is drawn: a registry, so a new type is one entry. */
export const PANEL_RENDERERS: Readonly<Record<Panel['type'], ComponentType<PanelProps>>> = {
  timeseries: (props) => <MetricPanel {...props} view={TimeseriesView} />,
  stat: (props) => <MetricPanel {...props} view={StatView} />,
  apm_db_calls: ({ panel, scope }) => <DbCallsPanel panel={panel} scope={scope} />,
};
