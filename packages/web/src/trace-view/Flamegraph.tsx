import type { Span } from '@sightline/contract';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { cssVar, useTheme } from '../app/theme-context.tsx';
import { formatDurationNs } from '../format/duration.ts';
import { layoutFlamegraph } from '../trace/flamegraph-layout.ts';
import type { WaterfallModel } from '../trace/waterfall-layout.ts';
import { drawFlame, FLAME_ROW_HEIGHT, frameAt, type FlameView } from './flame-canvas.ts';
import { TimeRuler } from './TimeRuler.tsx';

export interface FlamegraphProps {
  readonly model: WaterfallModel;
  readonly spans: readonly Span[];
  readonly colors: ReadonlyMap<string, string>;
  readonly selected: number | undefined;
  readonly onSelect: (span: number | undefined) => void;
}

const FULL: FlameView = { from: 0, to: 1 };

/**
 * The trace as a time-ordered flame graph on a canvas: click selects, double-click (or Enter)
 * zooms into a span, Escape zooms out. Arrow keys walk parent/child/siblings.
 */
export function Flamegraph({ model, spans, colors, selected, onSelect }: FlamegraphProps) {
  const { theme } = useTheme();
  const layout = useMemo(() => layoutFlamegraph(model.tree), [model]);
  const frameOfSpan = useMemo(() => new Map(layout.frames.map((f, i) => [f.span, i])), [layout]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<FlameView>(FULL);
  const [hover, setHover] = useState<{ readonly frame: number; readonly x: number; readonly y: number } | undefined>();
  const frameRef = useRef(0);

  const draw = useCallback(() => {
    const scroll = scrollRef.current;
    const canvas = canvasRef.current;
    if (scroll === null || canvas === null) return;
    drawFlame({
      canvas,
      width: scroll.clientWidth,
      height: Math.min(scroll.clientHeight, Math.max(FLAME_ROW_HEIGHT, layout.rowCount * FLAME_ROW_HEIGHT)),
      scrollTop: scroll.scrollTop,
      layout,
      spans,
      colors,
      view,
      selected,
      theme: { background: cssVar('--surface', '#ffffff'), outline: cssVar('--text', '#000000'), danger: cssVar('--danger', '#c62828') },
    });
    // `theme` is a dependency so a theme switch redraws with the new colours.
  }, [layout, spans, colors, view, selected, theme]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frameRef.current);
    frameRef.current = requestAnimationFrame(draw);
  }, [draw]);

  useEffect(() => {
    schedule();
    const scroll = scrollRef.current;
    if (scroll === null) return undefined;
    const observer = new ResizeObserver(schedule);
    observer.observe(scroll);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frameRef.current);
    };
  }, [schedule]);

  useEffect(() => {
    const frame = selected === undefined ? undefined : layout.frames[frameOfSpan.get(selected) ?? -1];
    const scroll = scrollRef.current;
    if (frame === undefined || scroll === null) return;
    const top = frame.row * FLAME_ROW_HEIGHT;
    if (top < scroll.scrollTop || top + FLAME_ROW_HEIGHT > scroll.scrollTop + scroll.clientHeight) scroll.scrollTop = top - scroll.clientHeight / 2;
  }, [selected, layout, frameOfSpan]);

  const pointAt = (event: MouseEvent<HTMLCanvasElement>): number | undefined => {
    const scroll = scrollRef.current;
    if (scroll === null) return undefined;
    const rect = event.currentTarget.getBoundingClientRect();
    return frameAt(layout, view, scroll.clientWidth, event.clientX - rect.left, event.clientY - rect.top + scroll.scrollTop);
  };

  const zoomTo = (span: number | undefined): void => {
    const frame = span === undefined ? undefined : layout.frames[frameOfSpan.get(span) ?? -1];
    if (frame === undefined) return;
    const pad = frame.width * 0.02;
    setView({ from: Math.max(0, frame.offset - pad), to: Math.min(1, frame.offset + frame.width + pad + 1e-9) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const frame = selected === undefined ? undefined : layout.frames[frameOfSpan.get(selected) ?? -1];
    const node = selected === undefined ? undefined : model.tree.nodes[selected];
    const sibling = (delta: number): number | undefined => {
      if (frame === undefined) return layout.frames[0]?.span;
      const row = layout.rows[frame.row] ?? [];
      const at = row.indexOf(frameOfSpan.get(frame.span) ?? -1);
      return layout.frames[row[at + delta] ?? -1]?.span;
    };
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowUp':
        next = node === undefined ? layout.frames[0]?.span : node.parent >= 0 ? node.parent : undefined;
        break;
      case 'ArrowDown':
        next = node === undefined ? layout.frames[0]?.span : node.children[0];
        break;
      case 'ArrowLeft':
        next = sibling(-1);
        break;
      case 'ArrowRight':
        next = sibling(1);
        break;
      case 'Enter':
        zoomTo(selected);
        event.preventDefault();
        return;
      case 'Escape':
        if (view.from !== 0 || view.to !== 1) setView(FULL);
        else onSelect(undefined);
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next !== undefined) onSelect(next);
  };

  const hoverSpan = hover === undefined ? undefined : spans[layout.frames[hover.frame]?.span ?? -1];
  const durationNs = model.tree.durationNs;
  const zoomed = view.from !== 0 || view.to !== 1;

  return (
    <div className="flame">
      <div className="wf-toolbar" role="toolbar" aria-label="Flame graph">
        <button type="button" className="btn btn-small" disabled={!zoomed} onClick={() => setView(FULL)}>
          Reset zoom
        </button>
        <span className="muted small">Click to select · double-click or Enter to zoom · Esc to zoom out · arrows to move</span>
      </div>
      <div className="flame-ruler">
        <TimeRuler fromNs={view.from * durationNs} toNs={view.to * durationNs} target={8} />
      </div>
      <div className="flame-body">
        <div
          ref={scrollRef}
          className="flame-scroll"
          tabIndex={0}
          role="application"
          aria-label={`Flame graph of ${spans.length} spans in ${layout.rowCount} rows${selected === undefined ? '' : `; selected ${spans[selected]?.serviceName ?? ''} ${spans[selected]?.name ?? ''}`}`}
          onKeyDown={onKeyDown}
          onScroll={schedule}
        >
          <div style={{ height: Math.max(FLAME_ROW_HEIGHT, layout.rowCount * FLAME_ROW_HEIGHT), position: 'relative' }}>
            <canvas
              ref={canvasRef}
              className="flame-canvas"
              onMouseMove={(event) => {
                const frame = pointAt(event);
                const rect = event.currentTarget.getBoundingClientRect();
                setHover(frame === undefined ? undefined : { frame, x: event.clientX - rect.left, y: event.clientY - rect.top });
              }}
              onMouseLeave={() => setHover(undefined)}
              onClick={(event) => onSelect(layout.frames[pointAt(event) ?? -1]?.span)}
              onDoubleClick={(event) => zoomTo(layout.frames[pointAt(event) ?? -1]?.span)}
            />
          </div>
        </div>
        {hover !== undefined && hoverSpan !== undefined && (
          <div className="chart-tooltip flame-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} aria-hidden="true">
            <div className="strong">{hoverSpan.name}</div>
            <div>{hoverSpan.serviceName}</div>
            <div>
              {formatDurationNs(hoverSpan.durationNs)}
              {hoverSpan.status.code === 2 && <span className="text-danger"> · error</span>}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
