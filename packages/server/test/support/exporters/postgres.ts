import path from 'node:path';
import { BINARIES, requireBinary } from './binaries.ts';
import { LOOPBACK, GiveUp, freePort, waitFor } from './loopback.ts';
import { removeTempDir, startManagedProcess } from './managed-process.ts';
import { runClient } from './run-client.ts';
import { asServiceUser, serviceTempDir } from './service-user.ts';

/**
 * A throw-away PostgreSQL 15 server: initdb into a temp directory, postgres on a free loopback port
 * with its unix socket in that directory, run as the `postgres` system user when the tests run as root.
 * Local connections are trusted (initdb -A trust), so no passwords are involved.
 */
export interface PostgresInstance {
  readonly host: typeof LOOPBACK;
  readonly port: number;
  readonly socketDir: string;
  /** The application database the load helpers write to. */
  readonly database: string;
  /** A login role with only `pg_monitor`, as a production exporter would use. */
  readonly monitorRole: string;
  /** libpq URL for `role` (default the monitor role) and `database` (default `postgres`). */
  dsn(database?: string, role?: string): string;
  /** Runs an SQL script through psql as the superuser; resolves psql's unaligned output. */
  sql(script: string, database?: string): Promise<string>;
  /** Commits `count` transactions (each one INSERT) in the application database, in one psql session. */
  runTransactions(count: number): Promise<void>;
  /** Fast shutdown, then the temp directory is removed. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const SYSTEM_USER = 'postgres';

export interface PostgresOptions {
  readonly database?: string;
  readonly readyTimeoutMs?: number;
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresInstance> {
  const database = options.database ?? 'sightline_app';
  const monitorRole = 'sightline_monitor';
  const dir = serviceTempDir(SYSTEM_USER, 'pg');
  const dataDir = path.join(dir, 'data');
  const port = await freePort();

  const initdb = asServiceUser(SYSTEM_USER, requireBinary(BINARIES.initdb), [
    '-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions',
  ]);
  await runClient(initdb.command, initdb.args, '');

  const server = asServiceUser(SYSTEM_USER, requireBinary(BINARIES.postgres), [
    '-D', dataDir,
    '-p', String(port),
    '-c', `listen_addresses=${LOOPBACK}`,
    '-c', `unix_socket_directories=${dir}`,
    // A test server: durability is not the point, speed is.
    '-c', 'fsync=off',
    '-c', 'shared_buffers=32MB',
  ]);
  const child = startManagedProcess({ name: 'postgres', command: server.command, args: server.args, cwd: dir });

  const psql = requireBinary(BINARIES.psql);
  const sql = (script: string, db = 'postgres'): Promise<string> =>
    runClient(psql, ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', LOOPBACK, '-p', String(port), '-U', SUPERUSER, '-d', db, '-f', '-'], script);
  // SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for clients to leave).
  const stop = async (): Promise<void> => {
    await child.stop('SIGINT');
    removeTempDir(dir);
  };

  try {
    await waitFor(
      `postgres on ${LOOPBACK}:${port}`,
      async () => {
        if (child.hasExited()) throw new GiveUp(`postgres exited: ${child.output()}`);
        return (await sql('SELECT 1;')).trim() === '1' ? true : undefined;
      },
      options.readyTimeoutMs,
    );
    await sql(`CREATE DATABASE ${database};`);
    await sql(`CREATE ROLE ${monitorRole} LOGIN; GRANT pg_monitor TO ${monitorRole};`);
    await sql('CREATE TABLE load_rows (id bigserial PRIMARY KEY, n integer NOT NULL, at timestamptz NOT NULL DEFAULT now());', database);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    host: LOOPBACK,
    port,
    socketDir: dir,
    database,
    monitorRole,
    dsn: (db = 'postgres', role = monitorRole) => `postgresql://${role}@${LOOPBACK}:${port}/${db}?sslmode=disable`,
    sql,
    async runTransactions(count) {
      const lines: string[] = [];
      for (let i = 0; i < count; i += 1) lines.push(`BEGIN; INSERT INTO load_rows (n) VALUES (${i}); COMMIT;`);
      await sql(`${lines.join('\n')}\n`, database);
    },
    stop,
  };
}
