import type { ApmExceptionGroup } from '@sightline/contract';
import { joinSql, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { chooseStep, rangeSeconds, type MinuteRange } from './apm-range.ts';
import { environmentIs } from './apm-filters.ts';
import { timestampIn } from './raw-span-filters.ts';

export interface ExceptionsQuery {
  readonly range: MinuteRange;
  readonly environment?: string | undefined;
  readonly service?: string | undefined;
  readonly limit: number;
}

/** Newest occurrences kept per group. */
const SAMPLES = 5;
/** About this many trend points per range. */
const TREND_POINTS = 30;

interface GroupRow {
  readonly service_name: string;
  readonly exception_type: string;
  readonly message_pattern: string;
  readonly count_text: string;
  readonly first_ns: string;
  readonly last_ns: string;
  readonly newest_message: string;
  readonly newest_stacktrace: string;
  /** (−time ns, trace hex, span hex), newest first. */
  readonly newest: readonly (readonly [string, string, string])[];
  readonly per_step: Readonly<Record<string, string>>;
}

function conditions(query: ExceptionsQuery): SqlFragment {
  const parts = [timestampIn(query.range), environmentIs(query.environment)];
  if (query.service !== undefined) parts.push(sql`service_name = ${query.service}`);
  return joinSql(parts, ' AND ');
}

function trendCounts(perStep: Readonly<Record<string, string>>, points: number): number[] {
  const counts = new Array<number>(points).fill(0);
  for (const [step, count] of Object.entries(perStep)) {
    const index = Number(step);
    if (index >= 0 && index < points) counts[index] = Number(count);
  }
  return counts;
}

/**
 * Span exception events grouped by service, type and message pattern, most frequent first: counts,
 * first and last occurrence, a trend of about 30 steps, the newest message and stack trace, and the
 * newest few occurrences to open.
 */
export async function exceptionGroups(store: Store, limits: ReadLimits, query: ExceptionsQuery): Promise<ApmExceptionGroup[]> {
  const stepSeconds = chooseStep(query.range, undefined, TREND_POINTS);
  const points = Math.ceil(rangeSeconds(query.range) / stepSeconds);
  const rows = await store.query<GroupRow>(
    sql`SELECT service_name, exception_type, message_pattern, toString(occurrences) AS count_text,
          toString(toUnixTimestamp64Nano(first_seen)) AS first_ns, toString(toUnixTimestamp64Nano(last_seen)) AS last_ns,
          newest_message, newest_stacktrace, newest, per_step
        FROM (
          SELECT service_name, exception_type, message_pattern, count() AS occurrences,
            min(timestamp) AS first_seen, max(timestamp) AS last_seen,
            argMax(message, timestamp) AS newest_message, argMax(stacktrace, timestamp) AS newest_stacktrace,
            groupArraySorted(${SAMPLES})((-toUnixTimestamp64Nano(timestamp), lower(hex(trace_id)), lower(hex(span_id)))) AS newest,
            sumMap(map(toUInt32(intDiv(toUnixTimestamp(timestamp) - ${query.range.startS}, ${stepSeconds})), toUInt64(1))) AS per_step
          FROM apm_exceptions
          WHERE ${conditions(query)}
          GROUP BY service_name, exception_type, message_pattern
          ORDER BY occurrences DESC, service_name, exception_type, message_pattern
          LIMIT ${query.limit}
        )
        ORDER BY occurrences DESC, service_name, exception_type, message_pattern`,
    storeLimits(limits),
  );
  return rows.map((row) => ({
    service: row.service_name,
    type: row.exception_type,
    messagePattern: row.message_pattern,
    message: row.newest_message,
    count: Number(row.count_text),
    firstSeenNs: row.first_ns,
    lastSeenNs: row.last_ns,
    trend: { startMs: query.range.startS * 1000, stepSeconds, counts: trendCounts(row.per_step, points) },
    stacktrace: row.newest_stacktrace,
    samples: row.newest.map(([negatedNs, traceId, spanId]) => ({ traceId, spanId, timeNs: (-BigInt(negatedNs)).toString() })),
  }));
}
