import { Counter, Gauge, type Registry } from 'prom-client';

/** Signals whose newest stored row's age is measured. */
export const AGED_SIGNALS = ['spans', 'logs', 'metrics'] as const;
export type AgedSignal = (typeof AGED_SIGNALS)[number];

/** Why one interval's own metrics were not written. */
export type SkipReason = 'overloaded' | 'store_failed' | 'busy' | 'collect_failed';

/** The measurements self-monitoring adds to the process's registry. */
export class SelfMonitoringMetrics {
  readonly eventLoopLagP99: Gauge;
  readonly eventLoopLagMax: Gauge;
  readonly newestRowAge: Gauge<'signal'>;
  readonly skipped: Counter<'reason'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.eventLoopLagP99 = new Gauge({
      name: 'sightline_selfmon_event_loop_lag_p99_seconds',
      help: '99th percentile of the event-loop delay over the last self-monitoring interval.',
      registers,
    });
    this.eventLoopLagMax = new Gauge({
      name: 'sightline_selfmon_event_loop_lag_max_seconds',
      help: 'Longest event-loop delay over the last self-monitoring interval.',
      registers,
    });
    this.newestRowAge = new Gauge({
      name: 'sightline_selfmon_newest_row_age_seconds',
      help: "Seconds since the time of the newest stored row per signal (Sightline's own rows left out); absent when none is recent.",
      labelNames: ['signal'],
      registers,
    });
    this.skipped = new Counter({
      name: 'sightline_selfmon_skipped_total',
      help: 'Self-monitoring intervals whose own metrics were not written (store overloaded or failed, previous interval still running, registry read failed).',
      labelNames: ['reason'],
      registers,
    });
  }
}
