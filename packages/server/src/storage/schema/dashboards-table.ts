import type { TableDef } from './table-def.ts';

/**
 * User dashboards (the built-in ones ship as code): one row per change, the newest `version` of an id
 * wins and a `deleted` row hides it; read with FINAL.
 */
export const dashboardsTable: TableDef<never> = {
  name: 'dashboards',
  columns: [
    { name: 'id', type: 'String' },
    /** The dashboard definition as JSON (contract `dashboardDefinitionSchema`). */
    { name: 'definition', type: 'String' },
    { name: 'version', type: 'UInt64' },
    { name: 'deleted', type: 'UInt8', default: '0' },
    { name: 'updated_at', type: 'DateTime64(3)', default: 'now64(3)' },
  ],
  engine: 'ReplacingMergeTree(version, deleted)',
  orderBy: 'id',
};
