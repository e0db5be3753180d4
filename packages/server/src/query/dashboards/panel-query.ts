import type { MetricSeries, Panel, PanelQuery, PanelQueryResponse } from '@sightline/contract';
import { AppError, ErrorCodes, isAppError } from '../../errors.ts';
import type { Store } from '../../storage/store.ts';
import type { ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';
import { listMetrics } from '../metrics/metric-catalog.ts';
import { queryMetric } from '../metrics/query-metric.ts';
import { applyFormula } from './align-series.ts';
import { formulaRefs, parseFormula, type FormulaNode } from './formula.ts';
import { defaultSeriesName, formulaSeriesName, resolveLegend } from './legend.ts';
import { substituteVariables } from './variables.ts';

export interface PanelQueryParams extends TimeRange {
  readonly panel: Panel;
  readonly stepSeconds?: number | undefined;
  readonly variables: Readonly<Record<string, string>>;
}

/** Steps a range is divided into when the request names no step (about this many points). */
const DEFAULT_POINTS = 200;
const NICE_STEPS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/**
 * A step giving about DEFAULT_POINTS points, rounded up to a round number of seconds; never below
 * 15 s, the usual scrape interval (a rate over steps shorter than the scrape interval is meaningless).
 */
export function defaultStepSeconds(range: TimeRange): number {
  const target = Number(range.endNs - range.startNs) / 1e9 / DEFAULT_POINTS;
  return NICE_STEPS.find((step) => step >= target) ?? Math.ceil(target / 86_400) * 86_400;
}

interface QueryResult {
  readonly series: MetricSeries[];
  readonly missing: boolean;
  readonly stepSeconds: number | undefined;
}

async function hasSeriesInRange(store: Store, limits: ReadLimits, range: TimeRange, name: string): Promise<boolean> {
  const metrics = await listMetrics(store, limits, range, name);
  return metrics.some((metric) => metric.name === name);
}

async function runQuery(store: Store, limits: ReadLimits, params: PanelQueryParams, query: PanelQuery, stepSeconds: number): Promise<QueryResult> {
  const range = { startNs: params.startNs, endNs: params.endNs };
  try {
    const result = await queryMetric(store, limits, {
      ...range,
      name: query.metric,
      stepSeconds,
      filters: substituteVariables(query.filters, params.variables),
      groupBy: query.groupBy,
      aggregation: query.aggregation,
      ...(query.function === undefined ? {} : { function: query.function }),
      ...(query.quantile === undefined ? {} : { quantile: query.quantile }),
    });
    const missing = result.series.length === 0 && !(await hasSeriesInRange(store, limits, range, query.metric));
    return { series: result.series, missing, stepSeconds: result.stepSeconds };
  } catch (error) {
    // A metric never stored: the panel shows "no data", it is not a failure.
    if (isAppError(error) && error.code === ErrorCodes.NOT_FOUND) return { series: [], missing: true, stepSeconds: undefined };
    if (isAppError(error) && error.code === ErrorCodes.QUERY_INVALID) {
      throw new AppError(ErrorCodes.QUERY_INVALID, `query ${query.id}: ${error.message}`);
    }
    throw error;
  }
}

function checkedFormula(panel: Panel): FormulaNode | undefined {
  if (panel.formula === undefined || panel.formula.trim() === '') return undefined;
  const formula = parseFormula(panel.formula);
  const ids = new Set(panel.queries.map((query) => query.id));
  const unknown = formulaRefs(formula).filter((id) => !ids.has(id));
  if (unknown.length > 0) throw new AppError(ErrorCodes.QUERY_INVALID, `formula: no query named ${unknown.join(', ')}`);
  return formula;
}

/**
 * One panel over a range: each query through the metrics query module (same guardrails), the formula
 * over the aligned results, series named by their legends. `apm_db_calls` panels read no metrics
 * (the UI asks the APM dependencies API).
 */
export async function queryPanel(store: Store, limits: ReadLimits, params: PanelQueryParams): Promise<PanelQueryResponse> {
  const { panel } = params;
  const requestedStep = params.stepSeconds ?? defaultStepSeconds(params);
  if (panel.type === 'apm_db_calls') return { stepSeconds: requestedStep, series: [], missingMetrics: [] };
  const ids = panel.queries.map((query) => query.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) throw new AppError(ErrorCodes.QUERY_INVALID, `queries: id ${duplicate} is used twice`);
  const formula = checkedFormula(panel);

  const results = new Map<string, readonly MetricSeries[]>();
  const missing = new Set<string>();
  let stepSeconds = requestedStep;
  // One after another: the embedded store runs bound queries one at a time anyway.
  for (const query of panel.queries) {
    const result = await runQuery(store, limits, params, query, requestedStep);
    results.set(query.id, result.series);
    if (result.missing) missing.add(query.metric);
    if (result.stepSeconds !== undefined) stepSeconds = result.stepSeconds;
  }

  const series: PanelQueryResponse['series'] = [];
  if (formula !== undefined) {
    for (const each of applyFormula(formula, results)) series.push({ ...each, name: formulaSeriesName(panel.formulaLegend, each.labels, panel.title) });
  }
  for (const query of panel.queries) {
    if (query.hidden) continue;
    for (const each of results.get(query.id) ?? []) {
      const name = query.legend === undefined ? defaultSeriesName(query.metric, each.labels) : resolveLegend(query.legend, each.labels);
      series.push({ ...each, name });
    }
  }
  return { stepSeconds, series, missingMetrics: [...missing] };
}
