// Real exporters from Debian's packages (see .ci/exporters-setup.sh), run as child processes on loopback:
// their /metrics must carry what Sightline's host, PostgreSQL and MySQL dashboards are built from.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningExporter } from '../support/exporters/exporter-process.ts';
import { connectionRefused, waitFor } from '../support/exporters/loopback.ts';
import { startMariadb, type MariadbInstance } from '../support/exporters/mariadb.ts';
import { missingNames, samplesOf, scrape, valueOf } from '../support/exporters/metrics-text.ts';
import { startMysqldExporter } from '../support/exporters/mysqld-exporter.ts';
import { startNodeExporter } from '../support/exporters/node-exporter.ts';
import { startPostgresExporter } from '../support/exporters/postgres-exporter.ts';
import { startPostgres, type PostgresInstance } from '../support/exporters/postgres.ts';

const N = 200;

async function assertStopsListening(exporter: RunningExporter): Promise<void> {
  assert.equal(await connectionRefused(exporter.port), false, 'listening before stop');
  await exporter.stop();
  assert.equal(await connectionRefused(exporter.port), true, 'refused after stop');
}

describe('prometheus-node-exporter', { timeout: 60_000 }, () => {
  let exporter: RunningExporter | undefined;
  before(async () => {
    exporter = await startNodeExporter();
  });
  after(async () => {
    await exporter?.stop();
  });

  it('serves CPU, memory, filesystem, network and load', async () => {
    const samples = await scrape(exporter!.url);
    const wanted = ['node_cpu_seconds_total', 'node_memory_MemTotal_bytes', 'node_memory_MemAvailable_bytes', 'node_filesystem_size_bytes',
      'node_filesystem_avail_bytes', 'node_network_receive_bytes_total', 'node_network_transmit_bytes_total', 'node_load1', 'node_load5',
      'node_load15', 'node_boot_time_seconds', 'node_uname_info'];
    assert.deepEqual(missingNames(samples, wanted), []);
    assert.ok(valueOf(samples, 'node_memory_MemTotal_bytes') > 0);
    const modes = new Set(samplesOf(samples, 'node_cpu_seconds_total').map((sample) => sample.labels.mode));
    for (const mode of ['idle', 'user', 'system']) assert.ok(modes.has(mode), `cpu mode ${mode}`);
    assert.ok(samplesOf(samples, 'node_filesystem_size_bytes').some((sample) => sample.labels.mountpoint !== undefined && sample.value > 0));
    assert.ok(samplesOf(samples, 'node_network_receive_bytes_total').every((sample) => sample.labels.device !== undefined));
  });

  it('stops: its port then refuses connections', async () => {
    await assertStopsListening(exporter!);
  });
});

describe('prometheus-postgres-exporter on PostgreSQL 15', { timeout: 60_000 }, () => {
  let pg: PostgresInstance | undefined;
  let exporter: RunningExporter | undefined;
  before(async () => {
    pg = await startPostgres();
    exporter = await startPostgresExporter(pg);
  });
  after(async () => {
    await exporter?.stop();
    await pg?.stop();
  });

  it('reports the server up with the series a dashboard needs', async () => {
    const samples = await scrape(exporter!.url);
    assert.equal(valueOf(samples, 'pg_up'), 1);
    assert.equal(valueOf(samples, 'pg_exporter_last_scrape_error'), 0);
    const wanted = ['pg_stat_database_xact_commit', 'pg_stat_database_xact_rollback', 'pg_stat_database_tup_fetched',
      'pg_stat_database_blks_hit', 'pg_stat_database_blks_read', 'pg_stat_database_deadlocks', 'pg_settings_max_connections',
      'pg_stat_activity_count', 'pg_database_size_bytes', 'pg_locks_count', 'pg_static'];
    assert.deepEqual(missingNames(samples, wanted), []);
    assert.equal(valueOf(samples, 'pg_settings_max_connections'), 100);
    assert.ok(valueOf(samples, 'pg_database_size_bytes', { datname: pg!.database }) > 0);
    assert.equal(valueOf(samples, 'pg_stat_database_deadlocks', { datname: pg!.database }), 0);
    // The exporter's own connection is active in `postgres` while it scrapes.
    assert.ok(valueOf(samples, 'pg_stat_activity_count', { datname: 'postgres', state: 'active' }) >= 1);
  });

  it(`counts ${N} committed transactions in the application database`, async () => {
    const labels = { datname: pg!.database };
    const before = await scrape(exporter!.url);
    const commitsBefore = valueOf(before, 'pg_stat_database_xact_commit', labels);
    const insertsBefore = valueOf(before, 'pg_stat_database_tup_inserted', labels);
    await pg!.runTransactions(N);
    // A backend flushes its counters to shared statistics when it exits, which can land a moment after
    // psql returns: wait (bounded) until the whole batch is visible.
    const after = await waitFor('the transactions in pg_stat_database', async () => {
      const samples = await scrape(exporter!.url);
      return valueOf(samples, 'pg_stat_database_xact_commit', labels) - commitsBefore >= N ? samples : undefined;
    }, 10_000);
    // Slack: psql's session start commits one catalog transaction in the database (one session here), and
    // an autovacuum/autoanalyze worker may visit the database and commit a few; the exporter itself is
    // connected to `postgres`, not to this database, so its queries add nothing here.
    const SLACK = 5;
    const commits = valueOf(after, 'pg_stat_database_xact_commit', labels) - commitsBefore;
    assert.ok(commits >= N && commits <= N + SLACK, `xact_commit grew by ${commits}`);
    assert.equal(valueOf(after, 'pg_stat_database_tup_inserted', labels) - insertsBefore, N);
  });

  it('reports pg_up 0 when the server stops, then stops listening itself', async () => {
    await pg!.stop();
    pg = undefined;
    assert.equal(valueOf(await scrape(exporter!.url), 'pg_up'), 0);
    await assertStopsListening(exporter!);
  });
});

describe('prometheus-mysqld-exporter on MariaDB', { timeout: 60_000 }, () => {
  let db: MariadbInstance | undefined;
  let exporter: RunningExporter | undefined;
  before(async () => {
    db = await startMariadb();
    exporter = await startMysqldExporter(db);
  });
  after(async () => {
    await exporter?.stop();
    await db?.stop();
  });

  it('reports the server up with the series a dashboard needs', async () => {
    const samples = await scrape(exporter!.url);
    assert.equal(valueOf(samples, 'mysql_up'), 1);
    assert.equal(valueOf(samples, 'mysql_exporter_last_scrape_error'), 0);
    const wanted = ['mysql_global_status_threads_connected', 'mysql_global_status_threads_running', 'mysql_global_status_commands_total',
      'mysql_global_status_slow_queries', 'mysql_global_status_questions', 'mysql_global_status_uptime',
      'mysql_global_status_innodb_buffer_pool_read_requests', 'mysql_global_status_innodb_buffer_pool_reads',
      'mysql_global_variables_max_connections', 'mysql_global_variables_innodb_buffer_pool_size', 'mysql_version_info'];
    assert.deepEqual(missingNames(samples, wanted), []);
    assert.equal(valueOf(samples, 'mysql_global_variables_max_connections'), 151);
    assert.ok(valueOf(samples, 'mysql_global_status_threads_connected') >= 1);
    assert.ok(valueOf(samples, 'mysql_global_status_innodb_buffer_pool_read_requests') > 0);
  });

  it(`counts ${N} committed transactions and a slow query`, async () => {
    const before = await scrape(exporter!.url);
    const commitsBefore = valueOf(before, 'mysql_global_status_commands_total', { command: 'commit' });
    const insertsBefore = valueOf(before, 'mysql_global_status_commands_total', { command: 'insert' });
    const slowBefore = valueOf(before, 'mysql_global_status_slow_queries');
    await db!.runTransactions(N);
    await db!.runSlowQuery();
    const after = await scrape(exporter!.url);
    // Com_commit counts COMMIT statements server-wide; the exporter only runs SHOW and SELECT, so the
    // count is exact.
    assert.equal(valueOf(after, 'mysql_global_status_commands_total', { command: 'commit' }) - commitsBefore, N);
    assert.equal(valueOf(after, 'mysql_global_status_commands_total', { command: 'insert' }) - insertsBefore, N);
    assert.equal(valueOf(after, 'mysql_global_status_slow_queries') - slowBefore, 1);
  });

  it('reports mysql_up 0 when the server stops, then stops listening itself', async () => {
    await db!.stop();
    db = undefined;
    assert.equal(valueOf(await scrape(exporter!.url), 'mysql_up'), 0);
    await assertStopsListening(exporter!);
  });
});
