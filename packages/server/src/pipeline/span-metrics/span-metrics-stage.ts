import { APM_OVERFLOW_NAME } from '@sightline/contract';
import type { Registry } from 'prom-client';
import type { ApmConfig } from '../../config/schema.ts';
import type { EncodedChunk } from '../../signals/decoded.ts';
import type { DependencyGroup, SpanMetricGroup, SpanMetricsDigest } from '../../signals/span-metrics.ts';
import { encodeRows } from '../../storage/encode/encode-rows.ts';
import { RowBinaryWriter } from '../../storage/rowbinary/writer.ts';
import { dependencyMetrics1mTable, spanMetrics1mTable } from '../../storage/schema/apm-tables.ts';
import { ApmOverflowMetrics } from './apm-overflow-metrics.ts';
import { CardinalityLimiter, type CapDimension } from './cardinality-limiter.ts';
import { dependencyGroupKey, dependencyNameKey, spanGroupKey } from './group-keys.ts';
import { mergeLatencyStats } from './latency-stats.ts';
import { OverflowLog, type OverflowRecord } from './overflow-log.ts';

export type SpanMetricsCaps = Pick<ApmConfig, 'maxServices' | 'maxOperationsPerService' | 'capWindowSeconds'>;

/** Aggregate rows are few per request: start their buffers small. */
const CHUNK_INITIAL_BYTES = 4096;

/**
 * The main-thread half of span metrics: applies the cardinality caps to the aggregates the decode
 * workers made of each request, merges groups that became equal under an overflow name, and encodes
 * them for the per-minute tables. Overflows are counted in self-metrics and kept for notices.
 */
export class SpanMetricsStage {
  private readonly limiter: CardinalityLimiter;
  private readonly overflowLog = new OverflowLog();
  private readonly metrics: ApmOverflowMetrics;

  constructor(caps: SpanMetricsCaps, registry: Registry) {
    this.limiter = new CardinalityLimiter({
      maxServices: caps.maxServices,
      maxOperationsPerService: caps.maxOperationsPerService,
      windowSeconds: caps.capWindowSeconds,
    });
    this.metrics = new ApmOverflowMetrics(registry, () => this.limiter.trackedCounts());
  }

  chunksFor(digest: SpanMetricsDigest, nowMs = Date.now()): EncodedChunk[] {
    this.limiter.advanceTo(nowMs);
    const chunks: EncodedChunk[] = [];
    // Spans first: they decide which services are tracked before their dependencies are looked at.
    const spans = this.capSpanGroups(digest.spans, nowMs);
    if (spans.length > 0) chunks.push(encodeRows(spanMetrics1mTable, spans, new RowBinaryWriter(CHUNK_INITIAL_BYTES)));
    const dependencies = this.capDependencyGroups(digest.dependencies, nowMs);
    if (dependencies.length > 0) chunks.push(encodeRows(dependencyMetrics1mTable, dependencies, new RowBinaryWriter(CHUNK_INITIAL_BYTES)));
    return chunks;
  }

  /** The latest overflow per (service, dimension), most recently updated last. */
  overflows(): OverflowRecord[] {
    return this.overflowLog.latest();
  }

  private capSpanGroups(groups: readonly SpanMetricGroup[], nowMs: number): SpanMetricGroup[] {
    const kept: SpanMetricGroup[] = [];
    const renamed = new Map<string, SpanMetricGroup>();
    for (const group of groups) {
      const service = this.limiter.service(group.service);
      const operation = this.limiter.operation(service, group.operation);
      if (service === group.service && operation === group.operation) {
        kept.push(group);
        continue;
      }
      if (service !== group.service) this.noteOverflow(APM_OVERFLOW_NAME, 'service', group.service, group.calls, nowMs);
      if (operation !== group.operation) this.noteOverflow(service, 'operation', group.operation, group.calls, nowMs);
      const key = spanGroupKey(group.minute, service, operation, group.spanKind, group.isEntry, group.environment);
      const existing = renamed.get(key);
      if (existing === undefined) renamed.set(key, { ...group, service, operation, latency: new Map(group.latency), errorLatency: new Map(group.errorLatency) });
      else mergeLatencyStats(existing, group);
    }
    return renamed.size === 0 ? kept : kept.concat([...renamed.values()]);
  }

  private capDependencyGroups(groups: readonly DependencyGroup[], nowMs: number): DependencyGroup[] {
    const kept: DependencyGroup[] = [];
    const renamed = new Map<string, DependencyGroup>();
    for (const group of groups) {
      const service = this.limiter.service(group.service);
      const nameKey = dependencyNameKey(group.dependencyType, group.system, group.target, group.operation);
      const tracked = this.limiter.dependency(service, nameKey);
      if (service === group.service && tracked) {
        kept.push(group);
        continue;
      }
      // A service over its cap was noted with its spans (dependency calls are spans too).
      if (!tracked) {
        const name = `${group.dependencyType} ${group.system} ${group.target} ${group.operation}`;
        this.noteOverflow(service, 'dependency', name, group.calls, nowMs);
      }
      const target = tracked ? group.target : APM_OVERFLOW_NAME;
      const operation = tracked ? group.operation : APM_OVERFLOW_NAME;
      const key = dependencyGroupKey(group.minute, service, group.environment, group.spanKind, dependencyNameKey(group.dependencyType, group.system, target, operation));
      const existing = renamed.get(key);
      if (existing === undefined) renamed.set(key, { ...group, service, target, operation, latency: new Map(group.latency), errorLatency: new Map(group.errorLatency) });
      else mergeLatencyStats(existing, group);
    }
    return renamed.size === 0 ? kept : kept.concat([...renamed.values()]);
  }

  private noteOverflow(service: string, dimension: CapDimension, name: string, spans: number, nowMs: number): void {
    const limit = dimension === 'service' ? this.limiter.limits.maxServices : this.limiter.limits.maxOperationsPerService;
    this.overflowLog.note(service, dimension, name, spans, limit, nowMs);
    this.metrics.overflowSpans.inc({ dimension, service }, spans);
  }
}
