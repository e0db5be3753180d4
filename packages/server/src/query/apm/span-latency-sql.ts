import { LATENCY_GAMMA, LATENCY_MAX_INDEX, LATENCY_MIN_NS } from '../../signals/latency-buckets.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';

/** The latency bucket (signals/latency-buckets.ts) of a raw duration in nanoseconds, as UInt16. */
export function latencyBucketSql(durationNs: SqlFragment): SqlFragment {
  const minNs = param('Float64', LATENCY_MIN_NS);
  const logGamma = param('Float64', Math.log(LATENCY_GAMMA));
  const maxIndex = param('Float64', LATENCY_MAX_INDEX);
  return sql`toUInt16(if(${durationNs} <= ${minNs}, 0, least(${maxIndex}, ceil(log(${durationNs} / ${minNs}) / ${logGamma}))))`;
}

/**
 * Aggregate over raw spans: their latency map (bucket → count), the same shape as the aggregate
 * tables' `latency`, so `latencyQuantileMs` and `sumMap` apply to it unchanged.
 */
export function latencyMapOfDurations(durationNs: SqlFragment): SqlFragment {
  return sql`sumMap(map(${latencyBucketSql(durationNs)}, toUInt64(1)))`;
}
