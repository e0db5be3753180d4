import { ChdbStore } from './src/storage/chdb/chdb-store.ts';
import { sql, render } from './src/storage/sql.ts';
import { minuteRange } from './src/query/apm/apm-range.ts';
import { aggregateRows } from './src/query/apm/aggregate-source.ts';
import { APDEX_AGGREGATES, apdexColumn, RED_AGGREGATES, redColumns } from './src/query/apm/red-stats.ts';
import { param } from './src/storage/sql.ts';
const store = new ChdbStore({ dataDir: '/work/bench-apm-data', querySessions: 2, maxServerMemoryBytes: 8 * 1024 ** 3, queryLimits: { maxMemoryBytes: 4 * 1024 ** 3, maxExecutionSeconds: 60 } });
const [k] = await store.query<{ last: number }>(sql`SELECT toUnixTimestamp(max(time)) AS last FROM apm_span_metrics_1m`);
const endS = Number(k!.last) + 60;
async function time(label: string, q: any) {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) { const s = performance.now(); await store.query(q); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(40), ts[2]!.toFixed(1), 'ms');
}
for (const [label, startS, e] of [['empty future', endS + 86400 * 10, endS + 86400 * 10 + 900], ['15m', endS - 900, endS], ['7d', endS - 7 * 86400, endS]] as const) {
  const range = minuteRange({ startNs: BigInt(startS) * 1_000_000_000n, endNs: BigInt(e) * 1_000_000_000n });
  const src = aggregateRows('service', range, sql`1`);
  await time(label + ' full', sql`SELECT service_name, ${redColumns()}, ${apdexColumn(param('Float64', 500))} FROM (SELECT service_name, ${RED_AGGREGATES}, ${APDEX_AGGREGATES} FROM ${src} GROUP BY service_name)`);
  await time(label + ' no apdex', sql`SELECT service_name, ${redColumns()} FROM (SELECT service_name, ${RED_AGGREGATES} FROM ${src} GROUP BY service_name)`);
  await time(label + ' inner only', sql`SELECT service_name, ${RED_AGGREGATES}, ${APDEX_AGGREGATES} FROM ${src} GROUP BY service_name`);
  if (label === '15m') console.log(render(sql`SELECT service_name, ${redColumns()}, ${apdexColumn(param('Float64', 500))} FROM (SELECT 1)`).text.length, 'chars');
}
await store.close();
