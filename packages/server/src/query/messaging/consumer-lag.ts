import type { ConsumerLag } from '@sightline/contract';
import type { Store } from '../../storage/store.ts';
import { findMetric } from '../metrics/metric-catalog.ts';
import { queryMetric } from '../metrics/query-metric.ts';
import type { ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';

/** Lag metrics and their consumer-group label: the Collector's kafkametrics receiver, then kafka_exporter. */
export const LAG_METRICS: readonly { readonly name: string; readonly groupLabel: string }[] = [
  { name: 'kafka.consumer_group.lag', groupLabel: 'group' },
  { name: 'kafka_consumergroup_lag', groupLabel: 'consumergroup' },
];

/** The first lag metric stored (its name), or null when there are none. */
export async function storedLagMetric(store: Store, limits: ReadLimits): Promise<string | null> {
  for (const { name } of LAG_METRICS) if ((await findMetric(store, limits, name)) !== undefined) return name;
  return null;
}

/**
 * A topic's consumer lag per group and partition (the last value per step), from the first lag
 * metric that has series for the topic; `metric: null` when no lag metric is stored at all.
 */
export async function consumerLag(store: Store, limits: ReadLimits, range: TimeRange, topic: string, stepSeconds: number): Promise<ConsumerLag> {
  let found: string | null = null;
  for (const { name, groupLabel } of LAG_METRICS) {
    if ((await findMetric(store, limits, name)) === undefined) continue;
    found ??= name;
    const result = await queryMetric(store, limits, {
      ...range,
      name,
      stepSeconds,
      filters: [{ label: 'topic', op: 'equals', value: topic }],
      groupBy: [groupLabel, 'partition'],
      aggregation: 'sum',
    });
    if (result.series.length === 0) continue;
    const series = result.series
      .map((s) => ({ group: s.labels[groupLabel] ?? '', partition: s.labels.partition ?? '', points: s.points }))
      .sort((a, b) => a.group.localeCompare(b.group) || Number(a.partition) - Number(b.partition) || a.partition.localeCompare(b.partition));
    return { metric: name, stepSeconds: result.stepSeconds, series };
  }
  return { metric: found, stepSeconds, series: [] };
}
