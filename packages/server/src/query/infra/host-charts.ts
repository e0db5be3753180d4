/** Per-key, per-step figures → one host's chart lines. Pure. */

import type { HostSeries, InfraHostDetailResponse } from '@sightline/contract';
import type { KeyDescriptor } from './host-keys.ts';
import type { KeyStepRow } from './host-points.ts';
import { countsInMemoryTotal, filesystemUse } from './host-summary.ts';

type Charts = Pick<InfraHostDetailResponse, 'cpuStates' | 'cpuBusy' | 'memoryStates' | 'memoryUsed' | 'diskUsed' | 'network' | 'diskIo' | 'load'>;

interface StepCell {
  /** Null when no point of the step has a predecessor. */
  increase: number | null;
  last: number | null;
}

/** The key's cells by step; a step without points has none. */
type KeyCells = ReadonlyMap<number, StepCell>;

interface KeyData {
  readonly key: KeyDescriptor;
  readonly cells: KeyCells;
}

const CPU_STATE_ORDER = ['user', 'system', 'iowait', 'wait', 'nice', 'irq', 'interrupt', 'softirq', 'steal'];
const LOAD_LINES = [
  ['load1', '1m'],
  ['load5', '5m'],
  ['load15', '15m'],
] as const;

function steps<T>(count: number, at: (step: number) => T): T[] {
  return Array.from({ length: count }, (_, step) => at(step));
}

/** Sum over keys of a step's cell value; null when no key has a cell in the step. */
function sumAt(keys: readonly KeyData[], step: number, pick: (cell: StepCell) => number | null): number | null {
  let total: number | null = null;
  for (const { cells } of keys) {
    const cell = cells.get(step);
    const value = cell === undefined ? null : pick(cell);
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

const ratio = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole <= 0 ? null : Math.min(1, Math.max(0, part / whole));

const byOrder = (order: readonly string[]) => (a: string, b: string) => {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
};

function groupBy(keys: readonly KeyData[], name: (key: KeyDescriptor) => string): Map<string, KeyData[]> {
  const groups = new Map<string, KeyData[]>();
  for (const k of keys) groups.set(name(k.key), [...(groups.get(name(k.key)) ?? []), k]);
  return groups;
}

function cpuCharts(cpu: readonly KeyData[], count: number): Pick<Charts, 'cpuStates' | 'cpuBusy'> {
  const total = steps(count, (i) => sumAt(cpu, i, (c) => c.increase));
  const states = groupBy(cpu, (k) => k.state);
  const idle = states.get('idle') ?? [];
  const cpuStates = [...states.keys()]
    .filter((state) => state !== 'idle')
    .sort(byOrder(CPU_STATE_ORDER))
    .map((state) => ({
      name: state,
      values: steps(count, (i) =>
        ratio(
          sumAt(states.get(state) ?? [], i, (c) => c.increase),
          total[i] ?? null,
        ),
      ),
    }));
  const cpuBusy = steps(count, (i) => {
    const all = total[i] ?? null;
    return all === null || all <= 0 ? null : ratio(all - (sumAt(idle, i, (c) => c.increase) ?? 0), all);
  });
  return { cpuStates, cpuBusy };
}

function memoryCharts(keys: readonly KeyData[], count: number): Pick<Charts, 'memoryStates' | 'memoryUsed'> {
  const otel = keys.filter((k) => k.key.role === 'memory');
  if (otel.length > 0) {
    const states = groupBy(otel, (k) => k.state);
    const used = states.get('used') ?? [];
    const counted = otel.filter((k) => countsInMemoryTotal(k.key.state));
    return {
      memoryStates: [...states.entries()].map(([name, group]) => ({
        name,
        values: steps(count, (i) => sumAt(group, i, (c) => c.last)),
      })),
      memoryUsed: steps(count, (i) =>
        ratio(
          sumAt(used, i, (c) => c.last),
          sumAt(counted, i, (c) => c.last),
        ),
      ),
    };
  }
  const utilization = keys.filter((k) => k.key.role === 'memoryUtilization' && k.key.state === 'used');
  if (utilization.length > 0)
    return {
      memoryStates: [],
      memoryUsed: steps(count, (i) =>
        ratio(
          sumAt(utilization, i, (c) => c.last),
          1,
        ),
      ),
    };
  const total = keys.filter((k) => k.key.role === 'memTotal');
  const available = keys.filter((k) => k.key.role === 'memAvailable');
  const usedAt = (i: number): number | null => {
    const t = sumAt(total, i, (c) => c.last);
    const a = sumAt(available, i, (c) => c.last);
    return t === null || a === null ? null : Math.max(0, t - a);
  };
  if (total.length === 0) return { memoryStates: [], memoryUsed: [] };
  return {
    memoryStates: [
      { name: 'used', values: steps(count, usedAt) },
      {
        name: 'available',
        values: steps(count, (i) => sumAt(available, i, (c) => c.last)),
      },
    ],
    memoryUsed: steps(count, (i) =>
      ratio(
        usedAt(i),
        sumAt(total, i, (c) => c.last),
      ),
    ),
  };
}

function diskUsed(keys: readonly KeyData[], count: number): HostSeries[] {
  const byFs = groupBy(keys, (k) => JSON.stringify([k.mountpoint, k.device, k.fsType]));
  const lines: HostSeries[] = [];
  for (const group of byFs.values()) {
    const first = group[0]?.key;
    if (first === undefined) continue;
    const otel = first.role === 'fs';
    const values = steps(count, (i) => {
      const latest = new Map<string, number>();
      for (const { key, cells } of group) {
        const last = cells.get(i)?.last;
        if (last !== undefined && last !== null) latest.set(otel ? key.state : key.role, last);
      }
      const use = filesystemUse(latest, otel);
      return use === undefined ? null : ratio(Math.max(0, use.used), use.size);
    });
    lines.push({ name: first.mountpoint, values });
  }
  return lines.sort((a, b) => a.name.localeCompare(b.name));
}

function perSecondLines(keys: readonly KeyData[], count: number, stepSeconds: number, name: (key: KeyDescriptor) => string): HostSeries[] {
  return [...groupBy(keys, name).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([line, group]) => ({
      name: line,
      values: steps(count, (i) => {
        const increase = sumAt(group, i, (c) => c.increase);
        return increase === null ? null : Math.max(0, increase) / stepSeconds;
      }),
    }));
}

/** The chart lines of one host's keys over `count` steps of `stepSeconds`. */
export function hostCharts(descriptors: readonly KeyDescriptor[], rows: readonly KeyStepRow[], count: number, stepSeconds: number): Charts {
  const cells = new Map<number, Map<number, StepCell>>();
  for (const row of rows) {
    const step = Number(row.bucket);
    if (step < 0 || step >= count) continue;
    const keyCells = cells.get(row.key_index) ?? new Map<number, StepCell>();
    keyCells.set(step, {
      increase: Number(row.n_deltas) > 0 ? row.increase : null,
      last: row.last_value,
    });
    cells.set(row.key_index, keyCells);
  }
  const keys: KeyData[] = descriptors.map((key, index) => ({
    key,
    cells: cells.get(index + 1) ?? new Map(),
  }));
  const of = (test: (key: KeyDescriptor) => boolean) => keys.filter((k) => test(k.key));
  return {
    ...cpuCharts(
      of((k) => k.role === 'cpu'),
      count,
    ),
    ...memoryCharts(
      of((k) => k.role.startsWith('mem')),
      count,
    ),
    diskUsed: diskUsed(
      of((k) => k.role.startsWith('fs')),
      count,
    ),
    network: perSecondLines(
      of((k) => k.role === 'net'),
      count,
      stepSeconds,
      (k) => `${k.device} ${k.direction}`,
    ),
    diskIo: perSecondLines(
      of((k) => k.role === 'diskIo'),
      count,
      stepSeconds,
      (k) => k.direction,
    ),
    load: LOAD_LINES.flatMap(([role, name]) => {
      const group = of((k) => k.role === role);
      return group.length === 0
        ? []
        : [
            {
              name,
              values: steps(count, (i) => sumAt(group, i, (c) => c.last)),
            },
          ];
    }),
  };
}
