import { sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { aggregateRows } from '../apm/aggregate-source.ts';
import { environmentIs } from '../apm/apm-filters.ts';
import type { MinuteRange } from '../apm/apm-range.ts';
import { parseLatencyMap } from '../apm/latency-map.ts';
import type { MergedMeasures } from '../apm/red-from-maps.ts';
import type { StepGrid } from '../apm/step-grid.ts';
import { stepIndexSql } from '../apm/step-grid.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';

/** The messaging rows of the dependency aggregates, per (system, destination, operation, kind, service). */
export interface MessagingAggregateRow extends MergedMeasures {
  readonly system: string;
  readonly destination: string;
  readonly operation: string;
  readonly spanKind: number;
  readonly service: string;
  /** Step index when read per step, else 0. */
  readonly step: number;
}

export interface AggregateScope {
  readonly range: MinuteRange;
  readonly system?: string | undefined;
  readonly destination?: string | undefined;
  readonly environment?: string | undefined;
}

interface Row {
  readonly system: string;
  readonly target: string;
  readonly operation: string;
  readonly span_kind: number;
  readonly service_name: string;
  readonly step_index: number | string;
  readonly agg_calls: string;
  readonly agg_errors: string;
  readonly agg_sum_ns: string;
  readonly agg_min_ns: string;
  readonly agg_max_ns: string;
  readonly agg_latency: Readonly<Record<string, string | number>>;
}

function keyWhere(scope: AggregateScope): SqlFragment {
  let where = sql`dependency_type = 'messaging' AND ${environmentIs(scope.environment)}`;
  if (scope.system !== undefined) where = sql`${where} AND system = ${scope.system}`;
  if (scope.destination !== undefined) where = sql`${where} AND target = ${scope.destination}`;
  return where;
}

/**
 * Merged messaging aggregates of the range (per step when `grid` is given); at most
 * `maxRows` rows, the busiest first. The few rows are merged further in JS (red-from-maps.ts).
 */
export async function messagingAggregates(
  store: Store,
  limits: ReadLimits,
  scope: AggregateScope,
  options: { readonly grid?: StepGrid; readonly maxRows: number },
): Promise<MessagingAggregateRow[]> {
  const step = options.grid === undefined ? sql`0` : stepIndexSql(options.grid);
  const rows = await store.query<Row>(
    sql`SELECT ${step} AS step_index, system, target, operation, span_kind, service_name,
          toString(sum(calls)) AS agg_calls, toString(sum(errors)) AS agg_errors, toString(sum(duration_sum_ns)) AS agg_sum_ns,
          toString(min(duration_min_ns)) AS agg_min_ns, toString(max(duration_max_ns)) AS agg_max_ns, sumMap(latency) AS agg_latency
        FROM ${aggregateRows('dependency', scope.range, keyWhere(scope))}
        GROUP BY step_index, system, target, operation, span_kind, service_name
        ORDER BY sum(calls) DESC, system, target, operation, span_kind, service_name, step_index
        LIMIT ${options.maxRows}`,
    storeLimits(limits),
  );
  return rows.map((row) => ({
    system: row.system,
    destination: row.target,
    operation: row.operation,
    spanKind: Number(row.span_kind),
    service: row.service_name,
    step: Number(row.step_index),
    calls: Number(row.agg_calls),
    errors: Number(row.agg_errors),
    durationSumNs: Number(row.agg_sum_ns),
    durationMinNs: Number(row.agg_min_ns),
    durationMaxNs: Number(row.agg_max_ns),
    latency: parseLatencyMap(row.agg_latency),
    errorLatency: new Map(),
  }));
}
