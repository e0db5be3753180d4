import { APM_OVERFLOW_NAME } from '@sightline/contract';
import type { MaterializedViewDef, TableDef } from './table-def.ts';

/**
 * The minutes in which span metrics went past a cardinality cap: per service whose operations
 * overflowed, and under `__overflow__` for services past the service cap. Nearly always empty, so
 * the overflow notices of any range cost almost nothing to find (in the per-operation table they
 * meant planning a read of every part in the range).
 */
export const overflowMinutesTable: TableDef<never> = {
  name: 'apm_overflow_1m',
  columns: [
    { name: 'time', type: "DateTime('UTC')" },
    { name: 'service_name', type: 'LowCardinality(String)' },
    { name: 'deployment_environment', type: 'LowCardinality(String)' },
    { name: 'calls', type: 'SimpleAggregateFunction(sum, UInt64)' },
  ],
  engine: 'AggregatingMergeTree',
  partitionBy: 'toYYYYMM(time)',
  orderBy: '(service_name, deployment_environment, time)',
  ttl: { expression: 'time', signal: 'traces' },
  settings: { ttl_only_drop_parts: 0 },
};

/** The overflow rows of the per-operation minute table (fixed text: the name is a constant). */
const OVERFLOW_SPAN_ROWS = `SELECT time, service_name, deployment_environment, sum(calls) AS calls FROM apm_span_metrics_1m
  WHERE service_name = '${APM_OVERFLOW_NAME}' OR operation = '${APM_OVERFLOW_NAME}'
  GROUP BY time, service_name, deployment_environment`;

export const overflowMinutesView: MaterializedViewDef = {
  name: 'apm_overflow_1m_mv',
  to: 'apm_overflow_1m',
  select: OVERFLOW_SPAN_ROWS,
};

/** Fills the table from the rows stored before it existed (run before its view is created). */
export const OVERFLOW_MINUTES_BACKFILL = `INSERT INTO apm_overflow_1m ${OVERFLOW_SPAN_ROWS}`;
