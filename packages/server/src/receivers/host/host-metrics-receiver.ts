import type { Counter } from 'prom-client';
import type { RowSink } from '../../pipeline/row-sink.ts';
import type { ResourceInfo } from '../../signals/resource.ts';
import type { HostMetricsConfig } from './host-metrics-config.ts';
import { samplesToPoints } from './host-points.ts';
import { HOST_METRICS_SCOPE, hostResource, readHostIdentity } from './host-resource.ts';
import { HostSampler } from './host-sampler.ts';
import { RetryBuffer, type FlushOutcome } from './retry-buffer.ts';

export interface HostMetricsReceiverDeps {
  readonly sink: RowSink;
  /** `sightline_hostmetrics_discarded_points_total` (see hostMetricsDiscardedCounter). */
  readonly discardedPoints: Pick<Counter, 'inc'>;
  /** Told of every failed write or collection; the receiver itself carries on. */
  readonly onError?: (error: unknown) => void;
  /** Current time in ns since the epoch (tests fix it). */
  readonly now?: () => bigint;
  /** Where host.id is read from. */
  readonly machineIdPath?: string;
}

export interface CollectionResult {
  /** Points this collection read. */
  readonly collected: number;
  /** Points stored by this call (retried ones included). */
  readonly written: number;
  /** Points still waiting for the store. */
  readonly pending: number;
  /** Points of the oldest collections given up on by this call (the store refused them too long). */
  readonly discarded: number;
}

const wallClockNs = (): bigint => BigInt(Date.now()) * 1_000_000n;

/**
 * Built-in host metrics: every `intervalSeconds` reads /proc, /sys and statfs and writes the points,
 * shaped like the OpenTelemetry Collector's hostmetrics receiver, through the RowSink. Points the
 * store refuses are retried with the next collection (bounded, counted when given up).
 */
export class HostMetricsReceiver {
  private readonly sampler: HostSampler;
  private readonly buffer: RetryBuffer;
  private readonly now: () => bigint;
  private resource: Promise<ResourceInfo> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<unknown> | undefined;
  private running = false;
  private stopping: Promise<void> | undefined;
  private firstCollectionNs: bigint | undefined;

  constructor(
    private readonly config: HostMetricsConfig,
    private readonly deps: HostMetricsReceiverDeps,
  ) {
    this.sampler = new HostSampler(config);
    this.buffer = new RetryBuffer(config.maxPendingCollections, deps.discardedPoints);
    this.now = deps.now ?? wallClockNs;
  }

  /** Collects at once and then every interval; does nothing when disabled or already started. */
  start(): void {
    if (!this.config.enabled || this.running || this.stopping !== undefined) return;
    this.running = true;
    this.tick();
  }

  /** Stops the schedule, waits for a collection in flight, then tries once more to store what is pending. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.running = false;
      clearTimeout(this.timer);
      await this.inFlight;
      await this.flush();
      this.buffer.discardAll();
    })();
    return this.stopping;
  }

  /** One collection and write (with what earlier ones left pending), after any in flight. Never rejects. */
  async collectOnce(): Promise<CollectionResult> {
    const previous = this.inFlight;
    const run = (async () => {
      await previous;
      return this.collect();
    })();
    this.inFlight = run;
    try {
      return await run;
    } finally {
      if (this.inFlight === run) this.inFlight = undefined;
    }
  }

  private tick(): void {
    void this.collectOnce().finally(() => {
      if (!this.running) return;
      this.timer = setTimeout(() => this.tick(), this.config.intervalSeconds * 1000);
      this.timer.unref();
    });
  }

  private async collect(): Promise<CollectionResult> {
    let collected = 0;
    try {
      this.resource ??= readHostIdentity(this.deps.machineIdPath).then(hostResource);
      const reading = await this.sampler.read();
      const timeUnixNano = this.now();
      // Without btime, the first collection stands in for the start of every cumulative sum.
      this.firstCollectionNs ??= timeUnixNano;
      const startTimeUnixNano = reading.bootTimeSeconds === undefined ? this.firstCollectionNs : reading.bootTimeSeconds * 1_000_000_000n;
      const points = samplesToPoints(reading.samples, { resource: await this.resource, scope: HOST_METRICS_SCOPE, startTimeUnixNano, timeUnixNano });
      collected = points.length;
      this.buffer.add(points);
    } catch (error) {
      this.report(error);
    }
    const { written, discarded } = await this.flush();
    return { collected, written, pending: this.buffer.pendingPoints, discarded };
  }

  private async flush(): Promise<FlushOutcome> {
    const outcome = await this.buffer.flush((points) => this.deps.sink.write('metrics', 'host_metrics', points));
    // INGEST_OVERLOADED, a failed insert or shutdown: nothing of the call was stored; kept for the next try.
    if ('error' in outcome) this.report(outcome.error);
    return outcome;
  }

  private report(error: unknown): void {
    try {
      this.deps.onError?.(error);
    } catch {
      // A failing reporter must not stop the collections.
    }
  }
}
