import type { ServiceMapEdge } from '@sightline/contract';
import { useEffect, useMemo, useState } from 'react';
import { serviceMap } from '../api/apm-api.ts';
import { serviceHref } from '../apm/apm-links.ts';
import { EnvironmentPicker } from '../apm/EnvironmentPicker.tsx';
import { useApmScope } from '../apm/use-apm-scope.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { formatTimeOfDay } from '../time/time-format.ts';
import { MapEdgeDetails } from './MapEdgeDetails.tsx';
import { EDGE_PARAM, edgeParam, readSelectedEdge, serviceEdgesNote } from './map-view.ts';
import { ServiceMapGraph } from './ServiceMapGraph.tsx';

/** One swatch per node kind, drawn like the nodes on the map. */
const LEGEND_SHAPES = [
  { label: 'service', className: 'map-service', shape: <rect className="map-shape" x="1" y="1" width="20" height="12" rx="3" /> },
  { label: 'database', className: 'map-database', shape: <path className="map-shape" d="M1,4 A10,3 0 0 1 21,4 V10 A10,3 0 0 1 1,10 Z" /> },
  { label: 'messaging', className: 'map-messaging', shape: <path className="map-shape" d="M5,1 H17 L21,7 L17,13 H5 L1,7 Z" /> },
  {
    label: 'external host',
    className: 'map-external',
    shape: <rect className="map-shape map-shape-external" x="1" y="1" width="20" height="12" rx="6" />,
  },
];

function Legend() {
  return (
    <ul className="map-legend" aria-label="Legend">
      {LEGEND_SHAPES.map(({ label, className, shape }) => (
        <li key={label}>
          <svg width="22" height="14" aria-hidden="true" className={className}>
            {shape}
          </svg>
          {label}
        </li>
      ))}
      <li>
        <span className="legend-error" aria-hidden="true" /> 5% errors or more
      </li>
    </ul>
  );
}

/** Services, databases, queues and external hosts, and the calls between them over the range. */
export function ServiceMapPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { scope, key } = useApmScope();
  const map = useApi(`service-map|${key}`, (signal) => serviceMap(scope, signal));
  const [hovered, setHovered] = useState<ServiceMapEdge | undefined>();
  useEffect(() => {
    document.title = 'Service map · Sightline';
  }, []);

  const wanted = readSelectedEdge(params);
  const selected = map.data?.edges.find((e) => e.source === wanted?.source && e.target === wanted.target);
  const nodes = useMemo(() => new Map((map.data?.nodes ?? []).map((n) => [n.id, n])), [map.data]);
  const selectEdge = (edge: ServiceMapEdge | undefined): void =>
    updateParams((p) => (edge === undefined ? p.delete(EDGE_PARAM) : p.set(EDGE_PARAM, edgeParam(edge))), { replace: true });
  const note = map.data === undefined ? undefined : serviceEdgesNote(map.data.serviceEdgesWindow, scope, (ms) => formatTimeOfDay(ms).slice(0, 5));
  const rangeSeconds = (scope.endMs - scope.startMs) / 1000;

  return (
    <div className="page-body map-page">
      <div className="toolbar">
        <EnvironmentPicker />
        <Legend />
        {map.loading && <LoadingNote />}
        {map.data !== undefined && (
          <span className="muted small">
            {map.data.nodes.length} nodes · {map.data.edges.length} edges
          </span>
        )}
      </div>
      {note !== undefined && (
        <p className="notice notice-info" role="note">
          {note}
        </p>
      )}
      {map.error !== undefined && <ErrorNotice error={map.error} title="Could not load the service map" onRetry={map.reload} />}
      <section className="panel map-panel" aria-label="Service map">
        {map.data !== undefined && map.data.nodes.length === 0 && (
          <p className="empty">
            No services or calls in this range. Widen the range — or see <Link to="/get-started">Get started</Link>.
          </p>
        )}
        {map.data !== undefined && map.data.nodes.length > 0 && (
          <>
            <MapEdgeDetails
              edge={hovered ?? selected}
              nodes={nodes}
              serviceHref={(name) => serviceHref(name, params)}
              pinned={hovered === undefined && selected !== undefined}
              onClose={() => selectEdge(undefined)}
            />
            <div className={`map-scroll${map.loading ? ' is-stale' : ''}`}>
              <ServiceMapGraph
                map={map.data}
                rangeSeconds={rangeSeconds}
                selected={selected}
                onSelectEdge={selectEdge}
                onHoverEdge={setHovered}
                onOpenService={(name) => navigate(serviceHref(name, params))}
              />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
