import { Counter, Gauge, type Registry } from 'prom-client';
import type { CapDimension } from './cardinality-limiter.ts';

const DIMENSIONS: readonly CapDimension[] = ['service', 'operation', 'dependency'];

/** Self-metrics of the APM cardinality caps. Service labels are bounded: only tracked names reach them. */
export class ApmOverflowMetrics {
  readonly overflowSpans: Counter<'dimension' | 'service'>;

  constructor(registry: Registry, trackedNames: () => Record<CapDimension, number>) {
    const registers = [registry];
    this.overflowSpans = new Counter({
      name: 'sightline_apm_overflow_spans_total',
      help: 'Spans (or dependency calls) aggregated under __overflow__ because a cardinality cap was reached.',
      labelNames: ['dimension', 'service'],
      registers,
    });
    new Gauge({
      name: 'sightline_apm_tracked_names',
      help: 'Names tracked by the APM cardinality caps in the current window (operations and dependencies summed over services).',
      labelNames: ['dimension'],
      registers,
      collect() {
        const counts = trackedNames();
        for (const dimension of DIMENSIONS) this.set({ dimension }, counts[dimension]);
      },
    });
  }
}
