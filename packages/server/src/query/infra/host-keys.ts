/**
 * Series → aggregation keys: series of one host that differ only in what the view does not show
 * (e.g. the CPU number) share a key and are summed by the engine. Pure.
 */

import { isCountedInterface, isRealFilesystem, type HostRole } from './host-metric-catalog.ts';
import type { ResolvedSeries } from './host-identity.ts';
import type { KeyMapping } from './host-points.ts';

export interface KeyDescriptor {
  readonly host: string;
  readonly role: HostRole;
  readonly state: string;
  readonly mountpoint: string;
  readonly device: string;
  readonly fsType: string;
  readonly direction: string;
}

export interface HostKeys {
  readonly mapping: KeyMapping;
  /** `descriptors[k - 1]` describes key k. */
  readonly descriptors: readonly KeyDescriptor[];
}

function describe(series: ResolvedSeries): KeyDescriptor | undefined {
  const { host, role, state, mountpoint, device, fsType, direction } = series;
  const base = {
    host,
    role,
    state: '',
    mountpoint: '',
    device: '',
    fsType: '',
    direction: '',
  };
  switch (role) {
    case 'cpu':
    case 'memory':
    case 'memoryUtilization':
      return { ...base, state };
    case 'fs':
    case 'fsSize':
    case 'fsAvail':
    case 'fsFree':
      return isRealFilesystem(fsType, mountpoint)
        ? {
            ...base,
            state: role === 'fs' ? state : '',
            mountpoint,
            device,
            fsType,
          }
        : undefined;
    case 'net':
      return isCountedInterface(device) ? { ...base, device, direction } : undefined;
    case 'diskIo':
      return { ...base, direction };
    default:
      return base;
  }
}

/** Keys of the given series (of one host, or all); virtual filesystems and loopback are left out. */
export function hostKeys(series: readonly ResolvedSeries[], metricNames: readonly string[]): HostKeys {
  const index = new Map<string, number>();
  const descriptors: KeyDescriptor[] = [];
  const fingerprints: string[] = [];
  const keys: number[] = [];
  for (const s of series) {
    const descriptor = describe(s);
    if (descriptor === undefined) continue;
    const text = JSON.stringify(descriptor);
    let key = index.get(text);
    if (key === undefined) {
      descriptors.push(descriptor);
      key = descriptors.length;
      index.set(text, key);
    }
    fingerprints.push(s.fingerprint);
    keys.push(key);
  }
  return { mapping: { metricNames, fingerprints, keys }, descriptors };
}
