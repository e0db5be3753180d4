import type { LabelFilter, MetricInfo, MetricQueryResponse } from '@sightline/contract';
import { AppError, ErrorCodes, isAppError } from '../../errors.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';
import { expHistogramStepsSql, minScaleSql, type ExpHistogramStepRow } from './exp-histogram-steps.ts';
import { histogramStepsSql, type HistogramStepRow } from './histogram-steps.ts';
import { findMetric } from './metric-catalog.ts';
import { numberStepsSql, type Aggregation, type NumberSource, type NumberStepRow, type SeriesReduce } from './number-steps.ts';
import { exponentialQuantile, histogramQuantile } from './quantile.ts';
import { seriesWithClause } from './series-selection.ts';
import { stepGrid, type StepGrid } from './step-grid.ts';
import { toSeries, type StepValue } from './step-series.ts';

export interface MetricQueryParams extends TimeRange {
  readonly name: string;
  readonly stepSeconds: number;
  readonly filters: readonly LabelFilter[];
  readonly groupBy: readonly string[];
  readonly aggregation: Aggregation;
  readonly function?: 'rate' | 'increase';
  readonly quantile?: number;
}

/** Most (group, step) values one query may return. */
export const MAX_RESULT_POINTS = 100_000;

interface Context {
  readonly store: Store;
  readonly limits: ReadLimits;
  readonly params: MetricQueryParams;
  readonly metric: MetricInfo;
  readonly grid: StepGrid;
  readonly series: SqlFragment;
}

function invalid(message: string): AppError {
  return new AppError(ErrorCodes.QUERY_INVALID, message);
}

async function run<Row>(context: Context, query: SqlFragment): Promise<Row[]> {
  let rows: Row[];
  try {
    rows = await context.store.query<Row>(query, storeLimits(context.limits));
  } catch (error) {
    // CANNOT_COMPILE_REGEXP: the request's regex, not the server, is at fault.
    if (isAppError(error) && error.code === ErrorCodes.STORE_FAILED && /Code: 427\b/.test(error.message)) {
      throw invalid(`filters: invalid regular expression (${error.message.replace(/^.*cannot compile re2: /, '').slice(0, 200)})`);
    }
    throw error;
  }
  if (rows.length > MAX_RESULT_POINTS) {
    throw new AppError(ErrorCodes.QUERY_TOO_MUCH_DATA, `The result would exceed ${MAX_RESULT_POINTS} points; use a larger step, fewer groups or more filters.`);
  }
  return rows;
}

const UNTYPED = new Set(['untyped', 'unknown']);

function isUntyped(metric: MetricInfo): boolean {
  return metric.prometheusType !== undefined && UNTYPED.has(metric.prometheusType);
}

/** How a metric without a quantile becomes numbers (see SeriesReduce). */
function numberPlan(context: Context): { source: NumberSource; reduce: SeriesReduce } {
  const { metric, params } = context;
  const fn = params.function;
  const delta = metric.temporality === 1;
  if (metric.type === 'gauge' || metric.type === 'sum') {
    const source: NumberSource = { table: 'metric_points_number', value: sql`value` };
    if (delta) return { source, reduce: 'sum' };
    if (fn === undefined) return { source, reduce: 'last' };
    if (metric.type === 'sum' && metric.monotonic) return { source, reduce: 'increase' };
    // Prometheus untyped series are often counters (mysqld_exporter's global status): PromQL rates them too.
    if (metric.type === 'gauge' && isUntyped(metric)) return { source, reduce: 'increase' };
    const kind = metric.type === 'sum' ? 'non-monotonic sum' : metric.type;
    throw invalid(`function: ${fn} applies to counters (monotonic sums); ${metric.name} is a ${kind}`);
  }
  // Histograms and summaries without a quantile: their observation count, a counter.
  const table =
    metric.type === 'histogram' ? 'metric_points_histogram' : metric.type === 'summary' ? 'metric_points_summary' : 'metric_points_exp_histogram';
  const source: NumberSource = { table, value: sql`count` };
  if (delta) return { source, reduce: 'sum' };
  return { source, reduce: fn === undefined ? 'last' : 'increase' };
}

async function numberValues(context: Context, source: NumberSource, reduce: SeriesReduce): Promise<StepValue[]> {
  const { params, grid, series, metric } = context;
  const rows = await run<NumberStepRow>(
    context,
    numberStepsSql({
      metricName: metric.name,
      series,
      grid,
      source,
      reduce,
      perSecond: params.function === 'rate',
      aggregation: params.aggregation,
      maxRows: MAX_RESULT_POINTS,
    }),
  );
  return rows.map((row) => ({ groupValues: row.group_values, bucket: Number(row.bucket), value: row.v }));
}

/** Several bucket layouts in one group and step: the one with most observations is used. */
async function histogramValues(context: Context, q: number): Promise<StepValue[]> {
  const { grid, series, metric } = context;
  const rows = await run<HistogramStepRow>(
    context,
    histogramStepsSql({ metricName: metric.name, series, grid, cumulative: metric.temporality !== 1, maxRows: MAX_RESULT_POINTS }),
  );
  const best = new Map<string, { row: HistogramStepRow; counts: number[]; total: number }>();
  for (const row of rows) {
    const counts = row.counts.map(Number);
    const total = counts.reduce((sum, count) => sum + count, 0);
    const key = JSON.stringify([row.group_values, row.bucket]);
    const seen = best.get(key);
    if (seen === undefined || total > seen.total) best.set(key, { row, counts, total });
  }
  return [...best.values()].map(({ row, counts }) => ({
    groupValues: row.group_values,
    bucket: Number(row.bucket),
    value: histogramQuantile(q, row.bounds, counts),
  }));
}

function indexCounts([indexes, counts]: readonly [readonly string[], readonly string[]]): Map<number, number> {
  const map = new Map<number, number>();
  indexes.forEach((index, position) => {
    const count = Number(counts[position] ?? 0);
    if (count > 0) map.set(Number(index), count);
  });
  return map;
}

async function expHistogramValues(context: Context, q: number): Promise<StepValue[]> {
  const { grid, series, metric } = context;
  const cumulative = metric.temporality !== 1;
  const [scaleRow] = await run<{ min_scale: number | null }>(context, minScaleSql({ metricName: metric.name, series, grid, cumulative }));
  if (scaleRow?.min_scale === null || scaleRow?.min_scale === undefined) return [];
  const scale = scaleRow.min_scale;
  const rows = await run<ExpHistogramStepRow>(
    context,
    expHistogramStepsSql({ metricName: metric.name, series, grid, cumulative, scale, maxRows: MAX_RESULT_POINTS }),
  );
  return rows.map((row) => ({
    groupValues: row.group_values,
    bucket: Number(row.bucket),
    value: exponentialQuantile(q, { scale, zeroCount: Math.max(0, Number(row.zero)), positive: indexCounts(row.pos), negative: indexCounts(row.neg) }),
  }));
}

function summaryQuantileSource(q: number): NumberSource {
  const matches = sql`x -> abs(x - ${param('Float64', q)}) < 1e-9`;
  return {
    table: 'metric_points_summary',
    value: sql`quantile_values[arrayFirstIndex(${matches}, quantiles)]`,
    where: sql`arrayExists(${matches}, quantiles)`,
  };
}

async function quantileValues(context: Context, q: number): Promise<StepValue[]> {
  const { metric, params } = context;
  if (params.function !== undefined) throw invalid('function: does not combine with quantile');
  switch (metric.type) {
    case 'histogram':
      return histogramValues(context, q);
    case 'exponential_histogram':
      return expHistogramValues(context, q);
    case 'summary':
      return numberValues(context, summaryQuantileSource(q), 'last');
    default:
      throw invalid(`quantile: applies to histograms and summaries; ${metric.name} is a ${metric.type}`);
  }
}

/**
 * A metric as series over time: its series selected by label filters, reduced per step, combined
 * per group. All heavy work happens in the engine; the results are bounded (steps × groups).
 */
export async function queryMetric(store: Store, limits: ReadLimits, params: MetricQueryParams): Promise<MetricQueryResponse> {
  const grid = stepGrid(params, params.stepSeconds);
  const metric = await findMetric(store, limits, params.name);
  if (metric === undefined) throw new AppError(ErrorCodes.NOT_FOUND, `metric ${params.name} not found`);
  const context: Context = { store, limits, params, metric, grid, series: seriesWithClause(metric, params.filters, params.groupBy) };
  let values: StepValue[];
  if (params.quantile !== undefined) {
    values = await quantileValues(context, params.quantile);
  } else {
    const plan = numberPlan(context);
    values = await numberValues(context, plan.source, plan.reduce);
  }
  return { metric, stepSeconds: grid.stepSeconds, series: toSeries(values, params.groupBy, grid) };
}
