import { doubleSample, intSample, type HostSample } from '../host-sample.ts';
import { fieldsOf, linesOf, unescapeProcPath } from './proc-text.ts';

export interface Mount {
  readonly device: string;
  readonly mountpoint: string;
  readonly type: string;
  /** `ro` or `rw`, from the mount options. */
  readonly mode: 'ro' | 'rw';
}

/** What statfs(2) tells of a filesystem (Node's `fs.statfs` with bigint). */
export interface FsStats {
  readonly bsize: bigint;
  readonly blocks: bigint;
  readonly bfree: bigint;
  readonly bavail: bigint;
  readonly files: bigint;
  readonly ffree: bigint;
}

/** Parses /proc/mounts (or /proc/<pid>/mounts), keeping one entry per device and mountpoint. */
export function parseMounts(text: string): Mount[] {
  const mounts = new Map<string, Mount>();
  for (const line of linesOf(text)) {
    const [device, mountpoint, type, options] = fieldsOf(line);
    if (device === undefined || mountpoint === undefined || type === undefined) continue;
    const mode = (options ?? '').split(',').includes('ro') ? 'ro' : 'rw';
    const mount: Mount = { device: unescapeProcPath(device), mountpoint: unescapeProcPath(mountpoint), type, mode };
    mounts.set(`${mount.device}\u0000${mount.mountpoint}`, mount);
  }
  return [...mounts.values()];
}

/**
 * Filesystem types backed by a device, from /proc/filesystems: the ones not marked `nodev`.
 * zfs is marked nodev but holds real data, as the Collector (gopsutil) also counts it.
 */
export function parsePhysicalFilesystems(text: string): Set<string> {
  const types = new Set<string>(['zfs']);
  for (const line of linesOf(text)) {
    const fields = fieldsOf(line);
    if (fields.length === 1 && fields[0] !== undefined) types.add(fields[0]);
  }
  return types;
}

/** Used when /proc/filesystems cannot be read: the common virtual filesystems. */
const VIRTUAL_TYPES = new Set([
  'autofs', 'binfmt_misc', 'bpf', 'cgroup', 'cgroup2', 'configfs', 'debugfs', 'devpts', 'devtmpfs', 'efivarfs', 'fuse.lxcfs',
  'fusectl', 'hugetlbfs', 'mqueue', 'nsfs', 'overlay', 'proc', 'pstore', 'ramfs', 'rpc_pipefs', 'securityfs', 'selinuxfs',
  'squashfs', 'sysfs', 'tmpfs', 'tracefs',
]);

/**
 * The mounts the Collector measures by default (no virtual filesystems): a real device and a
 * device-backed filesystem type (proc, sysfs, cgroup, tmpfs, overlay, … are left out).
 */
export function physicalMounts(mounts: readonly Mount[], physicalTypes: ReadonlySet<string> | undefined): Mount[] {
  return mounts.filter(
    (mount) => mount.device !== 'none' && (physicalTypes === undefined ? !VIRTUAL_TYPES.has(mount.type) : physicalTypes.has(mount.type)),
  );
}

/** `system.filesystem.usage`, `.inodes.usage` and `.utilization` of one mount. */
export function filesystemSamples(mount: Mount, stats: FsStats): HostSample[] {
  const attributes = (state?: string): [string, string][] => {
    const base: [string, string][] = [['device', mount.device], ['mode', mount.mode], ['mountpoint', mount.mountpoint], ['type', mount.type]];
    return state === undefined ? base : [...base, ['state', state]];
  };
  const clamp = (value: bigint): bigint => (value < 0n ? 0n : value);
  const used = clamp(stats.blocks - stats.bfree) * stats.bsize;
  const free = stats.bavail * stats.bsize;
  const reserved = clamp(stats.bfree - stats.bavail) * stats.bsize;
  const samples = [
    intSample('system.filesystem.usage', attributes('used'), used),
    intSample('system.filesystem.usage', attributes('free'), free),
    intSample('system.filesystem.usage', attributes('reserved'), reserved),
    intSample('system.filesystem.inodes.usage', attributes('used'), clamp(stats.files - stats.ffree)),
    intSample('system.filesystem.inodes.usage', attributes('free'), stats.ffree),
  ];
  // Used share of what a user can have (used + available), as `df` shows it.
  if (used + free > 0n) samples.push(doubleSample('system.filesystem.utilization', attributes(), Number(used) / Number(used + free)));
  return samples;
}
