import type { HostSummary } from '@sightline/contract';
import type { Store } from '../../storage/store.ts';
import type { ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';
import { resolveHosts } from './host-identity.ts';
import { hostKeys, type KeyDescriptor } from './host-keys.ts';
import { HOST_METRIC_NAMES } from './host-metric-catalog.ts';
import { summarizeKeys, type KeySummaryRow } from './host-points.ts';
import { hostSeries } from './host-series.ts';
import { hostSummary, type KeyFigures } from './host-summary.ts';

/** Each key's figures, by host. */
export function figuresByHost(descriptors: readonly KeyDescriptor[], rows: readonly KeySummaryRow[]): Map<string, KeyFigures[]> {
  const byHost = new Map<string, KeyFigures[]>();
  for (const row of rows) {
    const key = descriptors[row.key_index - 1];
    if (key === undefined) continue;
    byHost.set(key.host, [...(byHost.get(key.host) ?? []), { key, row }]);
  }
  return byHost;
}

/**
 * Every host with host metrics in the range, and those quiet in it that reported within a day
 * before it (inactive). Two queries: the series, then the points of all hosts at once.
 */
export async function listHosts(store: Store, limits: ReadLimits, range: TimeRange): Promise<HostSummary[]> {
  const resolved = resolveHosts(await hostSeries(store, limits, range));
  const { mapping, descriptors } = hostKeys(resolved.series, HOST_METRIC_NAMES);
  const byHost = figuresByHost(descriptors, await summarizeKeys(store, limits, range, mapping));
  const endMs = Number(range.endNs / 1_000_000n);
  const hosts: HostSummary[] = [];
  for (const info of resolved.hosts.values()) {
    const figures = byHost.get(info.name) ?? [];
    // Quiet in the range and written since: it may have started after the range.
    if (figures.length === 0 && info.seenMs >= endMs) continue;
    hosts.push(hostSummary(info, figures, endMs));
  }
  return hosts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
