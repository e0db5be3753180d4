/**
 * prometheus-postgres-exporter 0.11.1 (Debian bookworm) pointed at a PostgresInstance through
 * DATA_SOURCE_NAME, connecting as a role with only `pg_monitor`.
 *
 * Metric names a PostgreSQL dashboard needs (present in 0.11.1 against PostgreSQL 15; the exporter adds
 * `server="127.0.0.1:<port>"` to every series except pg_up and pg_exporter_*):
 *   pg_up                                                   gauge, 1 when the last scrape reached the server
 *   pg_static{short_version,version} 1                      gauge (info)
 *   pg_stat_database_xact_commit{datid,datname}             counter (no _total suffix in this version)
 *   pg_stat_database_xact_rollback{datid,datname}           counter
 *   pg_stat_database_tup_fetched / _tup_returned / _tup_inserted / _tup_updated / _tup_deleted {datid,datname}  counter
 *   pg_stat_database_blks_hit / _blks_read {datid,datname}  counter (cache hit ratio)
 *   pg_stat_database_deadlocks{datid,datname}               counter
 *   pg_stat_database_conflicts, _temp_bytes, _temp_files {datid,datname}                counter
 *   pg_stat_database_numbackends{datid,datname}             gauge
 *   pg_stat_activity_count{datname,state}                   gauge (state: active, idle, idle in transaction, …)
 *   pg_stat_activity_max_tx_duration{datname,state}         gauge, seconds
 *   pg_database_size_bytes{datname}                         gauge
 *   pg_locks_count{datname,mode}                            gauge (mode lower-case: accesssharelock, rowexclusivelock, …)
 *   pg_settings_max_connections                             gauge (every pg_settings_* setting, units in the name)
 *   pg_stat_bgwriter_buffers_alloc_total, _checkpoints_timed_total, _checkpoints_req_total,
 *   pg_stat_bgwriter_buffers_checkpoint_total, _buffers_backend_total      counter
 *   pg_exporter_last_scrape_error                           gauge, 0 when every query worked
 * Not in 0.11.1 by default: pg_postmaster_start_time_seconds, pg_stat_user_tables_* (those need
 * --extend.query-path with a queries file).
 */
import { BINARIES, requireBinary } from './binaries.ts';
import { startExporter, type RunningExporter } from './exporter-process.ts';
import type { PostgresInstance } from './postgres.ts';

export function startPostgresExporter(pg: PostgresInstance, extraArgs: readonly string[] = []): Promise<RunningExporter> {
  return startExporter({
    name: 'postgres-exporter',
    binary: requireBinary(BINARIES.postgresExporter),
    args: ['--log.level=warn', ...extraArgs],
    env: { PATH: process.env.PATH, DATA_SOURCE_NAME: pg.dsn() },
  });
}
