import type { Panel } from '@sightline/contract';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals } from '../router/routes.ts';
import { useAppLocation } from '../router/use-location.ts';
import { missingMetricsText } from './panel-series.ts';

/** A panel's box: title, its description as a tooltip, a loading mark, and an error kept inside the panel. */
export function PanelFrame({
  panel,
  loading,
  error,
  onRetry,
  actions,
  children,
}: {
  readonly panel: Panel;
  readonly loading: boolean;
  readonly error: unknown;
  readonly onRetry: () => void;
  /** Links or buttons at the end of the header (e.g. "Create alert"). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <section className="panel dash-panel" aria-label={panel.title} aria-busy={loading}>
      <div className="panel-header">
        <h3 title={panel.description === '' ? undefined : panel.description}>{panel.title}</h3>
        {loading && <span className="spinner dash-panel-spinner" aria-hidden="true" />}
        {actions !== undefined && <span className="dash-panel-actions">{actions}</span>}
      </div>
      {error !== undefined ? <ErrorNotice error={error} title="Could not load this panel" onRetry={onRetry} /> : children}
    </section>
  );
}

/** "No data", and which metrics are missing with where to start collecting them. */
export function NoData({ missingMetrics, detail }: { readonly missingMetrics: readonly string[]; readonly detail?: string }) {
  const { params } = useAppLocation();
  const missing = missingMetricsText(missingMetrics);
  return (
    <div className="dash-no-data">
      <p className="dash-no-data-title">No data</p>
      {missing !== '' && (
        <p className="dash-no-data-detail">
          {missing} Add a Prometheus scrape target for its exporter on the <Link to={pathWithGlobals('/targets', params)}>Targets</Link> page.
        </p>
      )}
      {missing === '' && <p className="dash-no-data-detail">{detail ?? 'No values in this range.'}</p>}
    </div>
  );
}
