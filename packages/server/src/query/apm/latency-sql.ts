import { LATENCY_GAMMA, LATENCY_MIN_NS } from '../../signals/latency-buckets.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';

/**
 * SQL over a merged latency map (bucket index → count, keys sorted as `sumMap` returns them);
 * see signals/latency-buckets.ts for the buckets and the rank rule.
 */

/** Milliseconds a bucket index stands for. */
function bucketMs(index: SqlFragment): SqlFragment {
  const gamma = param('Float64', LATENCY_GAMMA);
  const minMs = param('Float64', LATENCY_MIN_NS / 1e6);
  return sql`if(${index} = 0, ${minMs}, 2 * ${minMs} * pow(${gamma}, ${index}) / (${gamma} + 1))`;
}

/**
 * The q-quantile in milliseconds of a merged latency map, NULL when it is empty: the bucket holding
 * the value of nearest rank ⌈q·n⌉.
 */
export function latencyQuantileMs(merged: SqlFragment, q: number): SqlFragment {
  const quantile = param('Float64', q);
  const cumulative = sql`arrayCumSum(mapValues(${merged}))`;
  const total = sql`arraySum(mapValues(${merged}))`;
  const index = sql`arrayFirst((k, c) -> c >= ceil(${quantile} * ${total}), mapKeys(${merged}), ${cumulative})`;
  return sql`if(${total} = 0, NULL, ${bucketMs(index)})`;
}

/**
 * Apdex for threshold T (ms): (satisfied + tolerating / 2) / n, where satisfied ≤ T < tolerating ≤ 4T
 * among the calls that did not fail (failed calls count as frustrated, as Apdex defines), each
 * duration judged by its bucket (±1%). `merged` holds every call, `mergedErrors` the failed ones;
 * NULL when there are no calls.
 */
export function apdexOf(merged: SqlFragment, mergedErrors: SqlFragment, thresholdMs: SqlFragment): SqlFragment {
  const total = sql`arraySum(mapValues(${merged}))`;
  const within = (map: SqlFragment, limitMs: SqlFragment): SqlFragment =>
    sql`arraySum((k, c) -> if(${bucketMs(sql`k`)} <= ${limitMs}, c, 0), mapKeys(${map}), mapValues(${map}))`;
  const satisfied = sql`(${within(merged, thresholdMs)} - ${within(mergedErrors, thresholdMs)})`;
  const upToFourT = sql`(${within(merged, sql`4 * ${thresholdMs}`)} - ${within(mergedErrors, sql`4 * ${thresholdMs}`)})`;
  return sql`if(${total} = 0, NULL, (${satisfied} + (${upToFourT} - ${satisfied}) / 2) / ${total})`;
}
