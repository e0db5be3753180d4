/**
 * A rule's timeline: per instance (one group of labels), the spans of time it was pending, firing or
 * resolved within the range, from its transitions. Inactive time is left out (drawn as empty). Pure.
 */

import type { AlertInstance, AlertSeverity, AlertState, AlertTransition } from '@sightline/contract';
import { groupName } from './preview-chart.ts';

export interface TimelineSegment {
  readonly startMs: number;
  readonly endMs: number;
  readonly state: Exclude<AlertState, 'inactive'>;
  readonly severity: AlertSeverity | null;
}

export interface TimelineStrip {
  readonly fingerprint: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly name: string;
  readonly segments: readonly TimelineSegment[];
}

interface Range {
  readonly startMs: number;
  readonly endMs: number;
}

function segmentsOf(transitions: readonly AlertTransition[], range: Range): TimelineSegment[] {
  const ordered = [...transitions].sort((a, b) => a.atMs - b.atMs);
  const first = ordered[0];
  if (first === undefined) return [];
  const segments: TimelineSegment[] = [];
  let state: AlertState = first.from;
  let severity = first.severity;
  let cursor = range.startMs;
  const close = (endMs: number): void => {
    if (state === 'inactive' || endMs <= cursor) return;
    const previous = segments.at(-1);
    if (previous !== undefined && previous.endMs === cursor && previous.state === state && previous.severity === severity)
      segments[segments.length - 1] = { ...previous, endMs };
    else segments.push({ startMs: cursor, endMs, state, severity });
  };
  for (const transition of ordered) {
    if (transition.atMs >= range.endMs) break;
    if (transition.atMs > cursor) {
      close(transition.atMs);
      cursor = transition.atMs;
    }
    state = transition.to;
    severity = transition.severity;
  }
  close(range.endMs);
  return segments;
}

/**
 * One strip per instance with transitions in the range, plus instances that have been pending or
 * firing since before it (no transition inside, active all along). Sorted by their labels.
 */
export function timelineStrips(transitions: readonly AlertTransition[], range: Range, instances: readonly AlertInstance[] = []): TimelineStrip[] {
  const byInstance = new Map<string, AlertTransition[]>();
  for (const t of transitions) {
    const list = byInstance.get(t.fingerprint);
    if (list === undefined) byInstance.set(t.fingerprint, [t]);
    else list.push(t);
  }
  const strips: TimelineStrip[] = [];
  for (const [fingerprint, list] of byInstance) {
    const labels = list[0]?.labels ?? {};
    strips.push({ fingerprint, labels, name: groupName(labels), segments: segmentsOf(list, range) });
  }
  for (const instance of instances) {
    if (byInstance.has(instance.fingerprint)) continue;
    if (instance.state !== 'pending' && instance.state !== 'firing') continue;
    if (instance.activeSinceMs <= 0 || instance.activeSinceMs > range.startMs) continue;
    const segment: TimelineSegment = { startMs: range.startMs, endMs: range.endMs, state: instance.state, severity: instance.severity };
    strips.push({ fingerprint: instance.fingerprint, labels: instance.labels, name: groupName(instance.labels), segments: [segment] });
  }
  return strips.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Where a segment sits on a strip spanning the range, in percent. */
export function segmentBox(segment: TimelineSegment, range: Range): { readonly leftPct: number; readonly widthPct: number } {
  const span = Math.max(1, range.endMs - range.startMs);
  const left = Math.max(0, segment.startMs - range.startMs) / span;
  const right = Math.min(span, segment.endMs - range.startMs) / span;
  return { leftPct: left * 100, widthPct: Math.max(0, right - left) * 100 };
}
