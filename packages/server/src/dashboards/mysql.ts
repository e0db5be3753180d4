import type { DashboardDefinitionInput, LabelFilter } from '@sightline/contract';

/**
 * MySQL and MariaDB through prometheus-mysqld-exporter (0.14 names). SHOW GLOBAL STATUS values are
 * exported untyped: counter-like ones (slow queries, lock waits, buffer pool reads…) are read with
 * `rate`/`increase`, gauge-like ones (threads) as they are.
 */
const onInstance: LabelFilter = { label: 'instance', op: 'equals', value: '$instance' };
const MAIN_COMMANDS = 'select|insert|update|delete|replace|begin|commit|rollback|call_procedure|load';

function status(id: string, name: string, legend: string, fn?: 'rate' | 'increase') {
  return { id, metric: `mysql_global_status_${name}`, filters: [onInstance], legend, ...(fn === undefined ? {} : { function: fn }) };
}

export const MYSQL_DASHBOARD: DashboardDefinitionInput = {
  title: 'MySQL / MariaDB',
  description: 'Server health, connections, statements, InnoDB and locks from mysqld_exporter, beside the APM view of database calls.',
  tags: ['database', 'mysql', 'mariadb'],
  variables: [{ name: 'instance', label: 'Instance', metric: 'mysql_up', labelKey: 'instance' }],
  panels: [
    {
      id: 'up',
      title: 'Up',
      description: '1 when the exporter reached the server at its last scrape.',
      type: 'stat',
      width: 3,
      queries: [{ id: 'up', metric: 'mysql_up', filters: [onInstance], groupBy: ['instance'], aggregation: 'min', legend: '{{instance}}' }],
    },
    {
      id: 'connections',
      title: 'Connections',
      description: 'Open connections and threads running a statement, against max_connections.',
      type: 'timeseries',
      unit: 'count',
      width: 9,
      queries: [
        status('connected', 'threads_connected', 'connected'),
        status('running', 'threads_running', 'running'),
        { id: 'max', metric: 'mysql_global_variables_max_connections', filters: [onInstance], aggregation: 'max', legend: 'max_connections' },
      ],
    },
    {
      id: 'commands',
      title: 'Statements by command',
      description: 'The main statement kinds per second, and all statements sent by clients (questions).',
      type: 'timeseries',
      unit: 'per_second',
      queries: [
        {
          id: 'commands',
          metric: 'mysql_global_status_commands_total',
          filters: [onInstance, { label: 'command', op: 'regex', value: MAIN_COMMANDS }],
          groupBy: ['command'],
          function: 'rate',
          legend: '{{command}}',
        },
        status('questions', 'questions', 'all (questions)', 'rate'),
      ],
    },
    {
      id: 'slow_queries',
      title: 'Slow queries',
      description: 'Statements that took longer than long_query_time.',
      type: 'timeseries',
      unit: 'count',
      queries: [status('slow', 'slow_queries', 'slow queries', 'increase')],
    },
    {
      id: 'buffer_pool_hit',
      title: 'InnoDB buffer pool hit ratio',
      description: 'Logical reads served from the buffer pool (no point in steps without reads).',
      type: 'timeseries',
      unit: 'percent',
      queries: [
        { ...status('requests', 'innodb_buffer_pool_read_requests', 'read requests', 'rate'), hidden: true },
        { ...status('disk', 'innodb_buffer_pool_reads', 'reads from disk', 'rate'), hidden: true },
      ],
      formula: '100 * (requests - disk) / requests',
      formulaLegend: 'hit ratio',
    },
    {
      id: 'buffer_pool_pages',
      title: 'InnoDB buffer pool pages',
      type: 'timeseries',
      unit: 'count',
      queries: [{ id: 'pages', metric: 'mysql_global_status_buffer_pool_pages', filters: [onInstance], groupBy: ['state'], legend: '{{state}}' }],
    },
    {
      id: 'row_lock_waits',
      title: 'InnoDB row lock waits',
      type: 'timeseries',
      unit: 'count',
      queries: [status('waits', 'innodb_row_lock_waits', 'row lock waits', 'increase')],
    },
    {
      id: 'table_locks_waited',
      title: 'Table locks waited',
      type: 'timeseries',
      unit: 'count',
      queries: [status('waited', 'table_locks_waited', 'table locks waited', 'increase')],
    },
    {
      id: 'traffic',
      title: 'Network traffic',
      type: 'timeseries',
      unit: 'bytes_per_second',
      queries: [status('received', 'bytes_received', 'received', 'rate'), status('sent', 'bytes_sent', 'sent', 'rate')],
    },
    {
      id: 'replication_lag',
      title: 'Replication lag (when present)',
      description: 'Seconds behind the source, on replicas; no data elsewhere.',
      type: 'timeseries',
      unit: 'seconds',
      queries: [{ id: 'lag', metric: 'mysql_slave_status_seconds_behind_master', filters: [onInstance], groupBy: ['instance'], aggregation: 'max', legend: '{{instance}}' }],
    },
    {
      id: 'db_calls',
      title: 'Database calls from traced services',
      description: 'Calls to MySQL seen in spans (APM), by statement.',
      type: 'apm_db_calls',
      width: 12,
      dbSystem: 'mysql',
    },
  ],
};
