/** A dashboard's panels laid out in rows of a 12-column grid, in the order written. Pure. */

export const GRID_COLUMNS = 12;

export interface GridItem<P> {
  readonly panel: P;
  /** First column (1-based) and width in columns. */
  readonly column: number;
  readonly span: number;
}

export interface GridRow<P> {
  readonly items: readonly GridItem<P>[];
}

/** Widths outside 1..12 (hand-written JSON) are clamped; a panel that does not fit the row starts the next one. */
export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return GRID_COLUMNS;
  return Math.min(GRID_COLUMNS, Math.max(1, Math.round(width)));
}

export function layoutPanels<P extends { readonly width: number }>(panels: readonly P[]): GridRow<P>[] {
  const rows: GridRow<P>[] = [];
  let current: GridItem<P>[] = [];
  let used = 0;
  for (const panel of panels) {
    const span = clampWidth(panel.width);
    if (used + span > GRID_COLUMNS && current.length > 0) {
      rows.push({ items: current });
      current = [];
      used = 0;
    }
    current.push({ panel, column: used + 1, span });
    used += span;
  }
  if (current.length > 0) rows.push({ items: current });
  return rows;
}
