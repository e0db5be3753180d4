/** The apdex threshold as typed (`500`, `250ms`, `1.5s`) checked against the API's bounds. Pure. */

import { parseDurationText } from '../format/duration.ts';

/** The API's upper bound for a threshold (10 minutes). */
export const MAX_APDEX_THRESHOLD_MS = 600_000;

export type ApdexInput = { readonly ok: true; readonly thresholdMs: number } | { readonly ok: false; readonly problem: string };

export function parseApdexThreshold(text: string): ApdexInput {
  const ns = parseDurationText(text);
  if (ns === undefined) return { ok: false, problem: 'Use a duration like 500, 250ms or 1.5s' };
  const thresholdMs = Number(ns) / 1e6;
  if (thresholdMs <= 0) return { ok: false, problem: 'Must be above 0' };
  if (thresholdMs > MAX_APDEX_THRESHOLD_MS) return { ok: false, problem: 'At most 10 minutes' };
  return { ok: true, thresholdMs };
}
