import { MAX_HISTOGRAM_BUCKETS, type LogHistogramResponse, type SeverityCounts, type SeverityGroup } from '@sightline/contract';
import { identifier, joinSql, param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { allOf } from '../attribute-filters.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { inRange, type TimeRange } from '../time-range.ts';
import { bucketGrid } from './histogram-buckets.ts';
import { logFilterConditions, type LogFilters } from './log-filters.ts';

export interface LogHistogramParams extends TimeRange, LogFilters {
  readonly stepSeconds?: number;
}

/** OTLP severity_number ranges of each group (inclusive); numbers past 24 (out of spec) count as fatal, so no record is left out. */
const SEVERITY_GROUPS: readonly (readonly [SeverityGroup, number, number])[] = [
  ['unset', 0, 0],
  ['trace', 1, 4],
  ['debug', 5, 8],
  ['info', 9, 12],
  ['warn', 13, 16],
  ['error', 17, 20],
  ['fatal', 21, 255],
];

type BucketRow = { readonly bucket: string } & Readonly<Record<SeverityGroup, string>>;

function emptyCounts(): SeverityCounts {
  return { unset: 0, trace: 0, debug: 0, info: 0, warn: 0, error: 0, fatal: 0 };
}

function groupCounts(): SqlFragment {
  return joinSql(
    SEVERITY_GROUPS.map(([group, min, max]) => sql`toString(countIf(severity_number BETWEEN ${param('UInt8', min)} AND ${param('UInt8', max)})) AS ${identifier(group)}`),
    ', ',
  );
}

/** Records per severity group in fixed-width time buckets; every bucket of the range is present. */
export async function logHistogram(store: Store, limits: ReadLimits, params: LogHistogramParams): Promise<LogHistogramResponse> {
  const grid = bucketGrid(params, params.stepSeconds, MAX_HISTOGRAM_BUCKETS);
  const conditions = [inRange(sql`timestamp`, params), ...logFilterConditions(params)];
  const rows = await store.query<BucketRow>(
    sql`SELECT toString(intDiv(toUnixTimestamp64Milli(timestamp), ${param('Int64', grid.stepMs)})) AS bucket, ${groupCounts()}
        FROM logs
        WHERE ${allOf(conditions)}
        GROUP BY bucket`,
    storeLimits(limits),
  );
  const byIndex = new Map(rows.map((row) => [Number(row.bucket), row]));
  const buckets = Array.from({ length: grid.count }, (_, offset) => {
    const index = grid.firstIndex + offset;
    const row = byIndex.get(index);
    const counts = emptyCounts();
    if (row !== undefined) for (const [group] of SEVERITY_GROUPS) counts[group] = Number(row[group]);
    return { t: index * grid.stepMs, counts };
  });
  return { stepSeconds: grid.stepMs / 1000, buckets };
}
