import { LATENCY_GAMMA, LATENCY_MIN_NS } from '../../signals/latency-buckets.ts';
import { sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';

/**
 * SQL over merged latency maps (bucket index → count, keys sorted as `sumMap` returns them); see
 * signals/latency-buckets.ts for the buckets and the rank rule. The bucket constants are written as
 * literals (they are this code's, not input): the engine folds them, which keeps these expressions
 * cheap to analyse — parameters would be re-bound in every lambda.
 */

const GAMMA = trustedSql(String(LATENCY_GAMMA));
const MIN_MS = trustedSql(String(LATENCY_MIN_NS / 1e6));
/** The value of bucket i > 0 is SCALE_MS · γ^i. */
const SCALE_MS = trustedSql(String((2 * LATENCY_MIN_NS) / 1e6 / (LATENCY_GAMMA + 1)));

/** Milliseconds a bucket index stands for. */
export function bucketValueMs(index: SqlFragment): SqlFragment {
  return sql`if(${index} = 0, ${MIN_MS}, ${SCALE_MS} * pow(${GAMMA}, ${index}))`;
}

/** The highest bucket index whose value is at most `ms` (bucket 0 is always ≤ any threshold ≥ 1 µs). */
export function lastBucketWithin(ms: SqlFragment): SqlFragment {
  return sql`greatest(0, floor(log(${ms} / ${SCALE_MS}) / log(${GAMMA})))`;
}

/**
 * A merged map's sorted keys and cumulative counts, computed once per row by the query that merges
 * (`keys`, `cumulative` are names for SELECT aliases, e.g. `agg_keys`, `agg_cum`).
 */
export function cumulativeColumns(merged: SqlFragment, keys: SqlFragment, cumulative: SqlFragment): SqlFragment {
  return sql`mapKeys(${merged}) AS ${keys}, arrayCumSum(mapValues(${merged})) AS ${cumulative}`;
}

/** The q-quantile in ms from sorted keys and cumulative counts: the bucket of nearest rank ⌈q·n⌉; NULL when empty. */
export function quantileFromCumulative(keys: SqlFragment, cumulative: SqlFragment, q: number): SqlFragment {
  const rank = sql`ceil(${trustedSql(String(q))} * ${cumulative}[-1])`;
  return sql`if(empty(${cumulative}), NULL, ${bucketValueMs(sql`${keys}[arrayFirstIndex(c -> c >= ${rank}, ${cumulative})]`)})`;
}

/** How many counted durations lie in buckets up to `maxIndex` (0 when none). */
export function countUpTo(keys: SqlFragment, cumulative: SqlFragment, maxIndex: SqlFragment): SqlFragment {
  return sql`${cumulative}[arrayLastIndex(k -> k <= ${maxIndex}, ${keys})]`;
}

/**
 * The q-quantile in milliseconds of a merged latency map, NULL when it is empty (for queries that
 * need one quantile of a map; with several, compute `cumulativeColumns` once and use
 * `quantileFromCumulative`).
 */
export function latencyQuantileMs(merged: SqlFragment, q: number): SqlFragment {
  return quantileFromCumulative(sql`mapKeys(${merged})`, sql`arrayCumSum(mapValues(${merged}))`, q);
}

/**
 * Apdex for threshold T (ms): (satisfied + tolerating / 2) / n, where satisfied ≤ T < tolerating ≤ 4T
 * among the calls that did not fail (failed calls count as frustrated, as Apdex defines), each
 * duration judged by its bucket (±1%). Takes the keys and cumulative counts of every call and of
 * the failed ones, and n; NULL when there are no calls.
 */
export function apdexFromCumulative(
  all: { readonly keys: SqlFragment; readonly cumulative: SqlFragment },
  failed: { readonly keys: SqlFragment; readonly cumulative: SqlFragment },
  calls: SqlFragment,
  thresholdMs: SqlFragment,
): SqlFragment {
  const okUpTo = (ms: SqlFragment): SqlFragment => {
    const maxIndex = lastBucketWithin(ms);
    return sql`(${countUpTo(all.keys, all.cumulative, maxIndex)} - ${countUpTo(failed.keys, failed.cumulative, maxIndex)})`;
  };
  const satisfied = okUpTo(thresholdMs);
  const upToFourT = okUpTo(sql`4 * ${thresholdMs}`);
  return sql`if(${calls} = 0, NULL, (${satisfied} + (${upToFourT} - ${satisfied}) / 2) / ${calls})`;
}
