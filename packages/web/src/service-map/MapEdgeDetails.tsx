import type { ServiceMapEdge, ServiceMapNode } from '@sightline/contract';
import { formatCount, formatLatencyMs, formatPercent, formatRate } from '../format/apm-numbers.ts';
import { Link } from '../router/Link.tsx';

export interface MapEdgeDetailsProps {
  readonly edge: ServiceMapEdge | undefined;
  readonly nodes: ReadonlyMap<string, ServiceMapNode>;
  readonly serviceHref: (name: string) => string;
  readonly pinned: boolean;
  readonly onClose: () => void;
}

/** The hovered or selected edge's numbers. */
export function MapEdgeDetails({ edge, nodes, serviceHref, pinned, onClose }: MapEdgeDetailsProps) {
  if (edge === undefined) return <p className="muted small map-hint">Hover or click an edge for its numbers; click a service to open it.</p>;
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  const name = (node: ServiceMapNode | undefined, id: string) =>
    node?.kind === 'service' ? <Link to={serviceHref(node.name)}>{node.name}</Link> : <strong>{node?.name ?? id}</strong>;
  return (
    <div className="map-edge-details" role="region" aria-label="Selected call">
      <span className="map-edge-title">
        {name(source, edge.source)} <span aria-hidden="true">→</span> {name(target, edge.target)}
      </span>
      <dl className="inline-facts">
        <dt>Calls</dt>
        <dd>{formatCount(edge.calls)}</dd>
        <dt>Rate</dt>
        <dd>{formatRate(edge.rate)}</dd>
        <dt>Errors</dt>
        <dd className={edge.errors > 0 ? 'text-danger strong' : undefined}>
          {formatCount(edge.errors)} ({formatPercent(edge.errorRate)})
        </dd>
        <dt>p99</dt>
        <dd>{formatLatencyMs(edge.p99Ms)}</dd>
      </dl>
      {pinned && (
        <button type="button" className="btn btn-small" onClick={onClose}>
          Clear selection
        </button>
      )}
    </div>
  );
}
