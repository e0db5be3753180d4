import type { Span } from '@sightline/contract';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { collapseFromDepth, expandTo, toggleCollapsed, waterfallRows, type WaterfallModel } from '../trace/waterfall-layout.ts';
import { RulerGrid, TimeRuler } from './TimeRuler.tsx';
import { WaterfallRow } from './WaterfallRow.tsx';

export interface WaterfallProps {
  readonly model: WaterfallModel;
  readonly spans: readonly Span[];
  readonly colors: ReadonlyMap<string, string>;
  readonly selected: number | undefined;
  readonly onSelect: (span: number | undefined) => void;
}

const ROW_HEIGHT = 24;

/**
 * The span tree as rows with time bars. Only the rows in view are in the DOM, so 10,000-span traces
 * scroll smoothly. Keyboard: ↑/↓ move, ←/→ collapse/expand (or go to parent/child), Home/End,
 * Space toggles, Escape clears the selection.
 */
export function Waterfall({ model, spans, colors, selected, onSelect }: WaterfallProps) {
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [showCritical, setShowCritical] = useState(true);

  useEffect(() => {
    if (selected !== undefined) setCollapsed((c) => expandTo(model.tree, c, selected));
  }, [selected, model]);

  const rows = useMemo(() => waterfallRows(model, collapsed), [model, collapsed]);
  const rowIndexOfSpan = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((row, i) => map.set(row.span, i));
    return map;
  }, [rows]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });

  const selectedRow = selected === undefined ? undefined : rowIndexOfSpan.get(selected);
  useEffect(() => {
    if (selectedRow !== undefined) virtualizer.scrollToIndex(selectedRow, { align: 'auto' });
  }, [selectedRow, virtualizer]);

  const toggle = useCallback((span: number) => setCollapsed((c) => toggleCollapsed(c, span)), []);
  const select = useCallback((span: number) => onSelect(span), [onSelect]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = selectedRow ?? -1;
    const row = rows[current];
    const go = (index: number): void => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (target !== undefined) onSelect(target.span);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(current + 1);
        break;
      case 'ArrowUp':
        go(current < 0 ? 0 : current - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'PageDown':
        go(current + 20);
        break;
      case 'PageUp':
        go(current - 20);
        break;
      case 'ArrowRight':
        if (row !== undefined && row.childCount > 0) {
          if (row.collapsed) toggle(row.span);
          else go(current + 1);
        }
        break;
      case 'ArrowLeft':
        if (row !== undefined) {
          if (row.childCount > 0 && !row.collapsed) toggle(row.span);
          else {
            const parent = model.tree.nodes[row.span]?.parent ?? -1;
            if (parent >= 0) onSelect(parent);
          }
        }
        break;
      case ' ':
      case 'Enter':
        if (row !== undefined && row.childCount > 0) toggle(row.span);
        break;
      case 'Escape':
        onSelect(undefined);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const allCollapsedCount = collapsed.size;
  return (
    <div className="waterfall">
      <div className="wf-toolbar" role="toolbar" aria-label="Waterfall">
        <button type="button" className="btn btn-small" onClick={() => setCollapsed(new Set())} disabled={allCollapsedCount === 0}>
          Expand all
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setCollapsed(collapseFromDepth(model.tree, 1))}
          title="Keep the root spans and their children open"
        >
          Collapse all
        </button>
        <label className="check">
          <input type="checkbox" checked={showCritical} onChange={(e) => setShowCritical(e.target.checked)} />
          Critical path
        </label>
        <span className="muted small">
          {rows.length.toLocaleString()} of {spans.length.toLocaleString()} spans shown · ↑↓ ←→ to move, Space to fold
        </span>
      </div>
      <div className="wf-head" aria-hidden="true">
        <div className="wf-name">Service · operation</div>
        <div className="wf-timeline">
          <TimeRuler fromNs={0} toNs={model.tree.durationNs} />
        </div>
      </div>
      <div
        ref={scrollRef}
        className="wf-scroll"
        role="tree"
        aria-label="Spans"
        tabIndex={0}
        aria-activedescendant={selected === undefined || selectedRow === undefined ? undefined : `${id}-row-${selected}`}
        onKeyDown={onKeyDown}
      >
        <div className="wf-canvas" style={{ height: virtualizer.getTotalSize() }}>
          <div className="wf-grid-layer">
            <div className="wf-name" />
            <div className="wf-timeline">
              <RulerGrid fromNs={0} toNs={model.tree.durationNs} />
            </div>
          </div>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const span = row === undefined ? undefined : spans[row.span];
            if (row === undefined || span === undefined) return null;
            return (
              <WaterfallRow
                key={row.span}
                id={`${id}-row-${row.span}`}
                row={row}
                span={span}
                color={colors.get(span.serviceName) ?? '#888888'}
                selected={row.span === selected}
                showCritical={showCritical}
                traceStartNs={model.tree.traceStartNs}
                traceDurationNs={model.tree.durationNs}
                top={item.start}
                height={ROW_HEIGHT}
                onSelect={select}
                onToggle={toggle}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
