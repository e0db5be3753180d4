import { Registry } from 'prom-client';
import { RowWriter } from '../../src/ingest/row-writer.ts';
import { IngestMetrics } from '../../src/pipeline/ingest-metrics.ts';
import { IngestPipeline, type PipelineOptions } from '../../src/pipeline/ingest-pipeline.ts';
import { insertTarget } from '../../src/storage/encode/encode-rows.ts';
import { INSERT_TABLES } from '../../src/storage/schema/tables.ts';
import type { InsertTarget, Store } from '../../src/storage/store.ts';
import { openTempStore, type TempStore } from './temp-store.ts';

export interface RowSinkStore extends TempStore {
  /** The process's RowSink over a real pipeline into the temporary store. */
  readonly sink: RowWriter;
  readonly registry: Registry;
}

const OPTIONS: PipelineOptions = {
  batchMaxRows: 10_000,
  batchMinRows: 1,
  batchMaxAgeMs: 20,
  aggregateBatchMaxAgeMs: 20,
  maxPendingBytes: 64 * 1024 * 1024,
  retryAfterSeconds: 1,
};

export interface RowWriterOverStore {
  readonly sink: RowWriter;
  readonly registry: Registry;
  /** Stops the pipeline (commits what is pending); the store stays open. */
  close(): Promise<void>;
}

/** The RowSink and a pipeline of its own over an open store (a process opens one data directory only). */
export function rowWriterOver(store: Store, options: Partial<PipelineOptions> = {}): RowWriterOverStore {
  const registry = new Registry();
  const targets = new Map<string, InsertTarget>(INSERT_TABLES.map((table) => [table.name, insertTarget(table)]));
  const metrics = new IngestMetrics(registry);
  const forgetters: (() => void)[] = [];
  const pipeline = new IngestPipeline(store, targets, { ...OPTIONS, ...options }, metrics, (table) => {
    if (table.startsWith('metric_')) for (const forget of forgetters) forget();
  });
  const writer = new RowWriter(pipeline, metrics);
  forgetters.push(() => writer.forgetSeries());
  return { sink: writer, registry, close: () => pipeline.close() };
}

/** A real embedded store with the ingest pipeline and the RowSink in front of it, as the server wires them. */
export async function openRowSinkStore(options: Partial<PipelineOptions> = {}): Promise<RowSinkStore> {
  const temp = await openTempStore();
  const over = rowWriterOver(temp.store, options);
  return {
    ...temp,
    sink: over.sink,
    registry: over.registry,
    async dispose() {
      await over.close();
      await temp.dispose();
    },
  };
}
