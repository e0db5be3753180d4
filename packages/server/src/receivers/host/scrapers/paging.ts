import { doubleSample, intSample, type HostSample } from '../host-sample.ts';
import { fieldsOf, linesOf, parseCount, unescapeProcPath } from './proc-text.ts';

export interface SwapDevice {
  readonly device: string;
  readonly sizeBytes: bigint;
  readonly usedBytes: bigint;
}

/** Parses /proc/swaps (sizes in KiB) after its header line. */
export function parseSwaps(text: string): SwapDevice[] {
  const devices: SwapDevice[] = [];
  for (const line of linesOf(text).slice(1)) {
    const [device, , size, used] = fieldsOf(line);
    const sizeKiB = parseCount(size);
    const usedKiB = parseCount(used);
    if (device === undefined || sizeKiB === undefined || usedKiB === undefined) continue;
    devices.push({ device: unescapeProcPath(device), sizeBytes: sizeKiB * 1024n, usedBytes: usedKiB * 1024n });
  }
  return devices;
}

/** `system.paging.usage` and `.utilization` per swap device. */
export function pagingUsageSamples(devices: readonly SwapDevice[]): HostSample[] {
  const samples: HostSample[] = [];
  for (const { device, sizeBytes, usedBytes } of devices) {
    const freeBytes = sizeBytes > usedBytes ? sizeBytes - usedBytes : 0n;
    samples.push(intSample('system.paging.usage', [['device', device], ['state', 'used']], usedBytes));
    samples.push(intSample('system.paging.usage', [['device', device], ['state', 'free']], freeBytes));
    if (sizeBytes > 0n) {
      samples.push(doubleSample('system.paging.utilization', [['device', device], ['state', 'used']], Number(usedBytes) / Number(sizeBytes)));
      samples.push(doubleSample('system.paging.utilization', [['device', device], ['state', 'free']], Number(freeBytes) / Number(sizeBytes)));
    }
  }
  return samples;
}

/** Parses /proc/vmstat (`name value` lines). */
export function parseVmstat(text: string): Map<string, bigint> {
  const values = new Map<string, bigint>();
  for (const line of linesOf(text)) {
    const [name, raw] = fieldsOf(line);
    const value = parseCount(raw);
    if (name !== undefined && value !== undefined) values.set(name, value);
  }
  return values;
}

/**
 * `system.paging.operations` (major: pages swapped in/out; minor: pages paged in/out) and
 * `system.paging.faults` (major, and minor = all faults − major), as counts from /proc/vmstat.
 */
export function pagingActivitySamples(vmstat: ReadonlyMap<string, bigint>): HostSample[] {
  const samples: HostSample[] = [];
  const operations: [string, string, string][] = [
    ['pswpin', 'page_in', 'major'],
    ['pswpout', 'page_out', 'major'],
    ['pgpgin', 'page_in', 'minor'],
    ['pgpgout', 'page_out', 'minor'],
  ];
  for (const [field, direction, type] of operations) {
    const value = vmstat.get(field);
    if (value !== undefined) samples.push(intSample('system.paging.operations', [['direction', direction], ['type', type]], value));
  }
  const faults = vmstat.get('pgfault');
  const major = vmstat.get('pgmajfault');
  if (major !== undefined) samples.push(intSample('system.paging.faults', [['type', 'major']], major));
  if (faults !== undefined && major !== undefined && faults >= major) {
    samples.push(intSample('system.paging.faults', [['type', 'minor']], faults - major));
  }
  return samples;
}
