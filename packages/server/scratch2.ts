import { ChdbStore } from './src/storage/chdb/chdb-store.ts';
import { sql, trustedSql } from './src/storage/sql.ts';
import { latencyQuantileMs } from './src/query/apm/latency-sql.ts';
const store = new ChdbStore({ dataDir: '/work/bench-apm-data', querySessions: 2, maxServerMemoryBytes: 8 * 1024 ** 3, queryLimits: { maxMemoryBytes: 4 * 1024 ** 3, maxExecutionSeconds: 60 } });
await store.command(trustedSql(`CREATE TABLE IF NOT EXISTS svc_1h (time DateTime('UTC'), service_name LowCardinality(String), deployment_environment LowCardinality(String), calls SimpleAggregateFunction(sum, UInt64), errors SimpleAggregateFunction(sum, UInt64), latency SimpleAggregateFunction(sumMap, Map(UInt16, UInt64))) ENGINE = AggregatingMergeTree ORDER BY (service_name, deployment_environment, time)`));
const [c] = await store.query<{ n: string }>(sql`SELECT count() AS n FROM svc_1h`);
if (c!.n === '0') await store.command(trustedSql(`INSERT INTO svc_1h SELECT time, service_name, deployment_environment, sum(calls), sum(errors), sumMap(latency) FROM apm_span_metrics_1h WHERE is_entry = 1 GROUP BY time, service_name, deployment_environment`));
console.log(await store.query(sql`SELECT count(), sum(length(mapKeys(latency))) FROM svc_1h`));
console.log(await store.query(sql`SELECT count(), sum(length(mapKeys(latency))) FROM apm_span_metrics_1h WHERE is_entry = 1`));
async function time(label: string, q: any) {
  const ts: number[] = [];
  for (let i = 0; i < 7; i++) { const s = performance.now(); await store.query(q); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(40), ts[3]!.toFixed(1), 'ms');
}
const m = sql`m`;
await time('op-level hour table entry', sql`SELECT service_name, sum(calls), sumMap(latency) AS m, ${latencyQuantileMs(m, 0.5)}, ${latencyQuantileMs(m, 0.99)} FROM apm_span_metrics_1h WHERE is_entry = 1 GROUP BY service_name FORMAT Null`);
await time('svc-level hour table', sql`SELECT service_name, sum(calls), sumMap(latency) AS m, ${latencyQuantileMs(m, 0.5)}, ${latencyQuantileMs(m, 0.99)} FROM svc_1h GROUP BY service_name`);
await time('svc-level: sums only', sql`SELECT service_name, sum(calls) FROM svc_1h GROUP BY service_name`);
await time('svc-level: sumMap only', sql`SELECT service_name, sumMap(latency) FROM svc_1h GROUP BY service_name`);
await time('select 1', sql`SELECT 1`);
await store.close();
