import { accessSync, constants } from 'node:fs';

/** Where Debian bookworm's packages put the programs (`dpkg -L <package>`). */
export const BINARIES = {
  nodeExporter: '/usr/bin/prometheus-node-exporter',
  postgresExporter: '/usr/bin/prometheus-postgres-exporter',
  mysqldExporter: '/usr/bin/prometheus-mysqld-exporter',
  initdb: '/usr/lib/postgresql/15/bin/initdb',
  postgres: '/usr/lib/postgresql/15/bin/postgres',
  psql: '/usr/lib/postgresql/15/bin/psql',
  mariadbInstallDb: '/usr/bin/mariadb-install-db',
  mariadbd: '/usr/sbin/mariadbd',
  mariadb: '/usr/bin/mariadb',
  setpriv: '/usr/bin/setpriv',
} as const;

/** Throws a message that says how to install the program when it is missing. */
export function requireBinary(path: string): string {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`${path} is not installed: run \`bash .ci/exporters-setup.sh\` (as root) first`);
  }
  return path;
}
