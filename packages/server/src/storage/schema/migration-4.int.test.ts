import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APM_OVERFLOW_NAME } from '@sightline/contract';
import { insertSpanMetrics, metricGroup } from '../../../test/support/apm-metric-rows.ts';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { sql, trustedSql } from '../sql.ts';
import { serviceMetrics1dTable, serviceMetrics1hTable, serviceMetrics1mTable } from './apm-tables.ts';
import { createTableSql, createViewSql } from './ddl.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { DEFAULT_RETENTION } from './retention.ts';
import { APM_VIEWS } from './tables.ts';

const SERVICE_TABLES = [serviceMetrics1mTable, serviceMetrics1hTable, serviceMetrics1dTable];
const MINUTE = 60;
const H0 = Date.UTC(2026, 10, 20, 10) / 1000;

/** Each service table's rows as comparable text (calls, errors, durations, latency maps). */
async function contents(temp: TempStore): Promise<string[]> {
  const tables: string[] = [];
  for (const table of SERVICE_TABLES) {
    const rows = await temp.store.query<{ row: string }>(
      sql`SELECT toString(tuple(time, service_name, deployment_environment, sum(calls), sum(errors), sum(duration_sum_ns), sumMap(latency), sumMap(error_latency))) AS row
          FROM ${trustedSql(table.name)} GROUP BY time, service_name, deployment_environment ORDER BY time, service_name`,
    );
    tables.push(`${table.name}: ${rows.map((r) => r.row).join('; ')}`);
  }
  return tables;
}

async function overflowRows(temp: TempStore): Promise<string[]> {
  const rows = await temp.store.query<{ row: string }>(
    sql`SELECT toString(tuple(time, service_name, sum(calls))) AS row FROM apm_overflow_1m GROUP BY time, service_name ORDER BY time, service_name`,
  );
  return rows.map((r) => r.row);
}

async function sortingKey(temp: TempStore, table: string): Promise<{ sorting_key: string; create_table_query: string }> {
  const [row] = await temp.store.query<{ sorting_key: string; create_table_query: string }>(
    sql`SELECT sorting_key, create_table_query FROM system.tables WHERE database = currentDatabase() AND name = ${table}`,
  );
  assert.ok(row !== undefined, table);
  return row;
}

describe('migration 4: per-service tables re-sorted, overflow minutes', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  it('upgrades a version 3 database without losing or doubling a row, and can run again after a crash', async () => {
    // Back to the version 3 layout: service tables sorted by service first with default granules, no overflow table.
    const statements = ['DROP VIEW apm_overflow_1m_mv', 'DROP TABLE apm_overflow_1m'];
    for (const table of SERVICE_TABLES) {
      const { index_granularity: _, ...settings } = table.settings ?? {};
      const view = APM_VIEWS.find((v) => v.to === table.name);
      assert.ok(view !== undefined, table.name);
      statements.push(
        `DROP VIEW ${view.name}`,
        `DROP TABLE ${table.name}`,
        createTableSql({ ...table, orderBy: '(service_name, deployment_environment, time)', settings }, DEFAULT_RETENTION),
        createViewSql(view),
      );
    }
    statements.push('ALTER TABLE schema_migrations DELETE WHERE version = 4 SETTINGS mutations_sync = 1');
    for (const statement of statements) await temp.store.command(trustedSql(statement));
    assert.match((await sortingKey(temp, serviceMetrics1hTable.name)).sorting_key, /^service_name/);

    await insertSpanMetrics(temp.store, [
      metricGroup({ minute: H0, service: 'checkout', operation: 'GET /cart' }, [12, 40, 900], 1),
      metricGroup({ minute: H0 + MINUTE, service: 'checkout', operation: 'GET /cart' }, [15]),
      metricGroup({ minute: H0 + 2 * 3600, service: 'payments', operation: 'POST /pay', environment: 'prod' }, [3, 4]),
      metricGroup({ minute: H0 + 3 * MINUTE, service: 'checkout', operation: APM_OVERFLOW_NAME }, [7, 8]),
      metricGroup({ minute: H0 + 4 * MINUTE, service: APM_OVERFLOW_NAME, operation: APM_OVERFLOW_NAME }, [5]),
    ]);
    const before = await contents(temp);
    assert.match(before.join('\n'), /checkout/);

    assert.deepEqual(await migrate(temp.store, DEFAULT_RETENTION), [4]);
    assert.deepEqual(await contents(temp), before);
    const overflow = [`('2026-11-20 10:03:00','checkout',2)`, `('2026-11-20 10:04:00','${APM_OVERFLOW_NAME}',1)`];
    assert.deepEqual(await overflowRows(temp), overflow);
    for (const table of SERVICE_TABLES) {
      const { sorting_key, create_table_query } = await sortingKey(temp, table.name);
      assert.equal(`(${sorting_key})`, table.orderBy.replaceAll(' ', '').replace(/,/g, ', '), table.name);
      assert.match(create_table_query, /index_granularity = 256/, table.name);
    }

    // A crash part-way leaves the migration unrecorded: running all of it again changes nothing.
    const migration4 = MIGRATIONS.find((m) => m.version === 4);
    assert.ok(migration4 !== undefined);
    for (const statement of migration4.statements(DEFAULT_RETENTION)) await temp.store.command(trustedSql(statement));
    assert.deepEqual(await contents(temp), before);
    assert.deepEqual(await overflowRows(temp), overflow);

    // The views write into the new tables.
    await insertSpanMetrics(temp.store, [
      metricGroup({ minute: H0 + 5 * MINUTE, service: 'checkout', operation: 'GET /cart' }, [20]),
      metricGroup({ minute: H0 + 6 * MINUTE, service: 'checkout', operation: APM_OVERFLOW_NAME }, [1]),
    ]);
    const [calls] = await temp.store.query<{ n: string }>(sql`SELECT toString(sum(calls)) AS n FROM apm_service_metrics_1d WHERE service_name = 'checkout'`);
    assert.equal(calls?.n, '8', 'checkout: 6 requests before, 2 after');
    assert.equal((await overflowRows(temp)).length, 3);
  });
});
