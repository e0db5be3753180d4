import { chownSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { BINARIES, requireBinary } from './binaries.ts';
import { rememberTempDir } from './managed-process.ts';

/**
 * PostgreSQL refuses to run as root and MariaDB wants a user: when the tests run as root (CI does),
 * the servers run as the packages' system users; otherwise as whoever runs the tests.
 */
const isRoot = process.getuid?.() === 0;

function ids(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** A fresh temp directory the service user owns; removed at process exit at the latest. */
export function serviceTempDir(user: string, prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `sightline-${prefix}-`));
  rememberTempDir(dir);
  if (isRoot) {
    const { uid, gid } = ids(user);
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** `command args` run as `user` (through setpriv, which execs in place and keeps the pid). */
export function asServiceUser(user: string, command: string, args: readonly string[]): { command: string; args: string[] } {
  if (!isRoot) return { command, args: [...args] };
  const setpriv = requireBinary(BINARIES.setpriv);
  return { command: setpriv, args: [`--reuid=${user}`, `--regid=${user}`, '--init-groups', '--', command, ...args] };
}
