/**
 * prometheus-mysqld-exporter 0.14.0 (Debian bookworm) pointed at a MariadbInstance through a my.cnf in
 * a temp directory (--config.my-cnf; 0.14 also reads DATA_SOURCE_NAME, but later versions dropped it).
 *
 * Metric names a MySQL/MariaDB dashboard needs (present in 0.14.0 against MariaDB 10.11 with the default
 * collectors; SHOW GLOBAL STATUS values are exported *untyped*, so a scraper must accept that type):
 *   mysql_up                                                gauge, 1 when the last scrape reached the server
 *   mysql_version_info{version,version_comment,innodb_version} 1   gauge (info)
 *   mysql_global_status_uptime                              untyped, seconds
 *   mysql_global_status_threads_connected, _threads_running untyped (gauge-like)
 *   mysql_global_status_connections, _aborted_connects, _aborted_clients    untyped (counter-like)
 *   mysql_global_status_max_used_connections               untyped
 *   mysql_global_status_questions, _queries                 untyped (counter-like; QPS)
 *   mysql_global_status_commands_total{command}             counter (command: select insert update delete begin commit rollback …)
 *   mysql_global_status_slow_queries                        untyped (counter-like)
 *   mysql_global_status_bytes_received, _bytes_sent         untyped (counter-like)
 *   mysql_global_status_innodb_buffer_pool_read_requests, _innodb_buffer_pool_reads  untyped (hit ratio)
 *   mysql_global_status_buffer_pool_pages{state}            gauge (state: data free misc old)
 *   mysql_global_status_innodb_row_lock_waits, _innodb_row_lock_time, _innodb_deadlocks  untyped
 *   mysql_global_status_handlers_total{handler}             counter
 *   mysql_global_status_created_tmp_disk_tables, _created_tmp_tables, _table_locks_waited  untyped
 *   mysql_global_variables_max_connections                  gauge
 *   mysql_global_variables_innodb_buffer_pool_size          gauge, bytes
 *   mysql_exporter_last_scrape_error                        gauge, 0 when every collector worked
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BINARIES, requireBinary } from './binaries.ts';
import { startExporter, type RunningExporter } from './exporter-process.ts';
import { rememberTempDir, removeTempDir } from './managed-process.ts';
import type { MariadbInstance } from './mariadb.ts';

export async function startMysqldExporter(db: MariadbInstance, extraArgs: readonly string[] = []): Promise<RunningExporter> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-mysqld-exporter-'));
  rememberTempDir(dir);
  const myCnf = path.join(dir, 'exporter.cnf');
  const { name, password } = db.exporterUser;
  writeFileSync(myCnf, `[client]\nuser=${name}\npassword=${password}\nhost=${db.host}\nport=${db.port}\n`, { mode: 0o600 });
  try {
    const exporter = await startExporter({
      name: 'mysqld-exporter',
      binary: requireBinary(BINARIES.mysqldExporter),
      args: [`--config.my-cnf=${myCnf}`, '--log.level=warn', ...extraArgs],
      // No DATA_SOURCE_NAME: it would take precedence over the my.cnf.
      env: { PATH: process.env.PATH },
      cwd: dir,
    });
    return {
      ...exporter,
      async stop() {
        await exporter.stop();
        removeTempDir(dir);
      },
    };
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
}
