import type { MetricSeries } from '@sightline/contract';
import { evaluateFormula, formulaRefs, type FormulaNode } from './formula.ts';

function labelKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One query's result as group key → (step time → value). */
interface Indexed {
  /** A single series without group labels: it applies to every group (like a scalar). */
  readonly scalar: ReadonlyMap<number, number> | undefined;
  readonly groups: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

function pointsMap(series: MetricSeries): Map<number, number> {
  return new Map(series.points.map((point) => [point.t, point.v]));
}

function indexed(series: readonly MetricSeries[]): Indexed {
  const only = series[0];
  if (series.length === 1 && only !== undefined && Object.keys(only.labels).length === 0) return { scalar: pointsMap(only), groups: new Map() };
  return { scalar: undefined, groups: new Map(series.map((each) => [labelKey(each.labels), pointsMap(each)])) };
}

/**
 * The formula applied per group and step. Series match on their group labels (the queries of a
 * formula group by the same labels); a query answering one series without labels applies to every
 * group. A group missing from a query, or a step where a query has no value, yields no point; so does
 * a division by zero.
 */
export function applyFormula(formula: FormulaNode, results: ReadonlyMap<string, readonly MetricSeries[]>): MetricSeries[] {
  const refs = formulaRefs(formula);
  const inputs = new Map(refs.map((id) => [id, indexed(results.get(id) ?? [])]));
  const groups = new Map<string, Readonly<Record<string, string>>>();
  for (const id of refs) {
    for (const series of results.get(id) ?? []) if (inputs.get(id)?.scalar === undefined) groups.set(labelKey(series.labels), series.labels);
  }
  if (groups.size === 0 && refs.every((id) => inputs.get(id)?.scalar !== undefined)) groups.set(labelKey({}), {});

  const output: MetricSeries[] = [];
  for (const [key, labels] of groups) {
    const values = new Map<string, ReadonlyMap<number, number>>();
    for (const id of refs) {
      const input = inputs.get(id);
      const points = input?.scalar ?? input?.groups.get(key);
      if (points !== undefined) values.set(id, points);
    }
    if (values.size < refs.length) continue;
    const times = new Set<number>();
    for (const points of values.values()) for (const t of points.keys()) times.add(t);
    const points: MetricSeries['points'] = [];
    for (const t of [...times].sort((a, b) => a - b)) {
      const v = evaluateFormula(formula, (id) => values.get(id)?.get(t));
      if (v !== undefined) points.push({ t, v });
    }
    if (points.length > 0) output.push({ labels: { ...labels }, points });
  }
  return output;
}
