import { parseArgs } from 'node:util';
import { isAppError } from '../errors.ts';
import { loadConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { redactSecrets } from '../config/redact-config.ts';
import { startServer } from '../main.ts';
import { runBackup } from './backup.ts';
import { runRestore } from './restore.ts';

const USAGE = `Usage: sightline <command> [options]

Commands:
  start          run the platform (OTLP receivers, store, API and UI)
  check-config   validate the configuration and print it, without starting
  backup <dir>   snapshot the running server's store into <dir> (--api-url URL, default http://127.0.0.1:8080)
  restore <dir>  restore a backup into an empty data directory (--data-dir DIR), with no server running on it

Options:
  --config FILE       YAML configuration file
  --data-dir DIR      where the embedded store keeps its data (default ./data)
  --grpc-port N       OTLP/gRPC port (default 4317)
  --http-port N       OTLP/HTTP port (default 4318)
  --api-port N        UI and API port (default 8080)
  --set PATH=VALUE    any setting by its path, e.g. --set retention.tracesDays=7 (repeatable)

Every setting can also come from SIGHTLINE_* environment variables, e.g. SIGHTLINE_OTLP_GRPC_PORT.
Precedence: flags > environment > file > defaults.`;

const FLAG_PATHS = { 'data-dir': 'dataDir', 'grpc-port': 'otlp.grpc.port', 'http-port': 'otlp.http.port', 'api-port': 'api.port' } as const;

function configFromArgs(args: string[]): Config {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      'grpc-port': { type: 'string' },
      'http-port': { type: 'string' },
      'api-port': { type: 'string' },
      set: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const flags: Record<string, string> = {};
  for (const [flag, path] of Object.entries(FLAG_PATHS)) {
    const value = values[flag as keyof typeof FLAG_PATHS];
    if (value !== undefined) flags[path] = value;
  }
  for (const assignment of values.set ?? []) {
    const split = assignment.indexOf('=');
    if (split <= 0) throw new Error(`--set expects PATH=VALUE, got "${assignment}"`);
    flags[assignment.slice(0, split)] = assignment.slice(split + 1);
  }
  return loadConfig({ file: values.config, env: process.env, flags });
}

async function start(config: Config): Promise<void> {
  const server = await startServer(config);
  const { grpc, http, api } = server.ports;
  const log = server.logger;
  log.info(`sightline: OTLP gRPC on :${grpc}, OTLP HTTP on :${http}, UI and API on ${config.api.tls.enabled ? 'https' : 'http'}://localhost:${api} (data in ${config.dataDir})`, { grpcPort: grpc, httpPort: http, apiPort: api, dataDir: config.dataDir });
  if (server.ports.syslog !== undefined) log.info(`sightline: syslog on UDP :${server.ports.syslog.udp} and TCP :${server.ports.syslog.tcp}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`sightline: ${signal} received; flushing pending telemetry and closing the store`, { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('sightline: error while stopping', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // SIGHUP re-reads the TLS certificate files (it would otherwise end the process).
  process.on('SIGHUP', () => {
    if (stopping) return;
    const outcome = server.reloadTls();
    log.info(`sightline: SIGHUP received; TLS certificates reloaded for ${outcome.reloaded.length} listener(s), refused for ${outcome.failed.length}`, {
      signal: 'SIGHUP',
      reloaded: outcome.reloaded.map((entry) => entry.listener),
      failed: outcome.failed.map((entry) => entry.listener),
    });
  });
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      await start(configFromArgs(rest));
      return;
    case 'backup':
      process.exitCode = await runBackup(rest);
      return;
    case 'restore':
      process.exitCode = await runRestore(rest);
      return;
    case 'check-config':
      console.log(JSON.stringify(redactSecrets(configFromArgs(rest)), null, 2));
      console.log('configuration is valid');
      return;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(isAppError(error) ? `sightline: ${error.code}: ${error.message}` : error);
  process.exit(1);
});
