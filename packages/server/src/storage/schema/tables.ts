import type { MaterializedViewDef, TableDef } from './table-def.ts';
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
];

export const ALL_VIEWS: readonly MaterializedViewDef[] = [traceIndexView];

/** Tables the ingest pipeline inserts into. */
export const INSERT_TABLES: readonly TableDef<never>[] = [
  spansTable,
  logsTable,
  metricSeriesTable,
  numberPointsTable,
  histogramPointsTable,
  exponentialHistogramPointsTable,
  summaryPointsTable,
];
