import type { MessagingOperation, MessagingRole, RedStats } from '@sightline/contract';
import { redStatsOf } from '../apm/red-from-maps.ts';
import type { MessagingAggregateRow } from './messaging-aggregates.ts';
import { MeasuresSum } from './measures-sum.ts';
import { messagingRoleOf } from './messaging-role.ts';

/** One destination's publishing and consuming spans, merged from the aggregate rows. */
export interface DestinationTotals {
  readonly system: string;
  readonly destination: string;
  readonly publish: MeasuresSum;
  readonly consume: MeasuresSum;
  readonly producers: Set<string>;
  readonly consumers: Set<string>;
}

export function destinationKey(system: string, destination: string): string {
  return JSON.stringify([system, destination]);
}

function roleOf(row: MessagingAggregateRow): MessagingRole {
  return messagingRoleOf(row.spanKind, row.operation);
}

/** Per destination, busiest (published + consumed) first, then by name. */
export function destinationTotals(rows: readonly MessagingAggregateRow[]): DestinationTotals[] {
  const byKey = new Map<string, DestinationTotals>();
  for (const row of rows) {
    const role = roleOf(row);
    if (role === 'other') continue;
    const key = destinationKey(row.system, row.destination);
    let totals = byKey.get(key);
    if (totals === undefined) {
      totals = { system: row.system, destination: row.destination, publish: new MeasuresSum(), consume: new MeasuresSum(), producers: new Set(), consumers: new Set() };
      byKey.set(key, totals);
    }
    totals[role].add(row);
    (role === 'publish' ? totals.producers : totals.consumers).add(row.service);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      b.publish.calls + b.consume.calls - (a.publish.calls + a.consume.calls) ||
      a.system.localeCompare(b.system) ||
      a.destination.localeCompare(b.destination),
  );
}

/** Per step: [published, consumed] merged measures of each destination. */
export function stepTotals(rows: readonly MessagingAggregateRow[], steps: number): Map<string, { publish: MeasuresSum[]; consume: MeasuresSum[] }> {
  const byKey = new Map<string, { publish: MeasuresSum[]; consume: MeasuresSum[] }>();
  for (const row of rows) {
    const role = roleOf(row);
    if (role === 'other' || row.step < 0 || row.step >= steps) continue;
    const key = destinationKey(row.system, row.destination);
    let series = byKey.get(key);
    if (series === undefined) {
      series = { publish: Array.from({ length: steps }, () => new MeasuresSum()), consume: Array.from({ length: steps }, () => new MeasuresSum()) };
      byKey.set(key, series);
    }
    series[role][row.step]?.add(row);
  }
  return byKey;
}

/** The (service, operation, kind) rows of one destination with their statistics, busiest first. */
export function operationStats(rows: readonly MessagingAggregateRow[], seconds: number): MessagingOperation[] {
  const byKey = new Map<string, { row: MessagingAggregateRow; sum: MeasuresSum }>();
  for (const row of rows) {
    const key = JSON.stringify([row.service, row.operation, row.spanKind]);
    const entry = byKey.get(key) ?? { row, sum: new MeasuresSum() };
    entry.sum.add(row);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .map(({ row, sum }) => ({ service: row.service, operation: row.operation, spanKind: row.spanKind, role: roleOf(row), ...statsOf(sum, seconds) }))
    .sort((a, b) => b.calls - a.calls || a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation));
}

export function statsOf(sum: MeasuresSum, seconds: number): RedStats {
  return redStatsOf(sum, seconds);
}
