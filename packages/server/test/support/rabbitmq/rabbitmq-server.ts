import { accessSync, chownSync, constants, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { LOOPBACK, GiveUp, connectionRefused, freePort, waitFor } from '../exporters/loopback.ts';
import { removeTempDir, startManagedProcess, type ManagedProcess } from '../exporters/managed-process.ts';
import { asServiceUser, serviceTempDir } from '../exporters/service-user.ts';
import { answersAmqp } from './amqp-probe.ts';
import { isAlive, killSurvivors, processTree, type ProcessId } from './process-tree.ts';

/**
 * A throw-away RabbitMQ broker from Debian's `rabbitmq-server` package (see .ci/rabbitmq-setup.sh):
 * its own epmd and the broker run as plain child processes (as the `rabbitmq` system user when the
 * tests run as root) on free loopback ports, with every directory and config file in one temp dir.
 * No plugins (so no management UI); the default `guest` user may log in from localhost.
 */
export interface RabbitmqInstance {
  readonly host: typeof LOOPBACK;
  readonly port: number;
  readonly nodename: string;
  /** The temp directory that holds the broker's config, data and logs (removed by `stop`). */
  readonly baseDir: string;
  /** The live processes of the instance: epmd, the broker and everything they started. */
  processes(): ProcessId[];
  /** `amqp://guest:guest@127.0.0.1:<port>`. */
  readonly url: string;
  /** What the broker printed (its console log), for error messages. */
  output(): string;
  /** Stops the broker and its epmd (their process trees), then removes the temp dir. */
  stop(): Promise<void>;
}

/** Where Debian bookworm's packages put the programs (`dpkg -L rabbitmq-server erlang-base`). */
const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const EPMD = '/usr/bin/epmd';
const SYSTEM_USER = 'rabbitmq';

function requireProgram(file: string): string {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    throw new Error(`${file} is not installed: run \`bash .ci/rabbitmq-setup.sh\` (as root) first`);
  }
  return file;
}

/** Writes a file into `dir` that the broker reads, owned like the dir (the service user's, under root). */
function writeOwned(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  if (process.getuid?.() === 0) {
    const { uid, gid } = statSync(dir);
    chownSync(file, uid, gid);
  }
  return file;
}

export interface RabbitmqOptions {
  readonly readyTimeoutMs?: number;
}

export async function startRabbitmq(options: RabbitmqOptions = {}): Promise<RabbitmqInstance> {
  const server = requireProgram(RABBITMQ_SERVER);
  const epmdProgram = requireProgram(EPMD);
  const dir = serviceTempDir(SYSTEM_USER, 'rabbitmq');
  const [port, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const nodename = `sightline-test-${randomBytes(4).toString('hex')}@localhost`;
  const timeoutMs = options.readyTimeoutMs ?? 25_000;

  const config = writeOwned(dir, 'rabbitmq.conf', [
    `listeners.tcp.default = ${LOOPBACK}:${port}`,
    'loopback_users.guest = true',
    'log.console = true',
    'log.console.level = info',
    'log.file = false',
    '',
  ].join('\n'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    // Erlang keeps its cookie in $HOME; the broker's state lives under the temp dir only.
    HOME: dir,
    RABBITMQ_CONF_ENV_FILE: writeOwned(dir, 'rabbitmq-env.conf', ''),
    RABBITMQ_CONFIG_FILE: config,
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(dir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: writeOwned(dir, 'enabled_plugins', '[].\n'),
    RABBITMQ_NODENAME: nodename,
    RABBITMQ_NODE_IP_ADDRESS: LOOPBACK,
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_PID_FILE: path.join(dir, 'rabbitmq.pid'),
    // Inter-node distribution on loopback only, through the epmd started below.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: `-kernel inet_dist_use_interface {127,0,0,1}`,
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: LOOPBACK,
  };

  // Our own epmd in the foreground (its own process group): left to itself, erl would start one as a
  // daemon outside the broker's process group, and it would outlive the test.
  const epmdCommand = asServiceUser(SYSTEM_USER, epmdProgram, ['-port', String(epmdPort), '-address', LOOPBACK]);
  const started: ManagedProcess[] = [startManagedProcess({ name: 'epmd', command: epmdCommand.command, args: epmdCommand.args, env, cwd: dir })];
  const processes = (): ProcessId[] => started.flatMap((child) => processTree(child.pid)).filter(isAlive);
  const stop = async (): Promise<void> => {
    const tree = processes();
    // The broker first (SIGTERM is a clean shutdown for the Erlang VM), then its epmd; then whatever
    // left their process groups (the VM's port programs).
    for (const child of [...started].reverse()) await child.stop('SIGTERM', 15_000);
    killSurvivors(tree);
    removeTempDir(dir);
  };

  try {
    const epmd = started[0]!;
    await waitFor(`epmd on ${LOOPBACK}:${epmdPort}`, async () => {
      if (epmd.hasExited()) throw new GiveUp(`epmd exited: ${epmd.output()}`);
      return (await connectionRefused(epmdPort)) ? undefined : true;
    }, timeoutMs);
    const brokerCommand = asServiceUser(SYSTEM_USER, server, []);
    const broker = startManagedProcess({ name: 'rabbitmq-server', command: brokerCommand.command, args: brokerCommand.args, env, cwd: dir });
    started.push(broker);
    await waitFor(`rabbitmq-server (AMQP) on ${LOOPBACK}:${port}`, async () => {
      if (broker.hasExited()) throw new GiveUp(`rabbitmq-server exited: ${broker.output()}`);
      return (await answersAmqp(port)) ? true : undefined;
    }, timeoutMs);
  } catch (error) {
    const output = started.map((child) => `--- ${child.name}\n${child.output()}`).join('\n');
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
  }

  const broker = started[1]!;
  return {
    host: LOOPBACK,
    port,
    nodename,
    baseDir: dir,
    processes,
    url: `amqp://guest:guest@${LOOPBACK}:${port}`,
    output: () => broker.output(),
    stop,
  };
}
