import type { MaterializedViewDef, TableDef } from './table-def.ts';
import {
  dependencyMetrics1hTable,
  dependencyMetrics1hView,
  dependencyMetrics1mTable,
  serviceInstancesTable,
  serviceInstancesView,
  serviceMetrics1dTable,
  serviceMetrics1dView,
  serviceMetrics1hTable,
  serviceMetrics1hView,
  serviceMetrics1mTable,
  serviceMetrics1mView,
  spanExceptionsTable,
  spanMetrics1hTable,
  spanMetrics1hView,
  spanMetrics1mTable,
} from './apm-tables.ts';
import { overflowMinutesTable, overflowMinutesView } from './apm-overflow-table.ts';
import { ALERT_TABLES } from './alert-tables.ts';
import { AUTH_TABLES } from './auth-tables.ts';
import { dashboardsTable } from './dashboards-table.ts';
import { logsTable } from './logs-table.ts';
import { schemaMigrationsTable, settingsTable } from './meta-tables.ts';
import {
  exponentialHistogramPointsTable,
  histogramPointsTable,
  metricSeriesTable,
  numberPointsTable,
  summaryPointsTable,
} from './metrics-tables.ts';
import { spansTable, traceIndexTable, traceIndexView } from './spans-table.ts';

/** APM aggregates and derived rows (migration 3). */
export const APM_TABLES: readonly TableDef<never>[] = [
  spanMetrics1mTable,
  spanMetrics1hTable,
  serviceMetrics1mTable,
  serviceMetrics1hTable,
  serviceMetrics1dTable,
  dependencyMetrics1mTable,
  dependencyMetrics1hTable,
  spanExceptionsTable,
  serviceInstancesTable,
];

export const APM_VIEWS: readonly MaterializedViewDef[] = [spanMetrics1hView, serviceMetrics1mView, serviceMetrics1hView, serviceMetrics1dView, dependencyMetrics1hView, serviceInstancesView];

/** Every table of the current schema, in creation order (a view's target before the view). */
export const ALL_TABLES: readonly TableDef<never>[] = [
  schemaMigrationsTable,
  settingsTable,
  spansTable,
  traceIndexTable,
  logsTable,
  metricSeriesTable,
  numberPointsTable,
  histogramPointsTable,
  exponentialHistogramPointsTable,
  summaryPointsTable,
  ...APM_TABLES,
  overflowMinutesTable,
  dashboardsTable,
  ...ALERT_TABLES,
  ...AUTH_TABLES,
];

export const ALL_VIEWS: readonly MaterializedViewDef[] = [traceIndexView, ...APM_VIEWS, overflowMinutesView];

/** Tables the ingest pipeline inserts into. */
export const INSERT_TABLES: readonly TableDef<never>[] = [
  spansTable,
  logsTable,
  metricSeriesTable,
  numberPointsTable,
  histogramPointsTable,
  exponentialHistogramPointsTable,
  summaryPointsTable,
  spanMetrics1mTable,
  dependencyMetrics1mTable,
  spanExceptionsTable,
];

/** Tables of small derived rows (APM aggregates and exceptions), inserted less often than raw signals. */
export const AGGREGATE_INSERT_TABLES: readonly TableDef<never>[] = [spanMetrics1mTable, dependencyMetrics1mTable, spanExceptionsTable];
