import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface EventLoopLag {
  /** 99th percentile of the event-loop delay since the previous sample, in seconds. */
  readonly p99Seconds: number;
  readonly maxSeconds: number;
}

/**
 * Event-loop delay over each self-monitoring interval. A histogram of its own: prom-client's default
 * `nodejs_eventloop_lag_*` gauges are reset by every reader of /metrics, so their window is not known.
 */
export class EventLoopLagMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.histogram.enable();
  }

  /** The delay since the previous sample (0 when no delay was measured yet); starts a new window. */
  sample(): EventLoopLag {
    const measured = this.histogram.count > 0;
    const lag = {
      p99Seconds: measured ? this.histogram.percentile(99) / 1e9 : 0,
      maxSeconds: measured ? this.histogram.max / 1e9 : 0,
    };
    this.histogram.reset();
    return lag;
  }

  stop(): void {
    this.histogram.disable();
  }
}
