import type { SpanMetricGroup } from '../../src/signals/span-metrics.ts';
import { metricGroup, seededRandom } from './apm-metric-rows.ts';

/**
 * Span metrics for the APM services tests, kept as the individual spans they stand for so every
 * expected number is computed from the same ground truth the aggregate rows were built from.
 */
export interface FakeSpan {
  readonly minute: number;
  readonly service: string;
  readonly operation: string;
  readonly spanKind: number;
  readonly isEntry: boolean;
  readonly environment: string;
  readonly durationMs: number;
  readonly error: boolean;
}

const HOUR = 3600;
/** Six whole hours ago: recent (rows older than retention expire at once) and hour-aligned. */
export const H0 = Math.floor(Date.now() / 1000 / HOUR) * HOUR - 6 * HOUR;
export const DATA_MINUTES = 300;
export const OVERFLOW = '__overflow__';

/** Durations within 1.5% of these (T and 4T for T = 100, 400 and 500 ms) would make apdex depend on bucket edges. */
const APDEX_EDGES = [100, 400, 500, 1600, 2000];

function durationFrom(random: () => number, minMs: number, maxMs: number): number {
  for (;;) {
    const ms = Math.round(minMs * (maxMs / minMs) ** random() * 1000) / 1000;
    if (APDEX_EDGES.every((edge) => Math.abs(ms - edge) > edge * 0.015)) return ms;
  }
}

function span(minute: number, service: string, operation: string, fields: Partial<FakeSpan> & { durationMs: number }): FakeSpan {
  return { minute, service, operation, spanKind: 2, isEntry: true, environment: 'prod', error: false, ...fields };
}

/** Every span of the scenario: checkout (prod), payments (staging), overflow, and a quiet legacy service. */
export function scenarioSpans(): FakeSpan[] {
  const random = seededRandom(42);
  const spans: FakeSpan[] = [];
  for (let index = 0; index < DATA_MINUTES; index++) {
    const minute = H0 + index * 60;
    // Minutes without checkout requests leave gaps (null steps) in the series.
    const requests = index % 17 === 5 ? 0 : 3 + (index % 5);
    for (let n = 0; n < requests; n++) {
      spans.push(span(minute, 'checkout', 'GET /cart', { durationMs: durationFrom(random, 5, 3000), error: n === 0 && index % 4 === 0 }));
    }
    for (let n = 0; n < 2; n++) {
      spans.push(span(minute, 'checkout', 'SELECT cart', { spanKind: 3, isEntry: false, durationMs: durationFrom(random, 1, 20) }));
    }
    if (index % 2 === 1) {
      for (let n = 0; n < 2; n++) {
        spans.push(span(minute, 'payments', 'POST /pay', { environment: 'staging', durationMs: durationFrom(random, 20, 800), error: n === 1 }));
      }
    }
    if (index >= 100 && index < 110) spans.push(span(minute, OVERFLOW, OVERFLOW, { durationMs: 30 }));
    if (index >= 200 && index < 205) spans.push(span(minute, 'checkout', OVERFLOW, { durationMs: 50 }));
  }
  spans.push(span(H0 - 2 * 24 * HOUR, 'legacy', 'GET /old', { durationMs: 12 }));
  return spans;
}

function keyOf(s: FakeSpan): string {
  return JSON.stringify([s.minute, s.service, s.operation, s.spanKind, s.isEntry, s.environment]);
}

/**
 * The spans as per-minute aggregate rows, in two insert batches: groups with more than three spans
 * are split across both, as when one minute's spans arrive in several requests (partial rows).
 */
export function scenarioBatches(spans: readonly FakeSpan[]): [SpanMetricGroup[], SpanMetricGroup[]] {
  const byKey = new Map<string, FakeSpan[]>();
  for (const s of spans) byKey.set(keyOf(s), [...(byKey.get(keyOf(s)) ?? []), s]);
  const first: SpanMetricGroup[] = [];
  const second: SpanMetricGroup[] = [];
  const group = (part: readonly FakeSpan[]): SpanMetricGroup => {
    const [head] = part as [FakeSpan];
    return metricGroup(head, part.map((s) => s.durationMs), part.filter((s) => s.error).length);
  };
  for (const members of byKey.values()) {
    if (members.length > 3) {
      first.push(group(members.slice(0, 2)));
      second.push(group(members.slice(2)));
    } else {
      first.push(group(members));
    }
  }
  return [first, second];
}

export interface Expected {
  readonly calls: number;
  readonly errors: number;
  readonly durations: number[];
  /** Durations of the spans that did not fail. */
  readonly okDurations: number[];
}

/** Spans of [startS, endS) that satisfy `keep`. */
export function expectedOf(spans: readonly FakeSpan[], startS: number, endS: number, keep: (s: FakeSpan) => boolean): Expected {
  const chosen = spans.filter((s) => s.minute >= startS && s.minute < endS && keep(s));
  return {
    calls: chosen.length,
    errors: chosen.filter((s) => s.error).length,
    durations: chosen.map((s) => s.durationMs),
    okDurations: chosen.filter((s) => !s.error).map((s) => s.durationMs),
  };
}

/** Exact apdex for threshold T (ms): failed spans are frustrated whatever their duration. */
export function exactApdex(expected: Pick<Expected, 'durations' | 'okDurations'>, thresholdMs: number): number {
  const satisfied = expected.okDurations.filter((d) => d <= thresholdMs).length;
  const tolerating = expected.okDurations.filter((d) => d > thresholdMs && d <= 4 * thresholdMs).length;
  return (satisfied + tolerating / 2) / expected.durations.length;
}
