/** A panel's values as text in its unit (`PanelUnit`). Pure. */

import type { PanelUnit } from '@sightline/contract';
import { formatLatencyMs } from '../format/apm-numbers.ts';
import { formatBytes } from '../hosts/hosts-view.ts';

const DASH = '–';
const SI = [
  { limit: 1e12, divisor: 1e12, suffix: 'T' },
  { limit: 1e9, divisor: 1e9, suffix: 'G' },
  { limit: 1e6, divisor: 1e6, suffix: 'M' },
  { limit: 1e4, divisor: 1e3, suffix: 'k' },
];

/** Three significant digits; from 10,000 with k, M, G, T (`12.3k`, `4.56M`); small values keep their digits (`0.0123`). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  const magnitude = Math.abs(value);
  for (const unit of SI) {
    if (magnitude >= unit.limit) return `${String(Number((value / unit.divisor).toPrecision(3)))}${unit.suffix}`;
  }
  if (magnitude >= 100) return String(Math.round(value));
  if (magnitude === 0) return '0';
  return String(Number(value.toPrecision(3)));
}

/** A percentage given in percent (0..100, or more for several cores): `12.5%`, `7.25%`, `100%`. */
function percentText(percent: number): string {
  const magnitude = Math.abs(percent);
  const decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return `${String(Number(percent.toFixed(decimals)))}%`;
}

/** Negative sizes only come from formulas; they keep their sign. */
function signedBytes(value: number): string {
  return value < 0 ? `-${formatBytes(-value)}` : formatBytes(value);
}

function signedDuration(ms: number): string {
  return ms < 0 ? `-${formatLatencyMs(-ms)}` : formatLatencyMs(ms);
}

const FORMATS: Readonly<Record<PanelUnit, (value: number) => string>> = {
  none: formatNumber,
  count: formatNumber,
  percent: percentText,
  ratio: (value) => percentText(value * 100),
  bytes: signedBytes,
  bytes_per_second: (value) => `${signedBytes(value)}/s`,
  per_second: (value) => `${formatNumber(value)}/s`,
  seconds: (value) => signedDuration(value * 1000),
  milliseconds: signedDuration,
};

export function formatPanelValue(unit: PanelUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return FORMATS[unit](value);
}

/** The unit's formatter, for chart axes and legends. */
export function panelFormatter(unit: PanelUnit): (value: number) => string {
  return (value) => formatPanelValue(unit, value);
}
