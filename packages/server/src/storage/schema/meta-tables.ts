import type { TableDef } from './table-def.ts';

/** Which numbered migrations have run. */
export const schemaMigrationsTable: TableDef<never> = {
  name: 'schema_migrations',
  columns: [
    { name: 'version', type: 'UInt32' },
    { name: 'name', type: 'String' },
    { name: 'applied_at', type: 'DateTime', default: 'now()' },
  ],
  engine: 'MergeTree',
  orderBy: 'version',
};

/** Key/value settings the server keeps (e.g. applied retention); read with FINAL. */
export const settingsTable: TableDef<never> = {
  name: 'settings',
  columns: [
    { name: 'key', type: 'String' },
    { name: 'value', type: 'String' },
    { name: 'version', type: 'UInt64' },
    { name: 'deleted', type: 'UInt8', default: '0' },
  ],
  engine: 'ReplacingMergeTree(version, deleted)',
  orderBy: 'key',
};
