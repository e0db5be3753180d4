import type { ApmAlertQuery } from '@sightline/contract';

export type ApmMeasure = ApmAlertQuery['measure'];

/** What one group's aggregate rows of one step merge to (latencies in ms, null without calls or when not read). */
export interface ApmStepMeasures {
  readonly calls: number;
  readonly errors: number;
  readonly avgMs: number | null;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

/** Measures that are counts (or rates of counts): a step without spans is a true zero. */
const COUNT_MEASURES: ReadonlySet<ApmMeasure> = new Set<ApmMeasure>(['request_rate', 'span_count', 'error_count']);

export function isCountMeasure(measure: ApmMeasure): boolean {
  return COUNT_MEASURES.has(measure);
}

/** Whether the measure needs the latency distributions (the bulk of the aggregate rows' bytes). */
export function needsLatency(measure: ApmMeasure): boolean {
  return measure.startsWith('latency_');
}

/**
 * A measure's value at a step, as the APM API states it: calls per second of the step's time inside
 * the range (`secondsInStep`), error rate as a percentage of calls, latencies in ms; null where the
 * measure has no value (an error rate or latency without calls).
 */
export function apmMeasureValue(measure: ApmMeasure, measures: ApmStepMeasures, secondsInStep: number): number | null {
  const { calls, errors } = measures;
  switch (measure) {
    case 'request_rate':
      return secondsInStep > 0 ? calls / secondsInStep : null;
    case 'span_count':
      return calls;
    case 'error_count':
      return errors;
    case 'error_rate':
      return calls > 0 ? (errors / calls) * 100 : null;
    case 'latency_avg':
      return calls > 0 ? measures.avgMs : null;
    case 'latency_p50':
      return calls > 0 ? measures.p50Ms : null;
    case 'latency_p95':
      return calls > 0 ? measures.p95Ms : null;
    case 'latency_p99':
      return calls > 0 ? measures.p99Ms : null;
  }
}

/**
 * Which aggregates answer the query. A service's requests (entry-point spans: what the APM services
 * table and service charts count) come from the per-service rollup; `span_count`, one operation, or
 * a group per operation need the per-operation aggregates, which hold every span of every kind (as
 * the APM operations table and operation charts count them).
 */
export function apmSourceOf(query: Pick<ApmAlertQuery, 'measure' | 'operation' | 'groupBy'>): 'service' | 'span' {
  if (query.measure === 'span_count' || query.operation !== undefined || query.groupBy.includes('operation')) return 'span';
  return 'service';
}
