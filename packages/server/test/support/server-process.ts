import assert from 'node:assert/strict';
import type { z } from 'zod';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/sightline.mjs');

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly ports: { grpc: number; http: number; api: number };
  /** What the process printed on stdout so far (e.g. the ports of optional receivers). */
  output(): string;
  /** Resident memory now and the process's peak so far (bytes), from /proc. */
  memory(): { rss: number; peak: number };
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

function statusBytes(pid: number, field: string): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match === null ? 0 : Number(match[1]) * 1024;
}

/** Starts `sightline start` as its own process on free ports and waits until it listens. */
export function startServerProcess(dataDir: string, extraArgs: string[] = [], options: { readonly env?: Readonly<Record<string, string>> } = {}): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [BIN, 'start', '--data-dir', dataDir, '--grpc-port', '0', '--http-port', '0', '--api-port', '0', '--set', 'api.host=127.0.0.1', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'], ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } }) },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /OTLP gRPC on :(\d+), OTLP HTTP on :(\d+), UI and API on https?:\/\/localhost:(\d+)/.exec(stdout);
      if (match === null) return;
      const pid = child.pid!;
      resolve({
        child,
        ports: { grpc: Number(match[1]), http: Number(match[2]), api: Number(match[3]) },
        output: () => stdout,
        memory: () => ({ rss: statusBytes(pid, 'VmRSS'), peak: statusBytes(pid, 'VmHWM') }),
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill(signal);
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${stderr}`)));
  });
}

/**
 * One server process for the enclosing test suite, on a fresh data directory: started in `before`,
 * stopped and its data removed in `after`. Call inside `describe`; use the returned getter in tests.
 */
export function serverForSuite(name: string, extraArgs: string[] = []): () => ServerProcess {
  const dir = mkdtempSync(path.join(tmpdir(), `sightline-${name}-`));
  let server: ServerProcess | undefined;
  before(async () => {
    server = await startServerProcess(path.join(dir, 'data'), extraArgs);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (server === undefined) throw new Error(`the ${name} server has not started`);
    return server;
  };
}

/** GET `/api/v1<path>` from a running server; must answer 200; the body parsed by its contract schema. */
export async function apiGet<S extends z.ZodType>(server: ServerProcess, schema: S, path: string): Promise<z.output<S>> {
  const response = await fetch(`http://127.0.0.1:${server.ports.api}/api/v1${path}`);
  const body: unknown = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return schema.parse(body);
}
