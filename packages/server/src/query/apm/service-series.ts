import type { ApmServiceSeriesResponse } from '@sightline/contract';
import type { ApmConfig } from '../../config/schema.ts';
import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { readApdexThresholds } from './apdex-settings.ts';
import { environmentIs } from './apm-filters.ts';
import { chooseStep, type MinuteRange } from './apm-range.ts';
import { APDEX_AGGREGATES, apdexColumn, RED_AGGREGATES, redColumns, type RedRow } from './red-stats.ts';
import { alignToSteps, secondsInRange, stepGrid, stepIndexSql } from './step-grid.ts';

export interface SeriesQuery {
  readonly range: MinuteRange;
  readonly service: string;
  readonly environment?: string | undefined;
  /** One operation's spans (every kind); the service's requests (entry-point spans) when absent. */
  readonly operation?: string | undefined;
  /** Wished step in seconds; rounded and capped by `chooseStep`. */
  readonly stepSeconds?: number | undefined;
}

interface StepRow extends RedRow {
  readonly step_index: number;
  readonly apdex: number | null;
}

/** Rate, errors, latency and apdex of a service's requests (or of one operation) per step. */
export async function serviceSeries(store: Store, limits: ReadLimits, apm: ApmConfig, query: SeriesQuery): Promise<ApmServiceSeriesResponse> {
  const grid = stepGrid(query.range, chooseStep(query.range, query.stepSeconds));
  const thresholdMs = (await readApdexThresholds(store, limits)).get(query.service) ?? apm.defaultApdexThresholdMs;
  const serviceWhere = sql`service_name = ${query.service} AND ${environmentIs(query.environment)}`;
  // The service's requests come from the per-service rollup; one operation from the per-operation one.
  const source =
    query.operation === undefined
      ? aggregateRows('service', query.range, serviceWhere)
      : aggregateRows('span', query.range, sql`${serviceWhere} AND operation = ${query.operation}`);
  const rows = await store.query<StepRow>(
    sql`SELECT step_index, ${redColumns()}, ${apdexColumn(sql`${param('Float64', thresholdMs)}`)}
        FROM (SELECT ${stepIndexSql(grid)} AS step_index, ${RED_AGGREGATES}, ${APDEX_AGGREGATES}
              FROM ${source} GROUP BY step_index)
        ORDER BY step_index`,
    storeLimits(limits),
  );
  const steps = new Map(rows.map((row) => [Number(row.step_index), row]));
  const nullable = (value: (row: StepRow) => number | null) => alignToSteps<number | null, StepRow>(grid, steps, value, null);
  return {
    startMs: grid.startS * 1000,
    stepSeconds: grid.stepSeconds,
    service: query.service,
    operation: query.operation ?? null,
    apdexThresholdMs: thresholdMs,
    calls: alignToSteps(grid, steps, (row) => Number(row.calls), 0),
    rate: alignToSteps(grid, steps, (row, index) => Number(row.calls) / secondsInRange(grid, index), 0),
    errors: alignToSteps(grid, steps, (row) => Number(row.errors), 0),
    errorRate: nullable((row) => (Number(row.calls) > 0 ? Number(row.errors) / Number(row.calls) : null)),
    p50Ms: nullable((row) => row.p50_ms),
    p90Ms: nullable((row) => row.p90_ms),
    p99Ms: nullable((row) => row.p99_ms),
    apdex: nullable((row) => row.apdex),
  };
}
