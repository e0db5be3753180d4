import { sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { environmentIs, overflowName } from './apm-filters.ts';
import { alignToSteps, stepIndexSql, type StepGrid } from './step-grid.ts';

export interface Sparkline {
  readonly calls: number[];
  readonly errors: number[];
}

interface StepRow {
  readonly service: string;
  readonly step_index: number;
  readonly n_calls: string;
  readonly n_errors: string;
}

/** Requests and errors (entry-point spans) per step of every service with requests in the range. */
export async function serviceSparklines(
  store: Store,
  limits: ReadLimits,
  grid: StepGrid,
  environment: string | undefined,
): Promise<Map<string, Sparkline>> {
  const where = sql`service_name != ${overflowName()} AND ${environmentIs(environment)}`;
  const rows = await store.query<StepRow>(
    sql`SELECT service_name AS service, ${stepIndexSql(grid)} AS step_index, toString(sum(calls)) AS n_calls, toString(sum(errors)) AS n_errors
        FROM ${aggregateRows('service', grid.range, where)}
        GROUP BY service_name, step_index`,
    storeLimits(limits),
  );
  const byService = new Map<string, Map<number, StepRow>>();
  for (const row of rows) {
    const steps = byService.get(row.service) ?? new Map<number, StepRow>();
    steps.set(Number(row.step_index), row);
    byService.set(row.service, steps);
  }
  const sparklines = new Map<string, Sparkline>();
  for (const [service, steps] of byService) {
    sparklines.set(service, {
      calls: alignToSteps(grid, steps, (row) => Number(row.n_calls), 0),
      errors: alignToSteps(grid, steps, (row) => Number(row.n_errors), 0),
    });
  }
  return sparklines;
}
