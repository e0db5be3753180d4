/** Draws the visible part of a flame layout on a canvas (no React; called on scroll, resize and changes). */

import type { Span } from '@sightline/contract';
import type { FlameLayout } from '../trace/flamegraph-layout.ts';
import { textColorOn } from '../trace/service-colors.ts';

export const FLAME_ROW_HEIGHT = 20;
const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const CHAR_WIDTH = 6.2;

export interface FlameView {
  /** The visible window as fractions of the trace duration. */
  readonly from: number;
  readonly to: number;
}

export interface FlameDrawInput {
  readonly canvas: HTMLCanvasElement;
  readonly width: number;
  readonly height: number;
  readonly scrollTop: number;
  readonly layout: FlameLayout;
  readonly spans: readonly Span[];
  readonly colors: ReadonlyMap<string, string>;
  readonly view: FlameView;
  readonly selected: number | undefined;
  readonly theme: { readonly background: string; readonly outline: string; readonly danger: string };
}

/** x position (CSS px) of a trace fraction in the view. */
export function toX(fraction: number, view: FlameView, width: number): number {
  return ((fraction - view.from) / Math.max(1e-12, view.to - view.from)) * width;
}

export function drawFlame(input: FlameDrawInput): void {
  const { canvas, width, height, scrollTop, layout, spans, colors, view, selected, theme } = input;
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';

  const firstRow = Math.max(0, Math.floor(scrollTop / FLAME_ROW_HEIGHT));
  const lastRow = Math.min(layout.rowCount - 1, Math.ceil((scrollTop + height) / FLAME_ROW_HEIGHT));
  let selectedBox: [number, number, number] | undefined;
  for (let row = firstRow; row <= lastRow; row++) {
    const y = row * FLAME_ROW_HEIGHT - scrollTop;
    for (const frameIndex of layout.rows[row] ?? []) {
      const frame = layout.frames[frameIndex];
      const span = frame === undefined ? undefined : spans[frame.span];
      if (frame === undefined || span === undefined) continue;
      const x0 = toX(frame.offset, view, width);
      const x1 = toX(frame.offset + frame.width, view, width);
      if (x1 < 0 || x0 > width) continue;
      const left = Math.max(0, x0);
      const w = Math.max(1, Math.min(width, x1) - left);
      const color = colors.get(span.serviceName) ?? '#888888';
      ctx.fillStyle = color;
      ctx.fillRect(left, y + 1, w, FLAME_ROW_HEIGHT - 2);
      if (span.status.code === 2) {
        ctx.fillStyle = theme.danger;
        ctx.fillRect(left, y + FLAME_ROW_HEIGHT - 5, w, 3);
      }
      if (w > 24) {
        const maxChars = Math.floor((w - 8) / CHAR_WIDTH);
        const label = span.name.length > maxChars ? `${span.name.slice(0, Math.max(1, maxChars - 1))}…` : span.name;
        ctx.fillStyle = textColorOn(color);
        ctx.fillText(label, left + 4, y + FLAME_ROW_HEIGHT / 2 - 1);
      }
      if (frame.span === selected) selectedBox = [left, y, w];
    }
  }
  if (selectedBox !== undefined) {
    const [left, y, w] = selectedBox;
    ctx.strokeStyle = theme.outline;
    ctx.lineWidth = 2;
    ctx.strokeRect(left + 1, y + 1, Math.max(1, w - 2), FLAME_ROW_HEIGHT - 2);
  }
}

/** The frame under a point (CSS px in the canvas), if any. */
export function frameAt(layout: FlameLayout, view: FlameView, width: number, x: number, yInContent: number): number | undefined {
  const row = Math.floor(yInContent / FLAME_ROW_HEIGHT);
  for (const frameIndex of layout.rows[row] ?? []) {
    const frame = layout.frames[frameIndex];
    if (frame === undefined) continue;
    const x0 = toX(frame.offset, view, width);
    const x1 = Math.max(x0 + 1, toX(frame.offset + frame.width, view, width));
    if (x >= x0 - 0.5 && x <= x1 + 0.5) return frameIndex;
  }
  return undefined;
}
