import type { SpanExceptionRow } from '../../src/signals/span-exception.ts';
import type { DependencyGroup, DependencyType } from '../../src/signals/span-metrics.ts';
import { encodeRows, insertTarget } from '../../src/storage/encode/encode-rows.ts';
import { dependencyMetrics1mTable, spanExceptionsTable } from '../../src/storage/schema/apm-tables.ts';
import type { Store } from '../../src/storage/store.ts';
import { metricGroup } from './apm-metric-rows.ts';
import { idBytes } from './sample-rows.ts';

/** The key of one per-minute dependency-metrics row. */
export interface DependencyKey {
  readonly minute: number;
  readonly service: string;
  readonly type: DependencyType;
  readonly system: string;
  readonly target: string;
  readonly operation: string;
  readonly spanKind?: number;
  readonly environment?: string;
}

/** One dependency aggregate row of calls with these durations (ms), `errors` of them failed. */
export function dependencyGroup(key: DependencyKey, durationsMs: readonly number[], errors = 0): DependencyGroup {
  const { calls, errors: failed, durationSumNs, durationMinNs, durationMaxNs, latency, errorLatency } = metricGroup(
    { minute: key.minute, service: key.service, operation: key.operation },
    durationsMs,
    errors,
  );
  return {
    minute: key.minute,
    service: key.service,
    environment: key.environment ?? '',
    dependencyType: key.type,
    system: key.system,
    target: key.target,
    operation: key.operation,
    spanKind: key.spanKind ?? 3,
    calls,
    errors: failed,
    durationSumNs,
    durationMinNs,
    durationMaxNs,
    latency,
    errorLatency,
  };
}

/** Inserts per-minute rows as the span-metrics stage does (the hourly rollup follows by view). */
export async function insertDependencyMetrics(store: Store, groups: readonly DependencyGroup[]): Promise<void> {
  const chunk = encodeRows(dependencyMetrics1mTable, groups);
  await store.insertRowBinary(insertTarget(dependencyMetrics1mTable), [chunk.data]);
}

export function exceptionRow(fields: Partial<SpanExceptionRow> & Pick<SpanExceptionRow, 'timeUnixNano' | 'message' | 'messagePattern'>): SpanExceptionRow {
  return {
    service: 'checkout',
    environment: '',
    type: 'Error',
    stacktrace: '',
    escaped: false,
    traceId: idBytes('00000000000000000000000000000001'),
    spanId: idBytes('0000000000000001'),
    spanName: 'GET /cart',
    ...fields,
  };
}

export async function insertExceptions(store: Store, rows: readonly SpanExceptionRow[]): Promise<void> {
  const chunk = encodeRows(spanExceptionsTable, rows);
  await store.insertRowBinary(insertTarget(spanExceptionsTable), [chunk.data]);
}
