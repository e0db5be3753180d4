import { fieldsOf, linesOf, parseCount } from './proc-text.ts';

/** CPU states as the Collector names them, in the order it records them; `wait` is iowait, `interrupt` is irq. */
export const CPU_STATES = ['user', 'system', 'idle', 'interrupt', 'nice', 'softirq', 'steal', 'wait'] as const;
export type CpuState = (typeof CPU_STATES)[number];

/** Column of each state in a `cpuN` line of /proc/stat (after the name). */
const COLUMN: Readonly<Record<CpuState, number>> = { user: 0, nice: 1, system: 2, idle: 3, wait: 4, interrupt: 5, softirq: 6, steal: 7 };

export interface CpuTicks {
  /** `cpu0`, `cpu1`, … as the Collector labels logical CPUs. */
  readonly cpu: string;
  /** Clock ticks (USER_HZ) spent in each state since boot; guest time is already part of user. */
  readonly ticks: Readonly<Record<CpuState, bigint>>;
}

export interface ProcStat {
  /** Boot time, seconds since the epoch (`btime`). */
  readonly bootTimeSeconds: bigint | undefined;
  /** One entry per logical CPU (the aggregate `cpu` line is left out). */
  readonly cpus: readonly CpuTicks[];
  readonly processesCreated: bigint | undefined;
  readonly procsRunning: bigint | undefined;
  readonly procsBlocked: bigint | undefined;
}

function cpuTicks(name: string, values: readonly string[]): CpuTicks | undefined {
  const ticks = {} as Record<CpuState, bigint>;
  for (const state of CPU_STATES) {
    // Old kernels have fewer columns (no steal): a missing column counts as zero.
    const raw = values[COLUMN[state]];
    const value = raw === undefined ? 0n : parseCount(raw);
    if (value === undefined) return undefined;
    ticks[state] = value;
  }
  return { cpu: name, ticks };
}

/** Parses /proc/stat. */
export function parseProcStat(text: string): ProcStat {
  const cpus: CpuTicks[] = [];
  const singles = new Map<string, bigint>();
  for (const line of linesOf(text)) {
    const [key, ...values] = fieldsOf(line);
    if (key === undefined) continue;
    if (/^cpu\d+$/.test(key)) {
      const cpu = cpuTicks(key, values);
      if (cpu !== undefined) cpus.push(cpu);
      continue;
    }
    const value = parseCount(values[0]);
    if (value !== undefined) singles.set(key, value);
  }
  return {
    bootTimeSeconds: singles.get('btime'),
    cpus,
    processesCreated: singles.get('processes'),
    procsRunning: singles.get('procs_running'),
    procsBlocked: singles.get('procs_blocked'),
  };
}
