import { Gauge, type Registry } from 'prom-client';

export interface EngineStatsSource {
  (): Promise<{ trackedMemoryBytes: number; runningMerges: number; partsByTable: ReadonlyMap<string, number> }>;
}

/** Gauges read from the store's engine at scrape time. */
export function registerEngineMetrics(registry: Registry, read: EngineStatsSource): void {
  let latest: ReturnType<EngineStatsSource> | undefined;
  // One read serves the three gauges of a scrape.
  const stats = (): ReturnType<EngineStatsSource> => {
    latest ??= read().finally(() => {
      setImmediate(() => {
        latest = undefined;
      });
    });
    return latest;
  };
  new Gauge({
    name: 'sightline_store_memory_bytes',
    help: 'Memory the storage engine tracks as in use.',
    registers: [registry],
    async collect() {
      this.set((await stats()).trackedMemoryBytes);
    },
  });
  new Gauge({
    name: 'sightline_store_running_merges',
    help: 'Background merges running in the storage engine.',
    registers: [registry],
    async collect() {
      this.set((await stats()).runningMerges);
    },
  });
  new Gauge({
    name: 'sightline_store_active_parts',
    help: 'Active data parts per table.',
    labelNames: ['table'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [table, parts] of (await stats()).partsByTable) this.set({ table }, parts);
    },
  });
}
