import { LOOPBACK, GiveUp, freePort, waitFor } from './loopback.ts';
import { startManagedProcess, type ManagedProcess } from './managed-process.ts';

/** A running exporter: its scrape URL, and a stop that leaves its port refusing connections. */
export interface RunningExporter {
  /** `http://127.0.0.1:<port>/metrics` */
  readonly url: string;
  readonly port: number;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

export interface ExporterOptions {
  readonly name: string;
  readonly binary: string;
  /** Flags besides `--web.listen-address`, which this adds. */
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly readyTimeoutMs?: number;
}

/** Starts an exporter on a free loopback port and waits until its /metrics answers 200. */
export async function startExporter(options: ExporterOptions): Promise<RunningExporter> {
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}/metrics`;
  const child = startManagedProcess({
    name: options.name,
    command: options.binary,
    args: [`--web.listen-address=${LOOPBACK}:${port}`, ...options.args],
    env: options.env,
    cwd: options.cwd,
  });
  try {
    await waitFor(
      `${options.name} on ${url}`,
      async () => {
        if (child.hasExited()) throw new GiveUp(`${options.name} exited: ${child.output()}`);
        const response = await fetch(url);
        await response.arrayBuffer();
        return response.status === 200 ? true : undefined;
      },
      options.readyTimeoutMs,
    );
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return { url, port, process: child, stop: () => child.stop('SIGTERM') };
}
