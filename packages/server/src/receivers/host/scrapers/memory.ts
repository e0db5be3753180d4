import { doubleSample, intSample, type HostSample } from '../host-sample.ts';
import { fieldsOf, linesOf, parseCount } from './proc-text.ts';

/** Parses /proc/meminfo into bytes by field name (`kB` values are KiB). */
export function parseMeminfo(text: string): Map<string, bigint> {
  const fields = new Map<string, bigint>();
  for (const line of linesOf(text)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const [number, unit] = fieldsOf(line.slice(colon + 1));
    const value = parseCount(number);
    if (value === undefined) continue;
    fields.set(line.slice(0, colon).trim(), unit === 'kB' ? value * 1024n : value);
  }
  return fields;
}

/**
 * `system.memory.usage` and `.utilization` from /proc/meminfo, with the Collector's Linux meaning:
 * cached includes reclaimable slab (as `free` shows it) and used is what remains of the total, so
 * used + free + buffered + cached = MemTotal; the two slab states break down part of cached and used.
 */
export function memorySamples(meminfo: ReadonlyMap<string, bigint>): HostSample[] {
  const total = meminfo.get('MemTotal');
  const free = meminfo.get('MemFree');
  if (total === undefined || free === undefined || total === 0n) return [];
  const buffered = meminfo.get('Buffers') ?? 0n;
  const slabReclaimable = meminfo.get('SReclaimable') ?? 0n;
  const cached = (meminfo.get('Cached') ?? 0n) + slabReclaimable;
  let used = total - free - buffered - cached;
  if (used < 0n) used = total - free;
  const states: [string, bigint][] = [
    ['used', used],
    ['free', free],
    ['buffered', buffered],
    ['cached', cached],
    ['slab_reclaimable', slabReclaimable],
    ['slab_unreclaimable', meminfo.get('SUnreclaim') ?? 0n],
  ];
  return [
    ...states.map(([state, bytes]) => intSample('system.memory.usage', [['state', state]], bytes)),
    ...states.map(([state, bytes]) => doubleSample('system.memory.utilization', [['state', state]], Number(bytes) / Number(total))),
  ];
}
