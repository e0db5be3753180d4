import { mergeLatency, type LatencyMap } from '../apm/latency-map.ts';
import type { MergedMeasures } from '../apm/red-from-maps.ts';

/** Aggregate measures added up in JS (distributions merge exactly). */
export class MeasuresSum implements MergedMeasures {
  calls = 0;
  errors = 0;
  durationSumNs = 0;
  durationMinNs = Number.POSITIVE_INFINITY;
  durationMaxNs = 0;
  readonly latency: LatencyMap = new Map();
  readonly errorLatency: LatencyMap = new Map();

  add(measures: MergedMeasures): this {
    if (measures.calls === 0) return this;
    this.calls += measures.calls;
    this.errors += measures.errors;
    this.durationSumNs += measures.durationSumNs;
    this.durationMinNs = Math.min(this.durationMinNs, measures.durationMinNs);
    this.durationMaxNs = Math.max(this.durationMaxNs, measures.durationMaxNs);
    mergeLatency(this.latency, measures.latency);
    mergeLatency(this.errorLatency, measures.errorLatency);
    return this;
  }
}
