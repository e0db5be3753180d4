/** Per-key figures over a range → each host's summary and filesystems. Pure. */

import type { HostFilesystem, HostSummary } from '@sightline/contract';
import type { HostInfo } from './host-identity.ts';
import type { KeyDescriptor } from './host-keys.ts';
import type { KeySummaryRow } from './host-points.ts';

/** A host is inactive when its newest point is older than this many collection intervals… */
export const INACTIVE_AFTER_INTERVALS = 3;
/** …and at least this old (seconds); hosts with a single point count an interval of a minute. */
export const MIN_INACTIVE_SECONDS = 60;
const DEFAULT_INTERVAL_SECONDS = 60;

export interface KeyFigures {
  readonly key: KeyDescriptor;
  readonly row: KeySummaryRow;
}

/** Memory states that overlap others (slab is part of used or cached), left out of the total. */
export function countsInMemoryTotal(state: string): boolean {
  return !state.startsWith('slab');
}

const ratioOf = (part: number, whole: number): number | null => (whole > 0 && Number.isFinite(part) ? Math.min(1, Math.max(0, part / whole)) : null);

function cpuBusy(figures: readonly KeyFigures[]): number | null {
  const cpu = figures.filter((f) => f.key.role === 'cpu');
  const total = cpu.reduce((sum, f) => sum + f.row.increase, 0);
  const idle = cpu.filter((f) => f.key.state === 'idle').reduce((sum, f) => sum + f.row.increase, 0);
  return total > 0 ? ratioOf(total - idle, total) : null;
}

const lastOf = (figures: readonly KeyFigures[], test: (key: KeyDescriptor) => boolean): number | undefined => {
  const found = figures.filter((f) => test(f.key) && f.row.last_value !== null);
  return found.length === 0 ? undefined : found.reduce((sum, f) => sum + (f.row.last_value ?? 0), 0);
};

function memoryUsed(figures: readonly KeyFigures[]): number | null {
  const used = lastOf(figures, (k) => k.role === 'memory' && k.state === 'used');
  const total = lastOf(figures, (k) => k.role === 'memory' && countsInMemoryTotal(k.state));
  if (used !== undefined && total !== undefined) return ratioOf(used, total);
  const utilization = lastOf(figures, (k) => k.role === 'memoryUtilization' && k.state === 'used');
  if (utilization !== undefined) return ratioOf(utilization, 1);
  const memTotal = lastOf(figures, (k) => k.role === 'memTotal');
  const available = lastOf(figures, (k) => k.role === 'memAvailable');
  return memTotal === undefined || available === undefined ? null : ratioOf(memTotal - available, memTotal);
}

/** Used and size (used + available) of one filesystem from its newest values; undefined without both. */
export function filesystemUse(values: ReadonlyMap<string, number>, otel: boolean): { used: number; size: number } | undefined {
  if (otel) {
    const used = values.get('used');
    const free = values.get('free');
    return used === undefined || free === undefined ? undefined : { used, size: used + free };
  }
  const size = values.get('fsSize');
  const avail = values.get('fsAvail');
  if (size === undefined || avail === undefined) return undefined;
  const free = values.get('fsFree');
  const used = size - (free ?? avail);
  return { used, size: used + avail };
}

const fsId = (k: KeyDescriptor): string => JSON.stringify([k.mountpoint, k.device, k.fsType]);

export function filesystems(figures: readonly KeyFigures[]): HostFilesystem[] {
  const byFs = new Map<string, { key: KeyDescriptor; values: Map<string, number>; otel: boolean }>();
  for (const { key, row } of figures) {
    if (!key.role.startsWith('fs') || row.last_value === null) continue;
    const id = fsId(key);
    const entry = byFs.get(id) ?? {
      key,
      values: new Map<string, number>(),
      otel: key.role === 'fs',
    };
    entry.values.set(key.role === 'fs' ? key.state : key.role, row.last_value);
    byFs.set(id, entry);
  }
  const result: HostFilesystem[] = [];
  for (const { key, values, otel } of byFs.values()) {
    const use = filesystemUse(values, otel);
    if (use === undefined || use.size <= 0) continue;
    const usedBytes = Math.max(0, use.used);
    result.push({
      mountpoint: key.mountpoint,
      device: key.device,
      type: key.fsType,
      usedBytes,
      sizeBytes: use.size,
      used: ratioOf(usedBytes, use.size),
    });
  }
  return result.sort((a, b) => (b.used ?? 0) - (a.used ?? 0) || a.mountpoint.localeCompare(b.mountpoint));
}

function networkRate(figures: readonly KeyFigures[], direction: string): number | null {
  const net = figures.filter((f) => f.key.role === 'net' && f.key.direction === direction && f.row.n_rates > 0);
  return net.length === 0
    ? null
    : Math.max(
        0,
        net.reduce((sum, f) => sum + f.row.rate, 0),
      );
}

export function hostSummary(info: HostInfo, figures: readonly KeyFigures[], rangeEndMs: number): HostSummary {
  const lastNs = figures.reduce((max, f) => (BigInt(f.row.last_ns) > max ? BigInt(f.row.last_ns) : max), 0n);
  const intervals = figures.map((f) => f.row.interval_s).filter((v): v is number => v !== null && v > 0);
  const intervalSeconds = intervals.length === 0 ? null : Math.min(...intervals);
  const lastSeenMs = lastNs > 0n ? Number(lastNs / 1_000_000n) : null;
  const staleMs = Math.max(MIN_INACTIVE_SECONDS, INACTIVE_AFTER_INTERVALS * (intervalSeconds ?? DEFAULT_INTERVAL_SECONDS)) * 1000;
  const fullest = filesystems(figures)[0];
  const load1 = lastOf(figures, (k) => k.role === 'load1');
  return {
    name: info.name,
    sources: [...info.sources],
    os: info.os,
    active: lastSeenMs !== null && lastSeenMs >= rangeEndMs - staleMs,
    lastSeenMs: lastSeenMs ?? (info.seenMs > 0 ? info.seenMs : null),
    intervalSeconds,
    cpu: cpuBusy(figures),
    memory: memoryUsed(figures),
    disk: fullest?.used ?? null,
    diskMountpoint: fullest?.mountpoint ?? null,
    load1: load1 === undefined ? null : Math.max(0, load1),
    networkInBytesPerSecond: networkRate(figures, 'in'),
    networkOutBytesPerSecond: networkRate(figures, 'out'),
  };
}
