import type { MessagingDestinationsResponse } from '@sightline/contract';
import { ErrorCodes, isAppError } from '../../errors.ts';
import type { Store } from '../../storage/store.ts';
import { chooseStep, rangeSeconds, type MinuteRange } from '../apm/apm-range.ts';
import { stepGrid } from '../apm/step-grid.ts';
import type { ReadLimits } from '../read-limits.ts';
import { destinationKey, destinationTotals, statsOf, stepTotals } from './destination-summary.ts';
import { messagingAggregates } from './messaging-aggregates.ts';
import { transitLatency, type TransitRow } from './transit-latency.ts';

export interface DestinationsQuery {
  readonly range: MinuteRange;
  readonly system?: string | undefined;
  readonly environment?: string | undefined;
}

/** Points of the list's sparklines. */
const SPARKLINE_POINTS = 30;
/** Aggregate rows read per query: (destination × operation × kind × service [× step]). */
const MAX_AGGREGATE_ROWS = 100_000;

const GUARDRAILS: readonly string[] = [ErrorCodes.QUERY_MEMORY_LIMIT, ErrorCodes.QUERY_TIMEOUT, ErrorCodes.QUERY_TOO_MUCH_DATA];

/** The raw-span join, or the guardrail it hit (the rest of the list does not depend on it). */
async function transitOrNote(store: Store, limits: ReadLimits, query: DestinationsQuery): Promise<{ rows: TransitRow[]; note: string | null }> {
  const range = { startNs: BigInt(query.range.startS) * 1_000_000_000n, endNs: BigInt(query.range.endS) * 1_000_000_000n };
  try {
    return { rows: await transitLatency(store, limits, { range, system: query.system, environment: query.environment }, false), note: null };
  } catch (error) {
    if (isAppError(error) && GUARDRAILS.includes(error.code)) {
      return { rows: [], note: `Producer→consumer latency needs the raw spans, and reading them hit a limit (${error.message}); choose a shorter range.` };
    }
    throw error;
  }
}

/**
 * Every destination (topic, queue…) with spans publishing to or consuming from it in the range:
 * rates, errors and latencies from the dependency aggregates, producer→consumer latency from the
 * raw spans, sparklines of messages published and consumed.
 */
export async function listDestinations(store: Store, limits: ReadLimits, query: DestinationsQuery): Promise<MessagingDestinationsResponse> {
  const grid = stepGrid(query.range, chooseStep(query.range, undefined, SPARKLINE_POINTS));
  const [rows, stepRows, transit] = await Promise.all([
    messagingAggregates(store, limits, query, { maxRows: MAX_AGGREGATE_ROWS }),
    messagingAggregates(store, limits, query, { grid, maxRows: MAX_AGGREGATE_ROWS }),
    transitOrNote(store, limits, query),
  ]);
  const seconds = rangeSeconds(query.range);
  const steps = stepTotals(stepRows, grid.count);
  const transitByKey = new Map(transit.rows.map((row) => [destinationKey(row.system, row.destination), row.transit]));
  const destinations = destinationTotals(rows)
    .slice(0, limits.maxResultRows)
    .map((totals) => {
      const key = destinationKey(totals.system, totals.destination);
      const series = steps.get(key);
      const counts = (role: 'publish' | 'consume') => series?.[role].map((sum) => sum.calls) ?? new Array<number>(grid.count).fill(0);
      return {
        system: totals.system,
        destination: totals.destination,
        publish: statsOf(totals.publish, seconds),
        consume: statsOf(totals.consume, seconds),
        producers: [...totals.producers].sort(),
        consumers: [...totals.consumers].sort(),
        transit: transit.note === null ? (transitByKey.get(key) ?? { linked: 0, avgMs: null, p50Ms: null, p99Ms: null, maxMs: null }) : null,
        sparkline: { startMs: grid.startS * 1000, stepSeconds: grid.stepSeconds, published: counts('publish'), consumed: counts('consume') },
      };
    });
  return { destinations, transitNote: transit.note };
}
