import type { MetricInfo, MetricType } from '@sightline/contract';
import { param, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';

/**
 * A series row's `last_seen` moves only when the ingest side rewrites it, at most hourly
 * (storage/encode/seen-series.ts); a series active in a range was last seen no earlier than an
 * hour before the range starts. Series carry no first-seen time, so the range's end is not applied.
 */
const SERIES_REFRESH_SECONDS = 3600;

function seenInRange(range: TimeRange): SqlFragment {
  const startSeconds = Number(range.startNs / 1_000_000_000n) - SERIES_REFRESH_SECONDS;
  return sql`last_seen >= toDateTime(${param('Int64', Math.max(0, startSeconds))})`;
}

interface MetricInfoRow {
  readonly metric_name: string;
  readonly metric_type: MetricType;
  readonly metric_unit: string;
  readonly metric_description: string;
  readonly metric_temporality: number;
  readonly metric_monotonic: boolean;
  readonly prometheus_type: string;
}

const INFO_COLUMNS = trustedSql(`metric_name, argMax(type, last_seen) AS metric_type, argMax(unit, last_seen) AS metric_unit,
  argMax(description, last_seen) AS metric_description, argMax(temporality, last_seen) AS metric_temporality,
  argMax(is_monotonic, last_seen) AS metric_monotonic,
  argMax(JSONExtractString(arrayFirst(kv -> JSONExtractString(kv, 'key') = 'prometheus.type', JSONExtractArrayRaw(metric_metadata)), 'value', 'stringValue'), last_seen) AS prometheus_type`);

function toInfo(row: MetricInfoRow): MetricInfo {
  return {
    name: row.metric_name,
    type: row.metric_type,
    unit: row.metric_unit,
    description: row.metric_description,
    temporality: row.metric_temporality,
    monotonic: row.metric_monotonic,
    ...(row.prometheus_type === '' ? {} : { prometheusType: row.prometheus_type }),
  };
}

/** Metrics with series seen in the range (newest description, unit and type of each name). */
export async function listMetrics(store: Store, limits: ReadLimits, range: TimeRange, prefix?: string): Promise<MetricInfo[]> {
  const named = prefix === undefined ? trustedSql('1') : sql`startsWith(metric_name, ${prefix})`;
  const rows = await store.query<MetricInfoRow>(
    sql`SELECT ${INFO_COLUMNS} FROM metric_series WHERE ${seenInRange(range)} AND ${named}
        GROUP BY metric_name ORDER BY metric_name LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map(toInfo);
}

/** One metric's description, whatever the range; undefined when no series of it is stored. */
export async function findMetric(store: Store, limits: ReadLimits, name: string): Promise<MetricInfo | undefined> {
  const [row] = await store.query<MetricInfoRow>(
    sql`SELECT ${INFO_COLUMNS} FROM metric_series WHERE metric_name = ${name} GROUP BY metric_name`,
    storeLimits(limits),
  );
  return row === undefined ? undefined : toInfo(row);
}

function metricCondition(metric: string | undefined): SqlFragment {
  return metric === undefined ? trustedSql('1') : sql`metric_name = ${metric}`;
}

/** Label keys of the series seen in the range (of one metric, if named). */
export async function labelKeys(store: Store, limits: ReadLimits, range: TimeRange, metric?: string): Promise<string[]> {
  const rows = await store.query<{ key: string }>(
    sql`SELECT DISTINCT arrayJoin(mapKeys(labels)) AS key FROM metric_series
        WHERE ${metricCondition(metric)} AND ${seenInRange(range)}
        ORDER BY key LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => row.key);
}

/** Values one label takes in the series seen in the range (of one metric, if named). */
export async function labelValues(store: Store, limits: ReadLimits, key: string, range: TimeRange, metric?: string): Promise<string[]> {
  const rows = await store.query<{ label_value: string }>(
    sql`SELECT DISTINCT labels[${key}] AS label_value FROM metric_series
        WHERE ${metricCondition(metric)} AND mapContains(labels, ${key}) AND ${seenInRange(range)}
        ORDER BY label_value LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => row.label_value);
}
