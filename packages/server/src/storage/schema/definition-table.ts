import type { TableDef } from './table-def.ts';

/**
 * A table of user-made definitions kept as JSON (dashboards, alert rules, channels, silences): one row
 * per change, the newest `version` of an id wins and a `deleted` row hides it; read with FINAL.
 */
export function definitionTable(name: string): TableDef<never> {
  return {
    name,
    columns: [
      { name: 'id', type: 'String' },
      /** The definition as JSON (its contract schema). */
      { name: 'definition', type: 'String' },
      { name: 'version', type: 'UInt64' },
      { name: 'deleted', type: 'UInt8', default: '0' },
      { name: 'updated_at', type: 'DateTime64(3)', default: 'now64(3)' },
    ],
    engine: 'ReplacingMergeTree(version, deleted)',
    orderBy: 'id',
  };
}
