import type { MessagingDestinationResponse, MessagingGroup } from '@sightline/contract';
import type { Store } from '../../storage/store.ts';
import { chooseStep, rangeSeconds, type MinuteRange } from '../apm/apm-range.ts';
import { secondsInRange, stepGrid } from '../apm/step-grid.ts';
import type { ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';
import { consumerLag } from './consumer-lag.ts';
import { destinationTotals, operationStats, statsOf, stepTotals } from './destination-summary.ts';
import { MeasuresSum } from './measures-sum.ts';
import { messagingAggregates } from './messaging-aggregates.ts';
import { groupBreakdown, partitionBreakdown } from './raw-breakdowns.ts';
import { NO_TRANSIT, transitLatency } from './transit-latency.ts';

export interface DestinationQuery {
  readonly range: MinuteRange;
  readonly system: string;
  readonly destination: string;
  readonly environment?: string | undefined;
  readonly stepSeconds?: number | undefined;
}

const MAX_AGGREGATE_ROWS = 100_000;

function nanosRange(range: MinuteRange): TimeRange {
  return { startNs: BigInt(range.startS) * 1_000_000_000n, endNs: BigInt(range.endS) * 1_000_000_000n };
}

/**
 * One destination: totals and operations and per-step series from the aggregates; partitions,
 * consumer groups and producer→consumer latency from the raw spans; consumer lag from metrics.
 */
export async function destinationDetail(store: Store, limits: ReadLimits, query: DestinationQuery): Promise<MessagingDestinationResponse> {
  const grid = stepGrid(query.range, chooseStep(query.range, query.stepSeconds));
  const raw = { range: nanosRange(query.range), system: query.system, destination: query.destination, environment: query.environment };
  const [rows, stepRows, partitions, groups, transitAll, transitGroups, lag] = await Promise.all([
    messagingAggregates(store, limits, query, { maxRows: MAX_AGGREGATE_ROWS }),
    messagingAggregates(store, limits, query, { grid, maxRows: MAX_AGGREGATE_ROWS }),
    partitionBreakdown(store, limits, raw),
    groupBreakdown(store, limits, raw),
    transitLatency(store, limits, raw, false),
    transitLatency(store, limits, raw, true),
    consumerLag(store, limits, raw.range, query.destination, grid.stepSeconds),
  ]);
  const seconds = rangeSeconds(query.range);
  const [totals] = destinationTotals(rows);
  const steps = stepTotals(stepRows, grid.count).values().next().value;
  const empty = Array.from({ length: grid.count }, () => new MeasuresSum());
  const publishSteps = steps?.publish ?? empty;
  const consumeSteps = steps?.consume ?? empty;
  const transitOfGroup = new Map(transitGroups.map((row) => [row.group, row.transit]));
  const groupRows: MessagingGroup[] = groups.map((group) => ({ ...group, transit: transitOfGroup.get(group.group) ?? NO_TRANSIT }));
  return {
    system: query.system,
    destination: query.destination,
    publish: statsOf(totals?.publish ?? new MeasuresSum(), seconds),
    consume: statsOf(totals?.consume ?? new MeasuresSum(), seconds),
    operations: operationStats(rows, seconds),
    series: {
      startMs: grid.startS * 1000,
      stepSeconds: grid.stepSeconds,
      published: publishSteps.map((sum) => sum.calls),
      consumed: consumeSteps.map((sum) => sum.calls),
      publishErrors: publishSteps.map((sum) => sum.errors),
      consumeErrors: consumeSteps.map((sum) => sum.errors),
      publishP99Ms: publishSteps.map((sum, index) => statsOf(sum, secondsInRange(grid, index)).p99Ms),
      consumeP99Ms: consumeSteps.map((sum, index) => statsOf(sum, secondsInRange(grid, index)).p99Ms),
    },
    partitions,
    groups: groupRows,
    transit: transitAll[0]?.transit ?? NO_TRANSIT,
    lag,
  };
}
