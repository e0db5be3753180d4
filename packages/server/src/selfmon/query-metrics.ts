import { Counter, Histogram, type Registry } from 'prom-client';

/** Codes of reads stopped by a guardrail or the concurrency cap (the rest are results or faults). */
const GUARDRAIL_CODES = new Set(['QUERY_MEMORY_LIMIT', 'QUERY_TOO_MUCH_DATA', 'QUERY_TIMEOUT', 'QUERY_BUSY']);

/**
 * API read latency by outcome, and guardrail hits by code: `sightline_query_seconds{outcome}`,
 * `sightline_query_guardrail_hits_total{code}`. Fits storage's QueryObserver.
 */
export function createQueryMetrics(registry: Registry): { observe(seconds: number, outcome: string): void } {
  const latency = new Histogram({
    name: 'sightline_query_seconds',
    help: 'API reads by outcome (ok, or the error code).',
    labelNames: ['outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const hits = new Counter({ name: 'sightline_query_guardrail_hits_total', help: 'Reads stopped by a guardrail or the concurrency cap.', labelNames: ['code'], registers: [registry] });
  return {
    observe(seconds: number, outcome: string): void {
      latency.observe({ outcome: GUARDRAIL_CODES.has(outcome) || outcome === 'ok' ? outcome : 'error' }, seconds);
      if (GUARDRAIL_CODES.has(outcome)) hits.inc({ code: outcome });
    },
  };
}
