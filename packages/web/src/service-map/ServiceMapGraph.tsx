import type { ApmServiceMapResponse, ServiceMapEdge } from '@sightline/contract';
import { useMemo, useState } from 'react';
import { placeEdges } from './map-edges.ts';
import { edgeKey, layoutServiceMap } from './map-layout.ts';
import { edgeLabel, isErrorTinted } from './map-view.ts';
import { MapNode } from './MapNode.tsx';

export interface ServiceMapGraphProps {
  readonly map: ApmServiceMapResponse;
  readonly rangeSeconds: number;
  readonly selected: ServiceMapEdge | undefined;
  readonly onSelectEdge: (edge: ServiceMapEdge | undefined) => void;
  readonly onHoverEdge: (edge: ServiceMapEdge | undefined) => void;
  readonly onOpenService: (name: string) => void;
}

/** Above this many edges, labels are shown only for the edges of the hovered node or edge. */
const ALL_LABELS_MAX = 40;
/** The map shrinks to fit the panel, down to this scale; beyond that it scrolls. */
const MIN_SCALE = 0.7;

/** The map as SVG: nodes in columns (callers left), edges as curves labelled with rate, errors and p99. */
export function ServiceMapGraph({ map, rangeSeconds, selected, onSelectEdge, onHoverEdge, onOpenService }: ServiceMapGraphProps) {
  const layout = useMemo(() => layoutServiceMap(map.nodes, map.edges), [map]);
  const [hoverNode, setHoverNode] = useState<string | undefined>();
  const [hoverEdge, setHoverEdge] = useState<string | undefined>();
  const selectedKey = selected === undefined ? undefined : edgeKey(selected);
  const focusKey = hoverEdge ?? selectedKey;
  const touches = (e: ServiceMapEdge): boolean => hoverNode !== undefined && (e.source === hoverNode || e.target === hoverNode);
  const neighbours = useMemo(() => {
    if (hoverNode === undefined) return undefined;
    const ids = new Set([hoverNode]);
    for (const e of map.edges) if (e.source === hoverNode || e.target === hoverNode) ids.add(e.source).add(e.target);
    return ids;
  }, [hoverNode, map.edges]);

  const edges = useMemo(() => placeEdges(layout, map.edges, edgeLabel), [layout, map.edges]);
  const names = useMemo(() => new Map(map.nodes.map((n) => [n.id, n.name])), [map.nodes]);
  const nodeName = (id: string): string => names.get(id) ?? id;
  const showLabel = (key: string, edge: ServiceMapEdge): boolean => edges.length <= ALL_LABELS_MAX || key === focusKey || touches(edge);
  const hover = (key: string | undefined, edge: ServiceMapEdge | undefined): void => {
    setHoverEdge(key);
    onHoverEdge(edge);
  };

  return (
    <svg
      className="service-map"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{ minWidth: Math.round(layout.width * MIN_SCALE) }}
      role="group"
      aria-label="Service map"
    >
      <defs>
        <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="map-arrow" />
        </marker>
        <marker
          id="map-arrow-error"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="9"
          markerHeight="9"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="map-arrow is-error" />
        </marker>
      </defs>
      <g className="map-edges">
        {edges.map(({ edge, key, geometry }) => {
          const error = isErrorTinted(edge.errorRate);
          const active = key === focusKey || touches(edge);
          return (
            <g
              key={key}
              className={`map-edge${error ? ' is-error' : ''}${active ? ' is-active' : ''}${key === selectedKey ? ' is-selected' : ''}${neighbours !== undefined && !touches(edge) ? ' is-dimmed' : ''}`}
              onMouseEnter={() => hover(key, edge)}
              onMouseLeave={() => hover(undefined, undefined)}
              onClick={() => onSelectEdge(key === selectedKey ? undefined : edge)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' && event.key !== ' ') return;
                event.preventDefault();
                onSelectEdge(key === selectedKey ? undefined : edge);
              }}
              onFocus={() => hover(key, edge)}
              onBlur={() => hover(undefined, undefined)}
              tabIndex={0}
              role="button"
              aria-pressed={key === selectedKey}
              aria-label={`${nodeName(edge.source)} to ${nodeName(edge.target)}: ${edgeLabel(edge)}`}
              data-edge={key}
            >
              <path className="map-edge-hit" d={geometry.path} />
              <path className="map-edge-line" d={geometry.path} markerEnd={`url(#${error ? 'map-arrow-error' : 'map-arrow'})`} />
            </g>
          );
        })}
      </g>
      <g className="map-nodes">
        {map.nodes.map((node) => {
          const place = layout.nodes.get(node.id);
          if (place === undefined) return null;
          return (
            <MapNode
              key={node.id}
              node={node}
              place={place}
              rangeSeconds={rangeSeconds}
              dimmed={neighbours !== undefined && !neighbours.has(node.id)}
              onOpen={node.kind === 'service' ? () => onOpenService(node.name) : undefined}
              onHover={setHoverNode}
            />
          );
        })}
      </g>
      <g className="map-labels" aria-hidden="true">
        {edges.map(({ edge, key, geometry }) =>
          showLabel(key, edge) ? (
            <text
              key={key}
              className={`map-edge-label${isErrorTinted(edge.errorRate) ? ' is-error' : ''}${neighbours !== undefined && !touches(edge) ? ' is-dimmed' : ''}`}
              x={geometry.labelX}
              y={geometry.labelY}
              textAnchor="middle"
            >
              {edgeLabel(edge)}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
}
