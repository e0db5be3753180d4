import type { EncodedBatch } from '../../src/signals/decoded.ts';
import type { LogRow } from '../../src/signals/log-record.ts';
import type { MetricPoint } from '../../src/signals/metric-point.ts';
import type { SpanRow } from '../../src/signals/span.ts';
import { insertTarget } from '../../src/storage/encode/encode-rows.ts';
import { encodeLogs, encodeTraces, MetricsEncoder } from '../../src/storage/encode/encode-signals.ts';
import { ALL_TABLES } from '../../src/storage/schema/tables.ts';
import type { Store } from '../../src/storage/store.ts';

async function insertBatch(store: Store, batch: EncodedBatch): Promise<void> {
  for (const chunk of batch.chunks) {
    const table = ALL_TABLES.find((candidate) => candidate.name === chunk.table);
    if (table === undefined) throw new Error(`no table ${chunk.table}`);
    await store.insertRowBinary(insertTarget(table), [chunk.data]);
  }
}

export async function insertSpans(store: Store, rows: SpanRow[]): Promise<void> {
  await insertBatch(store, encodeTraces({ rows, rejected: 0, rejectionMessage: '' }));
}

export async function insertLogs(store: Store, rows: LogRow[]): Promise<void> {
  await insertBatch(store, encodeLogs({ rows, rejected: 0, rejectionMessage: '' }));
}

export async function insertMetrics(store: Store, rows: MetricPoint[]): Promise<void> {
  await insertBatch(store, new MetricsEncoder().encode({ rows, rejected: 0, rejectionMessage: '' }));
}
