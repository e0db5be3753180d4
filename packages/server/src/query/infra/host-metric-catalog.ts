/**
 * The host metrics the Hosts view reads and what each series means, for both sources. Pure.
 *
 * OpenTelemetry `hostmetrics` attribute names changed over semantic-convention versions (`state` →
 * `cpu.mode` / `system.memory.state` / `system.filesystem.state`, `device` → `system.device` /
 * `network.interface.name`, `direction` → `network.io.direction` / `disk.io.direction`…): every
 * known spelling is accepted, the older one first as the Collector still sends it.
 */

import type { HostSource } from '@sightline/contract';

export type HostRole =
  | 'cpu'
  | 'memory'
  | 'memoryUtilization'
  | 'memTotal'
  | 'memAvailable'
  | 'fs'
  | 'fsSize'
  | 'fsAvail'
  | 'fsFree'
  | 'net'
  | 'diskIo'
  | 'load1'
  | 'load5'
  | 'load15'
  | 'uname';

/** What one series is: its role and the dimensions the view keeps ('' where absent). */
export interface SeriesMeaning {
  readonly source: HostSource;
  readonly role: HostRole;
  /** CPU mode or memory / filesystem state. */
  readonly state: string;
  readonly mountpoint: string;
  readonly device: string;
  readonly fsType: string;
  /** `in` / `out` for network, `read` / `write` for disks. */
  readonly direction: string;
}

type Labels = Readonly<Record<string, string>>;

interface MetricDef {
  readonly source: HostSource;
  readonly role: HostRole;
  /** Fixed direction of node_exporter's per-direction metrics. */
  readonly direction?: string;
}

const METRICS: Readonly<Record<string, MetricDef>> = {
  'system.cpu.time': { source: 'otel', role: 'cpu' },
  'system.memory.usage': { source: 'otel', role: 'memory' },
  'system.memory.utilization': { source: 'otel', role: 'memoryUtilization' },
  'system.filesystem.usage': { source: 'otel', role: 'fs' },
  'system.network.io': { source: 'otel', role: 'net' },
  'system.disk.io': { source: 'otel', role: 'diskIo' },
  'system.cpu.load_average.1m': { source: 'otel', role: 'load1' },
  'system.cpu.load_average.5m': { source: 'otel', role: 'load5' },
  'system.cpu.load_average.15m': { source: 'otel', role: 'load15' },
  node_cpu_seconds_total: { source: 'node_exporter', role: 'cpu' },
  node_memory_MemTotal_bytes: { source: 'node_exporter', role: 'memTotal' },
  node_memory_MemAvailable_bytes: {
    source: 'node_exporter',
    role: 'memAvailable',
  },
  node_filesystem_size_bytes: { source: 'node_exporter', role: 'fsSize' },
  node_filesystem_avail_bytes: { source: 'node_exporter', role: 'fsAvail' },
  node_filesystem_free_bytes: { source: 'node_exporter', role: 'fsFree' },
  node_network_receive_bytes_total: {
    source: 'node_exporter',
    role: 'net',
    direction: 'in',
  },
  node_network_transmit_bytes_total: {
    source: 'node_exporter',
    role: 'net',
    direction: 'out',
  },
  node_disk_read_bytes_total: {
    source: 'node_exporter',
    role: 'diskIo',
    direction: 'read',
  },
  node_disk_written_bytes_total: {
    source: 'node_exporter',
    role: 'diskIo',
    direction: 'write',
  },
  node_load1: { source: 'node_exporter', role: 'load1' },
  node_load5: { source: 'node_exporter', role: 'load5' },
  node_load15: { source: 'node_exporter', role: 'load15' },
  node_uname_info: { source: 'node_exporter', role: 'uname' },
};

export const HOST_METRIC_NAMES: readonly string[] = Object.keys(METRICS);

/** Counters: read as increases and rates; the rest are gauges read as their newest value. */
export const COUNTER_ROLES: ReadonlySet<HostRole> = new Set(['cpu', 'net', 'diskIo']);

const STATE_KEYS = ['state', 'cpu.mode', 'system.cpu.state', 'system.memory.state', 'system.filesystem.state'];
const MOUNT_KEYS = ['mountpoint', 'system.filesystem.mountpoint'];
const DEVICE_KEYS = ['device', 'system.device', 'network.interface.name', 'disk.device'];
const TYPE_KEYS = ['type', 'system.filesystem.type', 'fstype'];
const DIRECTION_KEYS = ['direction', 'network.io.direction', 'disk.io.direction', 'system.network.direction'];
const IDENTITY_KEYS = ['host.name', 'os.type', 'job', 'instance', 'service.name', 'service.instance.id', 'nodename', 'sysname'];

/** The label keys the view needs from a series (the series query returns only these). */
export const HOST_LABEL_KEYS: readonly string[] = [
  ...new Set([...IDENTITY_KEYS, ...STATE_KEYS, 'mode', ...MOUNT_KEYS, ...DEVICE_KEYS, ...TYPE_KEYS, ...DIRECTION_KEYS]),
];

function first(labels: Labels, keys: readonly string[]): string {
  for (const key of keys) {
    const value = labels[key];
    if (value !== undefined && value !== '') return value;
  }
  return '';
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  receive: 'in',
  transmit: 'out',
  read: 'read',
  write: 'write',
};

export function seriesMeaning(metricName: string, labels: Labels): SeriesMeaning | undefined {
  const def = METRICS[metricName];
  if (def === undefined) return undefined;
  const node = def.source === 'node_exporter';
  const rawDirection = first(labels, DIRECTION_KEYS);
  return {
    source: def.source,
    role: def.role,
    state: node ? (labels.mode ?? '') : first(labels, STATE_KEYS),
    mountpoint: first(labels, MOUNT_KEYS),
    device: first(labels, DEVICE_KEYS),
    fsType: first(labels, TYPE_KEYS),
    direction: def.direction ?? DIRECTIONS[rawDirection] ?? rawDirection,
  };
}

/** Pseudo and in-memory filesystems: not disks, so not part of "disk used". */
const VIRTUAL_FS_TYPES = new Set([
  'autofs',
  'binfmt_misc',
  'bpf',
  'cgroup',
  'cgroup2',
  'configfs',
  'debugfs',
  'devpts',
  'devtmpfs',
  'efivarfs',
  'fuse.lxcfs',
  'fusectl',
  'hugetlbfs',
  'iso9660',
  'mqueue',
  'nsfs',
  'overlay',
  'proc',
  'pstore',
  'ramfs',
  'rpc_pipefs',
  'securityfs',
  'selinuxfs',
  'squashfs',
  'sysfs',
  'tmpfs',
  'tracefs',
]);

export function isRealFilesystem(fsType: string, mountpoint: string): boolean {
  if (VIRTUAL_FS_TYPES.has(fsType)) return false;
  return !/^\/(?:proc|sys|dev|run)(?:\/|$)/.test(mountpoint);
}

/** Loopback traffic never leaves the host: left out of network figures. */
export function isCountedInterface(device: string): boolean {
  return device !== 'lo' && device !== 'lo0' && !device.startsWith('Loopback');
}
