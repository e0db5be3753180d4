import type { DashboardDefinitionInput, LabelFilter } from '@sightline/contract';

/**
 * PostgreSQL through prometheus-postgres-exporter (names as 0.11 exports them: its counters have no
 * `_total` suffix). `datname=""` is PostgreSQL's row for shared catalogs, left out of per-database panels.
 */
const onInstance: LabelFilter = { label: 'instance', op: 'equals', value: '$instance' };
const realDatabases: LabelFilter[] = [onInstance, { label: 'datname', op: 'not_equals', value: '' }];

function perDatabaseRate(id: string, metric: string, legend: string) {
  return { id, metric, filters: realDatabases, groupBy: ['datname'], function: 'rate' as const, legend };
}

function tuples(id: string, legend: string) {
  return { id, metric: `pg_stat_database_tup_${id}`, filters: realDatabases, function: 'rate' as const, legend };
}

export const POSTGRESQL_DASHBOARD: DashboardDefinitionInput = {
  title: 'PostgreSQL',
  description: 'Server health, connections, throughput, cache, locks and sizes from postgres_exporter, beside the APM view of database calls.',
  tags: ['database', 'postgresql'],
  variables: [{ name: 'instance', label: 'Instance', metric: 'pg_up', labelKey: 'instance' }],
  panels: [
    {
      id: 'up',
      title: 'Up',
      description: '1 when the exporter reached the server at its last scrape.',
      type: 'stat',
      width: 3,
      queries: [{ id: 'up', metric: 'pg_up', filters: [onInstance], groupBy: ['instance'], aggregation: 'min', legend: '{{instance}}' }],
    },
    {
      id: 'connections',
      title: 'Connections by state',
      description: 'Backends by state against max_connections.',
      type: 'timeseries',
      unit: 'count',
      width: 9,
      queries: [
        { id: 'by_state', metric: 'pg_stat_activity_count', filters: [onInstance], groupBy: ['state'], legend: '{{state}}' },
        { id: 'max', metric: 'pg_settings_max_connections', filters: [onInstance], aggregation: 'max', legend: 'max_connections' },
      ],
    },
    {
      id: 'transactions',
      title: 'Transactions',
      description: 'Commits and rollbacks per second, by database.',
      type: 'timeseries',
      unit: 'per_second',
      queries: [
        perDatabaseRate('commits', 'pg_stat_database_xact_commit', 'commits {{datname}}'),
        perDatabaseRate('rollbacks', 'pg_stat_database_xact_rollback', 'rollbacks {{datname}}'),
      ],
    },
    {
      id: 'tuples',
      title: 'Tuples',
      description: 'Rows read (fetched by index, returned by scans) and written per second, all databases.',
      type: 'timeseries',
      unit: 'per_second',
      queries: [tuples('fetched', 'fetched'), tuples('returned', 'returned'), tuples('inserted', 'inserted'), tuples('updated', 'updated'), tuples('deleted', 'deleted')],
    },
    {
      id: 'cache_hit',
      title: 'Cache hit ratio',
      description: 'Blocks found in shared buffers among blocks read, by database (no point in steps without reads).',
      type: 'timeseries',
      unit: 'percent',
      queries: [
        { ...perDatabaseRate('hit', 'pg_stat_database_blks_hit', 'hit'), hidden: true },
        { ...perDatabaseRate('read', 'pg_stat_database_blks_read', 'read'), hidden: true },
      ],
      formula: '100 * hit / (hit + read)',
      formulaLegend: '{{datname}}',
    },
    {
      id: 'deadlocks',
      title: 'Deadlocks',
      description: 'Deadlocks detected, by database.',
      type: 'timeseries',
      unit: 'count',
      queries: [{ id: 'deadlocks', metric: 'pg_stat_database_deadlocks', filters: realDatabases, groupBy: ['datname'], function: 'increase', legend: '{{datname}}' }],
    },
    {
      id: 'locks',
      title: 'Locks by mode',
      description: 'Locks held or awaited, all databases.',
      type: 'timeseries',
      unit: 'count',
      queries: [{ id: 'locks', metric: 'pg_locks_count', filters: [onInstance], groupBy: ['mode'], legend: '{{mode}}' }],
    },
    {
      id: 'database_size',
      title: 'Database size',
      type: 'timeseries',
      unit: 'bytes',
      queries: [{ id: 'size', metric: 'pg_database_size_bytes', filters: [onInstance], groupBy: ['datname'], aggregation: 'max', legend: '{{datname}}' }],
    },
    {
      id: 'replication_lag',
      title: 'Replica lag (when present)',
      description: 'Seconds since the last replayed transaction, on replicas whose exporter runs the replication query (extend.query-path); no data elsewhere.',
      type: 'timeseries',
      unit: 'seconds',
      queries: [{ id: 'lag', metric: 'pg_replication_lag', filters: [onInstance], groupBy: ['instance'], aggregation: 'max', legend: '{{instance}}' }],
    },
    {
      id: 'replication_bytes',
      title: 'Replication lag by replica (when present)',
      description: 'WAL bytes each connected replica is behind, on a primary with replicas; no data elsewhere.',
      type: 'timeseries',
      unit: 'bytes',
      queries: [
        { id: 'behind', metric: 'pg_stat_replication_pg_wal_lsn_diff', filters: [onInstance], groupBy: ['application_name'], aggregation: 'max', legend: '{{application_name}}' },
      ],
    },
    {
      id: 'db_calls',
      title: 'Database calls from traced services',
      description: 'Calls to PostgreSQL seen in spans (APM), by statement.',
      type: 'apm_db_calls',
      width: 12,
      dbSystem: 'postgresql',
    },
  ],
};
