import type { ServiceMapNode } from '@sightline/contract';
import type { KeyboardEvent } from 'react';
import { hashServiceColor } from '../trace/service-colors.ts';
import { NODE_HEIGHT as H, NODE_WIDTH as W, type PlacedNode } from './map-layout.ts';
import { isErrorTinted, KIND_LABEL, nodeDetail, truncateLabel } from './map-view.ts';

const E = 7; // the cylinder's ellipse height

/** The outline of each kind: services rounded boxes, databases cylinders, messaging arrows, external hosts pills. */
function Shape({ kind }: { readonly kind: ServiceMapNode['kind'] }) {
  switch (kind) {
    case 'service':
      return <rect className="map-shape" width={W} height={H} rx={8} />;
    case 'database':
      return (
        <>
          <path className="map-shape" d={`M0,${E} A${W / 2},${E} 0 0 1 ${W},${E} V${H - E} A${W / 2},${E} 0 0 1 0,${H - E} Z`} />
          <path className="map-shape-line" d={`M0,${E} A${W / 2},${E} 0 0 0 ${W},${E}`} />
        </>
      );
    case 'messaging':
      return <path className="map-shape" d={`M12,0 H${W - 12} L${W},${H / 2} L${W - 12},${H} H12 L0,${H / 2} Z`} />;
    case 'external':
      return <rect className="map-shape map-shape-external" width={W} height={H} rx={H / 2} />;
  }
}

export interface MapNodeProps {
  readonly node: ServiceMapNode;
  readonly place: PlacedNode;
  readonly rangeSeconds: number;
  readonly dimmed: boolean;
  readonly onOpen?: () => void;
  readonly onHover: (id: string | undefined) => void;
}

/** One node of the service map; a service node opens its page on click or Enter. */
export function MapNode({ node, place, rangeSeconds, dimmed, onOpen, onHover }: MapNodeProps) {
  const detail = nodeDetail(node, rangeSeconds);
  const tinted = isErrorTinted(node.errorRate);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    if (onOpen !== undefined && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onOpen();
    }
  };
  const textX = node.kind === 'messaging' ? 18 : 14;
  return (
    <g
      className={`map-node map-${node.kind}${tinted ? ' is-error' : ''}${dimmed ? ' is-dimmed' : ''}${onOpen === undefined ? '' : ' is-link'}`}
      transform={`translate(${place.x},${place.y})`}
      role={onOpen === undefined ? 'img' : 'link'}
      tabIndex={onOpen === undefined ? undefined : 0}
      aria-label={`${KIND_LABEL[node.kind]} ${node.name}: ${detail}`}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      onMouseEnter={() => onHover(node.id)}
      onMouseLeave={() => onHover(undefined)}
      data-node={node.id}
    >
      <title>{`${node.name}\n${detail}`}</title>
      <Shape kind={node.kind} />
      {node.kind === 'service' && (
        <rect className="map-service-bar" x={4} y={7} width={4} height={H - 14} rx={2} style={{ fill: hashServiceColor(node.name) }} />
      )}
      <text className="map-node-name" x={textX} y={node.kind === 'database' ? 25 : 22}>
        {truncateLabel(node.name, 26)}
      </text>
      <text className="map-node-detail" x={textX} y={node.kind === 'database' ? 40 : 38}>
        {truncateLabel(detail, 32)}
      </text>
    </g>
  );
}
