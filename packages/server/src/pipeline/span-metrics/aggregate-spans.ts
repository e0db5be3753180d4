import { StatusCode, type SpanRow } from '../../signals/span.ts';
import type { DependencyGroup, SpanMetricGroup, SpanMetricsDigest } from '../../signals/span-metrics.ts';
import { dependencyCallOf } from './dependency-call.ts';
import { EntrySpanDetector } from './entry-spans.ts';
import { GroupIndex } from './group-index.ts';
import { dependencyNameKey } from './group-keys.ts';
import { emptyLatencyStats, recordCall } from './latency-stats.ts';
import { OperationNamer } from './normalize-name.ts';
import { ServiceIdentities } from './service-identity.ts';
import { SpanFacts } from './span-facts.ts';

export interface AggregateOptions {
  /** Replace ids in the names of HTTP spans without a route (see normalize-name.ts). */
  readonly normalizeSpanNames: boolean;
}

const NS_PER_MINUTE = 60_000_000_000n;

/** Start of the minute of a time, unix seconds; remembers the last minute (a request's spans share a few). */
class MinuteClock {
  private startNs = 0n;
  private endNs = 0n;
  private minute = 0;

  minuteOf(timeNs: bigint): number {
    if (timeNs < this.startNs || timeNs >= this.endNs) {
      this.startNs = timeNs - (timeNs % NS_PER_MINUTE);
      this.endNs = this.startNs + NS_PER_MINUTE;
      this.minute = Number(this.startNs / 1_000_000_000n);
    }
    return this.minute;
  }
}

/**
 * RED aggregates of one export request's spans, in one pass: per minute, service, operation, kind,
 * entry-ness and environment; and, for spans that call a dependency, per dependency. Raw spans are
 * not changed: only the aggregates use normalized operation names.
 */
export function aggregateSpans(spans: readonly SpanRow[], options: AggregateOptions): SpanMetricsDigest {
  const spanGroups: SpanMetricGroup[] = [];
  const dependencyGroups: DependencyGroup[] = [];
  const spanIndex = new GroupIndex<SpanMetricGroup>();
  const dependencyIndex = new GroupIndex<DependencyGroup>();
  const identities = new ServiceIdentities();
  const entries = new EntrySpanDetector(spans, (span) => identities.of(span.resource).service);
  const operations = new OperationNamer(options.normalizeSpanNames);
  const minutes = new MinuteClock();
  const facts = new SpanFacts();

  for (const span of spans) {
    const identity = identities.of(span.resource);
    facts.read(span.attributes);
    const minute = minutes.minuteOf(span.startTimeUnixNano);
    const durationNs = span.endTimeUnixNano > span.startTimeUnixNano ? Number(span.endTimeUnixNano - span.startTimeUnixNano) : 0;
    const isError = span.statusCode === StatusCode.ERROR;

    const operation = operations.operationOf(span.name, facts);
    const isEntry = entries.isEntry(span, identity.service);
    const slots = spanIndex.slotsOf(minute, identity, operation);
    const slot = span.kind * 2 + (isEntry ? 1 : 0);
    let group = slots[slot];
    if (group === undefined) {
      group = { minute, ...identity, operation, spanKind: span.kind, isEntry, ...emptyLatencyStats() };
      slots[slot] = group;
      spanGroups.push(group);
    }
    recordCall(group, durationNs, isError);

    const call = dependencyCallOf(span.name, span.kind, facts);
    if (call === undefined) continue;
    const dependencySlots = dependencyIndex.slotsOf(minute, identity, dependencyNameKey(call.type, call.system, call.target, call.operation));
    let dependency = dependencySlots[span.kind];
    if (dependency === undefined) {
      dependency = {
        minute,
        ...identity,
        dependencyType: call.type,
        system: call.system,
        target: call.target,
        operation: call.operation,
        spanKind: span.kind,
        ...emptyLatencyStats(),
      };
      dependencySlots[span.kind] = dependency;
      dependencyGroups.push(dependency);
    }
    recordCall(dependency, durationNs, isError);
  }
  return { spans: spanGroups, dependencies: dependencyGroups };
}
