import path from 'node:path';
import { BINARIES, requireBinary } from './binaries.ts';
import { LOOPBACK, GiveUp, freePort, waitFor } from './loopback.ts';
import { removeTempDir, startManagedProcess } from './managed-process.ts';
import { runClient } from './run-client.ts';
import { asServiceUser, serviceTempDir } from './service-user.ts';

/**
 * A throw-away MariaDB 10.11 server: mariadb-install-db into a temp directory, mariadbd on a free
 * loopback port with its socket in that directory, run as the `mysql` system user when the tests run
 * as root. No option files are read (--no-defaults), so /etc/mysql does not matter.
 */
export interface MariadbInstance {
  readonly host: typeof LOOPBACK;
  readonly port: number;
  readonly socket: string;
  /** The application database the load helpers write to. */
  readonly database: string;
  /** The account a mysqld exporter uses: PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT. */
  readonly exporterUser: { readonly name: string; readonly password: string };
  /** Runs SQL through the `mariadb` client as root over the socket; resolves its tab-separated output. */
  sql(script: string): Promise<string>;
  /** Commits `count` transactions (BEGIN; INSERT; SELECT; COMMIT) in the application database, in one session. */
  runTransactions(count: number): Promise<void>;
  /** One statement slower than the session's long_query_time, so Slow_queries grows by one. */
  runSlowQuery(): Promise<void>;
  stop(): Promise<void>;
}

const SYSTEM_USER = 'mysql';

export interface MariadbOptions {
  readonly database?: string;
  readonly readyTimeoutMs?: number;
}

export async function startMariadb(options: MariadbOptions = {}): Promise<MariadbInstance> {
  const database = options.database ?? 'sightline_app';
  const exporterUser = { name: 'sightline_exporter', password: 'exporter-test-only' };
  const dir = serviceTempDir(SYSTEM_USER, 'mariadb');
  const dataDir = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  const port = await freePort();

  const install = asServiceUser(SYSTEM_USER, requireBinary(BINARIES.mariadbInstallDb), [
    '--no-defaults', `--datadir=${dataDir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve',
  ]);
  await runClient(install.command, install.args, '');

  const server = asServiceUser(SYSTEM_USER, requireBinary(BINARIES.mariadbd), [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--socket=${socket}`,
    `--port=${port}`,
    `--bind-address=${LOOPBACK}`,
    `--pid-file=${path.join(dir, 'mysqld.pid')}`,
    `--tmpdir=${dir}`,
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=32M',
    // A test server: durability is not the point, speed is.
    '--innodb-flush-log-at-trx-commit=0',
  ]);
  const child = startManagedProcess({ name: 'mariadbd', command: server.command, args: server.args, cwd: dir });

  const client = requireBinary(BINARIES.mariadb);
  const sql = (script: string): Promise<string> => runClient(client, ['--no-defaults', `--socket=${socket}`, '--user=root', '--batch', '--skip-column-names'], script);
  const stop = async (): Promise<void> => {
    await child.stop('SIGTERM');
    removeTempDir(dir);
  };

  try {
    await waitFor(
      `mariadbd on ${LOOPBACK}:${port}`,
      async () => {
        if (child.hasExited()) throw new GiveUp(`mariadbd exited: ${child.output()}`);
        return (await sql('SELECT 1;')).trim() === '1' ? true : undefined;
      },
      options.readyTimeoutMs,
    );
    await sql(
      [
        `CREATE USER '${exporterUser.name}'@'${LOOPBACK}' IDENTIFIED BY '${exporterUser.password}' WITH MAX_USER_CONNECTIONS 3;`,
        // SLAVE MONITOR: MariaDB 10.5+ needs it for SHOW SLAVE STATUS, which the exporter runs by default.
        `GRANT PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT ON *.* TO '${exporterUser.name}'@'${LOOPBACK}';`,
        `CREATE DATABASE ${database};`,
        `CREATE TABLE ${database}.load_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB;`,
      ].join('\n'),
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    host: LOOPBACK,
    port,
    socket,
    database,
    exporterUser,
    sql,
    async runTransactions(count) {
      const lines = [`USE ${database};`];
      for (let i = 0; i < count; i += 1) {
        lines.push(`BEGIN; INSERT INTO load_rows (n) VALUES (${i}); SELECT COUNT(*) FROM load_rows WHERE id = LAST_INSERT_ID(); COMMIT;`);
      }
      await sql(`${lines.join('\n')}\n`);
    },
    async runSlowQuery() {
      await sql('SET SESSION long_query_time = 0.05; SELECT SLEEP(0.2);');
    },
    stop,
  };
}
