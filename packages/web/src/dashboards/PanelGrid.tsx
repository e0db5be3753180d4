import type { Panel } from '@sightline/contract';
import { useMemo, type CSSProperties } from 'react';
import type { DashboardScope } from './dashboards-api.ts';
import { layoutPanels } from './panel-grid.ts';
import { PANEL_RENDERERS } from './panel-renderers.tsx';

/** The panels in rows of a 12-column grid (one column on narrow screens). */
export function PanelGrid({
  panels,
  scope,
  variables,
  onZoom,
}: {
  readonly panels: readonly Panel[];
  readonly scope: DashboardScope;
  readonly variables: Readonly<Record<string, string>>;
  readonly onZoom: (startMs: number, endMs: number) => void;
}) {
  const rows = useMemo(() => layoutPanels(panels), [panels]);
  return (
    <div className="dash-grid">
      {rows.map((row, r) => (
        <div className="dash-row" key={row.items.map((item) => item.panel.id).join('|') || String(r)}>
          {row.items.map(({ panel, column, span }) => {
            const Renderer = PANEL_RENDERERS[panel.type];
            const style = { '--dash-col': column, '--dash-span': span } as CSSProperties;
            return (
              <div className="dash-cell" style={style} key={panel.id}>
                <Renderer panel={panel} scope={scope} variables={variables} onZoom={onZoom} />
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
