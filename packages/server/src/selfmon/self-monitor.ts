import type { Registry } from 'prom-client';
import { AppError, ErrorCodes } from '../errors.ts';
import type { RowSink } from '../pipeline/row-sink.ts';
import { EventLoopLagMonitor } from './event-loop-lag.ts';
import { registryToPoints, type RegistryMetric } from './registry-points.ts';
import { AGED_SIGNALS, SelfMonitoringMetrics, type AgedSignal, type SkipReason } from './selfmon-metrics.ts';
import { SELF_SERVICE_NAME, selfResource, selfScope, type SelfIdentity } from './self-resource.ts';

/** What the newest-row reader is asked (main passes query/selfmon's readNewestRowTimes over the store). */
export interface NewestRowQuery {
  readonly window: { readonly startNs: bigint; readonly endNs: bigint };
  readonly excludeService: string;
  readonly excludeMetricPrefix: string;
}

export type NewestRowReader = (query: NewestRowQuery) => Promise<Readonly<Record<AgedSignal, bigint | undefined>>>;

export interface SelfMonitorOptions {
  readonly intervalSeconds: number;
  readonly newestRowLookbackHours: number;
}

export interface SelfMonitorDeps {
  /** The process's registry (the one /metrics serves); self-monitoring adds its gauges to it. */
  readonly registry: Registry;
  readonly sink: RowSink;
  readonly newestRowTimes: NewestRowReader;
  readonly identity: SelfIdentity;
  /** A failure of one part of an interval (the interval goes on without it). */
  readonly onError?: (message: string, error: unknown) => void;
  /** Unix milliseconds (tests). */
  readonly now?: () => number;
  /** Unix nanoseconds of the process's start: the start of every cumulative series. */
  readonly processStartNs?: bigint;
}

/** Every metric Sightline registers itself starts with this (the newest-row age of metrics leaves them out). */
export const SELF_METRIC_PREFIX = 'sightline_';

export type CollectOutcome = 'written' | SkipReason;

const MS_NS = 1_000_000n;

function processStartNs(): bigint {
  return BigInt(Math.round(performance.timeOrigin)) * MS_NS;
}

/**
 * Every interval: measures the event-loop delay and the newest stored rows, reads the registry
 * (what /metrics shows) and writes it as metric points through the RowSink, like any receiver. A
 * refused write is not retried: the counters are cumulative, so the next interval carries on; the
 * skip is counted. Its own writes are counted by the ingest metrics under `self_monitoring`, which
 * only shows up in the next snapshot (no write is caused by another).
 */
export class SelfMonitor {
  readonly metrics: SelfMonitoringMetrics;
  private readonly lag = new EventLoopLagMonitor();
  private readonly now: () => number;
  private readonly startNs: bigint;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<CollectOutcome> | undefined;

  constructor(
    private readonly options: SelfMonitorOptions,
    private readonly deps: SelfMonitorDeps,
  ) {
    this.metrics = new SelfMonitoringMetrics(deps.registry);
    this.now = deps.now ?? Date.now;
    this.startNs = deps.processStartNs ?? processStartNs();
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  /** Stops the timer and the event-loop measurement and waits for a running interval; idempotent. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.lag.stop();
    await this.running;
  }

  /** One interval now (the timer calls it; tests too). Never rejects. */
  collect(): Promise<CollectOutcome> {
    if (this.running !== undefined) {
      this.metrics.skipped.inc({ reason: 'busy' });
      return Promise.resolve('busy');
    }
    const running = this.collectOnce().finally(() => {
      this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private async tick(): Promise<void> {
    await this.collect();
  }

  private async collectOnce(): Promise<CollectOutcome> {
    const lag = this.lag.sample();
    this.metrics.eventLoopLagP99.set(lag.p99Seconds);
    this.metrics.eventLoopLagMax.set(lag.maxSeconds);
    await this.measureNewestRows();
    let points;
    try {
      const metrics: readonly RegistryMetric[] = await this.deps.registry.getMetricsAsJSON();
      const { identity } = this.deps;
      points = registryToPoints(metrics, {
        resource: selfResource(identity),
        scope: selfScope(identity.version),
        timeNs: BigInt(this.now()) * MS_NS,
        startTimeNs: this.startNs,
      });
    } catch (error) {
      this.deps.onError?.('self-monitoring: reading the metrics registry failed', error);
      this.metrics.skipped.inc({ reason: 'collect_failed' });
      return 'collect_failed';
    }
    try {
      await this.deps.sink.write('metrics', 'self_monitoring', points);
      return 'written';
    } catch (error) {
      const reason: SkipReason = error instanceof AppError && error.code === ErrorCodes.INGEST_OVERLOADED ? 'overloaded' : 'store_failed';
      this.metrics.skipped.inc({ reason });
      if (reason === 'store_failed') this.deps.onError?.('self-monitoring: writing own metrics failed', error);
      return reason;
    }
  }

  private async measureNewestRows(): Promise<void> {
    const nowNs = BigInt(this.now()) * MS_NS;
    const lookbackNs = BigInt(this.options.newestRowLookbackHours) * 3600n * 1_000_000_000n;
    try {
      const newest = await this.deps.newestRowTimes({
        // A little ahead of now: rows of senders whose clocks run slightly fast still count.
        window: { startNs: nowNs - lookbackNs, endNs: nowNs + 300n * 1_000_000_000n },
        excludeService: SELF_SERVICE_NAME,
        excludeMetricPrefix: SELF_METRIC_PREFIX,
      });
      for (const signal of AGED_SIGNALS) {
        const time = newest[signal];
        if (time === undefined) this.metrics.newestRowAge.remove({ signal });
        else this.metrics.newestRowAge.set({ signal }, Math.max(0, Number(nowNs - time) / 1e9));
      }
    } catch (error) {
      // No stale ages: the gauges are absent until the next read succeeds.
      this.metrics.newestRowAge.reset();
      this.deps.onError?.('self-monitoring: reading the newest rows failed', error);
    }
  }
}
