import { ChdbStore } from './src/storage/chdb/chdb-store.ts';
import { sql } from './src/storage/sql.ts';
const store = new ChdbStore({ dataDir: '/work/bench-apm-data', querySessions: 1, maxServerMemoryBytes: 8 * 1024 ** 3, queryLimits: { maxMemoryBytes: 4 * 1024 ** 3, maxExecutionSeconds: 60 } });
console.log(await store.query(sql`SELECT table, count() AS parts, sum(rows) AS rows, formatReadableSize(sum(bytes_on_disk)) AS size FROM system.parts WHERE active AND database = currentDatabase() AND table LIKE 'apm%' OR (active AND table = 'spans') GROUP BY table ORDER BY table`));
console.log(await store.query(sql`SELECT count() FROM (SELECT 1 FROM apm_service_metrics_1h GROUP BY time, service_name, deployment_environment)`));
await store.close();
