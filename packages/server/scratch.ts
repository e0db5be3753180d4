import { ChdbStore } from './src/storage/chdb/chdb-store.ts';
import { sql } from './src/storage/sql.ts';
import { minuteRange } from './src/query/apm/apm-range.ts';
import { servicesTable } from './src/query/apm/services-table.ts';
import { serviceSparklines } from './src/query/apm/service-sparklines.ts';
import { knownServices } from './src/query/apm/known-services.ts';
import { overflowNotices } from './src/query/apm/overflow-notices.ts';
import { readApdexThresholds } from './src/query/apm/apdex-settings.ts';
import { stepGrid } from './src/query/apm/step-grid.ts';
import { chooseStep, rangeSeconds } from './src/query/apm/apm-range.ts';
const store = new ChdbStore({ dataDir: '/work/bench-apm-data', querySessions: 2, maxServerMemoryBytes: 8 * 1024 ** 3, queryLimits: { maxMemoryBytes: 4 * 1024 ** 3, maxExecutionSeconds: 60 } });
const limits = { maxMemoryBytes: 4 * 1024 ** 3, maxExecutionSeconds: 120, maxRowsToRead: 2_000_000_000, maxResultRows: 1000, defaultLimit: 100 };
const apm = { maxServices: 256, maxOperationsPerService: 2048, capWindowSeconds: 60, normalizeSpanNames: true, defaultApdexThresholdMs: 500, serviceMapWindowMinutes: 30 };
const [k] = await store.query<{ last: number }>(sql`SELECT toUnixTimestamp(max(time)) AS last FROM apm_span_metrics_1m`);
const endS = Number(k!.last) + 60;
async function time(label: string, f: () => Promise<unknown>) {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) { const s = performance.now(); await f(); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(40), ts[2]!.toFixed(1), 'ms');
}
for (const days of [1 / 96, 1, 7]) {
  const range = minuteRange({ startNs: BigInt(Math.round(endS - days * 86400)) * 1_000_000_000n, endNs: BigInt(endS) * 1_000_000_000n });
  console.log('--- days', days);
  const grid = stepGrid(range, chooseStep(range, Math.ceil(rangeSeconds(range) / 40), 60));
  await time('whole servicesTable', () => servicesTable(store, limits, apm, { range }));
  await time('thresholds', () => readApdexThresholds(store, limits));
  await time('sparklines', () => serviceSparklines(store, limits, grid, undefined));
  await time('known', () => knownServices(store, limits, range, undefined));
  await time('overflow', () => overflowNotices(store, limits, apm, { range }));
}
await store.close();
