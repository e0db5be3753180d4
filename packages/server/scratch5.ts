import { ChdbStore } from './src/storage/chdb/chdb-store.ts';
import { sql, trustedSql } from './src/storage/sql.ts';
const store = new ChdbStore({ dataDir: '/work/bench-apm-data', querySessions: 1, maxServerMemoryBytes: 8 * 1024 ** 3, queryLimits: { maxMemoryBytes: 4 * 1024 ** 3, maxExecutionSeconds: 60 } });
await store.command(trustedSql(`CREATE TABLE IF NOT EXISTS svc_arr (time DateTime('UTC'), service_name LowCardinality(String), k Array(UInt16), v Array(UInt64)) ENGINE = MergeTree ORDER BY (service_name, time)`));
const [c] = await store.query<{ n: string }>(sql`SELECT count() AS n FROM svc_arr`);
if (c!.n === '0') await store.command(trustedSql(`INSERT INTO svc_arr SELECT time, service_name, mapKeys(latency), mapValues(latency) FROM apm_service_metrics_1h`));
async function time(label: string, q: any) {
  const ts: number[] = [];
  for (let i = 0; i < 7; i++) { const s = performance.now(); await store.query(q); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(40), ts[3]!.toFixed(1), 'ms');
}
await time('map sumMap', sql`SELECT service_name, sumMap(latency) FROM apm_service_metrics_1h GROUP BY service_name FORMAT Null`);
await time('map sumMap + err', sql`SELECT service_name, sumMap(latency), sumMap(error_latency) FROM apm_service_metrics_1h GROUP BY service_name FORMAT Null`);
await time('arrays sumMap', sql`SELECT service_name, sumMap(k, v) FROM svc_arr GROUP BY service_name FORMAT Null`);
await time('arrays groupArray flatten', sql`SELECT service_name, length(groupArrayArray(k)) FROM svc_arr GROUP BY service_name FORMAT Null`);
await time('sum calls', sql`SELECT service_name, sum(calls) FROM apm_service_metrics_1h GROUP BY service_name FORMAT Null`);
await store.close();
