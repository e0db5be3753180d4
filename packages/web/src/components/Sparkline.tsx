import { sparklineArea, sparklinePoints } from '../charts/sparkline-path.ts';

export interface SparklineProps {
  /** The main line (e.g. requests per step), drawn as a filled area. */
  readonly values: readonly number[];
  /** An optional second line on the same scale (e.g. errors), drawn red. */
  readonly errors?: readonly number[];
  readonly width?: number;
  readonly height?: number;
  /** What it shows, for screen readers and the tooltip. */
  readonly label: string;
}

/** A small inline chart for table cells (SVG, theme colours from CSS). */
export function Sparkline({ values, errors, width = 110, height = 24, label }: SparklineProps) {
  const box = { width, height, max: Math.max(0, ...values, ...(errors ?? [])), pad: 1.5 };
  const hasErrors = errors !== undefined && errors.some((e) => e > 0);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <title>{label}</title>
      <path className="sparkline-area" d={sparklineArea(values, box)} />
      <polyline className="sparkline-line" points={sparklinePoints(values, box)} />
      {hasErrors && <polyline className="sparkline-errors" points={sparklinePoints(errors, box)} />}
    </svg>
  );
}
