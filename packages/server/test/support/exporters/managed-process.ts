import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * A child process started in its own process group, so stopping it also ends everything it forked
 * (postgres backends, for instance). Anything still alive when the test process exits is killed, and
 * registered temp directories are removed, so a failing test does not leave servers on the machine.
 */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** The last 64 KiB of stdout and stderr together, for error messages. */
  output(): string;
  hasExited(): boolean;
  /** Sends `signal` to the whole group, waits up to `graceMs` for the leader to exit, then SIGKILLs the group. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export interface ManagedProcessOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

const OUTPUT_LIMIT = 64 * 1024;
const liveGroups = new Set<number>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Removes `dir` when the test process exits, unless `removeTempDir` already did. */
export function rememberTempDir(dir: string): void {
  installExitHook();
  tempDirs.add(dir);
}

/** Removes `dir` now. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

export function startManagedProcess(options: ManagedProcessOptions): ManagedProcess {
  installExitHook();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${options.name}: could not start ${options.command}`);
  const pid = child.pid;
  liveGroups.add(pid);
  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (error) => {
      append(Buffer.from(`\n${String(error)}\n`));
      exited = true;
      resolve();
    });
  });

  return {
    name: options.name,
    pid,
    output: () => output,
    hasExited: () => exited,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (!exited) {
        killGroup(pid, signal);
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        });
        await Promise.race([exitedPromise, grace]);
        clearTimeout(timer);
      }
      // Whatever the leader left behind in its group goes too.
      killGroup(pid, 'SIGKILL');
      await exitedPromise;
      liveGroups.delete(pid);
    },
  };
}
