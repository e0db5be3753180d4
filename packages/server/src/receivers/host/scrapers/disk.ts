import { doubleSample, intSample, type HostSample } from '../host-sample.ts';
import { fieldsOf, linesOf, parseCount } from './proc-text.ts';

/** /proc/diskstats counts sectors of 512 bytes whatever the device's sector size. */
const SECTOR_BYTES = 512n;

/** The first eleven counters after the device name, in their /proc/diskstats order. */
const COLUMNS = [
  'reads', 'readsMerged', 'sectorsRead', 'readMs', 'writes', 'writesMerged', 'sectorsWritten', 'writeMs', 'inProgress', 'ioMs', 'weightedIoMs',
] as const;

export interface DiskStats extends Readonly<Record<(typeof COLUMNS)[number], bigint>> {
  readonly device: string;
}

function diskOf(line: string): DiskStats | undefined {
  const [, , device, ...raw] = fieldsOf(line);
  if (device === undefined) return undefined;
  const counters = {} as Record<(typeof COLUMNS)[number], bigint>;
  for (const [index, column] of COLUMNS.entries()) {
    const value = parseCount(raw[index]);
    if (value === undefined) return undefined;
    counters[column] = value;
  }
  return { device, ...counters };
}

/** Parses /proc/diskstats; devices that never did a read or a write (unused loop, ram) are left out. */
export function parseDiskstats(text: string): DiskStats[] {
  return linesOf(text)
    .map(diskOf)
    .filter((disk): disk is DiskStats => disk !== undefined && (disk.reads > 0n || disk.writes > 0n));
}

const seconds = (ms: bigint): number => Number(ms) / 1000;

/** The `system.disk.*` metrics of each device. */
export function diskSamples(disks: readonly DiskStats[]): HostSample[] {
  const samples: HostSample[] = [];
  for (const disk of disks) {
    const read: [string, string][] = [['device', disk.device], ['direction', 'read']];
    const write: [string, string][] = [['device', disk.device], ['direction', 'write']];
    const device: [string, string][] = [['device', disk.device]];
    samples.push(
      intSample('system.disk.io', read, disk.sectorsRead * SECTOR_BYTES),
      intSample('system.disk.io', write, disk.sectorsWritten * SECTOR_BYTES),
      intSample('system.disk.operations', read, disk.reads),
      intSample('system.disk.operations', write, disk.writes),
      doubleSample('system.disk.io_time', device, seconds(disk.ioMs)),
      doubleSample('system.disk.operation_time', read, seconds(disk.readMs)),
      doubleSample('system.disk.operation_time', write, seconds(disk.writeMs)),
      doubleSample('system.disk.weighted_io_time', device, seconds(disk.weightedIoMs)),
      intSample('system.disk.pending_operations', device, disk.inProgress),
      intSample('system.disk.merged', read, disk.readsMerged),
      intSample('system.disk.merged', write, disk.writesMerged),
    );
  }
  return samples;
}
