import type { Store } from '../store.ts';
import { sql, trustedSql } from '../sql.ts';
import { createTableSql, createViewSql } from './ddl.ts';
import type { Retention } from './retention.ts';
import { ALERT_TABLES } from './alert-tables.ts';
import { AUTH_TABLES, AUTH_TTL_STATEMENTS } from './auth-tables.ts';
import { dashboardsTable } from './dashboards-table.ts';
import { schemaMigrationsTable } from './meta-tables.ts';
import { OVERFLOW_MINUTES_BACKFILL, overflowMinutesTable, overflowMinutesView } from './apm-overflow-table.ts';
import { rebuildTableStatements } from './rebuild-table.ts';
import { ALL_TABLES, ALL_VIEWS, APM_TABLES, APM_VIEWS } from './tables.ts';
import {
  serviceMetrics1dTable,
  serviceMetrics1dView,
  serviceMetrics1hTable,
  serviceMetrics1hView,
  serviceMetrics1mTable,
  serviceMetrics1mView,
} from './apm-tables.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  statements(retention: Retention): string[];
}

/** Numbered, append-only: a released migration never changes; a schema change is a new entry. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema: spans, trace index, logs, metrics, settings',
    statements: (retention) => [
      ...ALL_TABLES.filter((table) => table !== schemaMigrationsTable).map((table) => createTableSql(table, retention)),
      ...ALL_VIEWS.map(createViewSql),
    ],
  },
  {
    version: 2,
    name: 'logs.ingested_at: ingestion time for live tail',
    statements: () => [
      'ALTER TABLE logs ADD COLUMN IF NOT EXISTS ingested_at DateTime64(3) DEFAULT now64(3)',
      // Rows stored before the column existed would read its default, i.e. "now", on every query:
      // write it once so they keep the time of this migration.
      'ALTER TABLE logs MATERIALIZE COLUMN ingested_at',
      'ALTER TABLE logs ADD INDEX IF NOT EXISTS idx_ingested_at ingested_at TYPE minmax GRANULARITY 1',
      'ALTER TABLE logs MATERIALIZE INDEX idx_ingested_at',
    ],
  },
  {
    version: 3,
    name: 'APM: span and dependency metrics per minute and hour, exceptions, service instances',
    statements: (retention) => [...APM_TABLES.map((table) => createTableSql(table, retention)), ...APM_VIEWS.map(createViewSql)],
  },
  {
    version: 4,
    name: 'APM: per-service tables with the time period first in the sort key and 256-row granules; overflow minutes',
    statements: (retention) => [
      // Idempotent: the view is created last, after the table holds exactly the backfilled rows.
      `DROP VIEW IF EXISTS \`${overflowMinutesView.name}\``,
      createTableSql(overflowMinutesTable, retention),
      `TRUNCATE TABLE \`${overflowMinutesTable.name}\``,
      OVERFLOW_MINUTES_BACKFILL,
      createViewSql(overflowMinutesView),
      ...rebuildTableStatements(serviceMetrics1mTable, [serviceMetrics1mView], retention),
      ...rebuildTableStatements(serviceMetrics1hTable, [serviceMetrics1hView], retention),
      ...rebuildTableStatements(serviceMetrics1dTable, [serviceMetrics1dView], retention),
    ],
  },
  {
    version: 5,
    name: 'dashboards: user dashboards (definitions as JSON)',
    statements: (retention) => [createTableSql(dashboardsTable, retention)],
  },
  {
    version: 6,
    name: 'alerts: rules, channels, silences, instance states, transitions, deliveries',
    statements: (retention) => ALERT_TABLES.map((table) => createTableSql(table, retention)),
  },
  {
    version: 7,
    name: 'auth: users, sessions, API keys, activity, audit log',
    statements: (retention) => [...AUTH_TABLES.map((table) => createTableSql(table, retention)), ...AUTH_TTL_STATEMENTS],
  },
];

export async function migrate(store: Store, retention: Retention): Promise<number[]> {
  await store.command(trustedSql(createTableSql(schemaMigrationsTable, retention)));
  const rows = await store.query<{ version: number }>(sql`SELECT version FROM schema_migrations`);
  const applied = new Set(rows.map((row) => Number(row.version)));
  const ran: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements(retention)) await store.command(trustedSql(statement));
    await store.command(
      sql`INSERT INTO schema_migrations (version, name) SELECT ${migration.version}, ${migration.name}`,
    );
    ran.push(migration.version);
  }
  return ran;
}
