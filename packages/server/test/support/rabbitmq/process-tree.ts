import { readdirSync, readFileSync } from 'node:fs';

/**
 * Processes identified by pid and start time (so a reused pid is never mistaken for one of ours),
 * read from /proc. The Erlang VM puts its port programs (erl_child_setup, inet_gethost) in sessions of
 * their own, so killing the broker's process group does not reach them: they are found by parentage.
 */
export interface ProcessId {
  readonly pid: number;
  readonly startTicks: string;
}

interface Stat {
  readonly ppid: number;
  readonly startTicks: string;
}

function statOf(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may itself contain spaces or parentheses).
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is the state (3rd field of stat), so the ppid (4th) is fields[1] and starttime (22nd) fields[19].
    if (fields[0] === 'Z') return undefined;
    return { ppid: Number(fields[1]), startTicks: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** `root` and all its live descendants. */
export function processTree(root: number): ProcessId[] {
  const children = new Map<number, number[]>();
  const stats = new Map<number, Stat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = statOf(pid);
    if (stat === undefined) continue;
    stats.set(pid, stat);
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  const found: ProcessId[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const stat = stats.get(pid);
    if (stat === undefined) continue;
    found.push({ pid, startTicks: stat.startTicks });
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Whether that very process still runs (not a zombie, not a later process with the same pid). */
export function isAlive(target: ProcessId): boolean {
  return statOf(target.pid)?.startTicks === target.startTicks;
}

/** SIGKILLs each of `processes` that still runs. */
export function killSurvivors(processes: readonly ProcessId[]): void {
  for (const target of processes) {
    if (!isAlive(target)) continue;
    try {
      process.kill(target.pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}
