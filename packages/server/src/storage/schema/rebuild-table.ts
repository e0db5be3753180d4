import { createTableSql, createViewSql } from './ddl.ts';
import type { Retention } from './retention.ts';
import type { MaterializedViewDef, TableDef } from './table-def.ts';

/**
 * Statements that give an existing table the layout of `table` (sort key, settings: what ALTER
 * cannot change) with its rows: the views writing into it are dropped, the rows copied into a new
 * table that is then exchanged with the old one in one step, and the views created again. Safe to
 * run again after a crash at any point: the table always holds its rows, in the old or new layout.
 * Run while nothing ingests (migrations run before the receivers start).
 */
export function rebuildTableStatements(table: TableDef<never>, writers: readonly MaterializedViewDef[], retention: Retention): string[] {
  const rebuilt = `${table.name}__rebuild`;
  const columns = table.columns.map((column) => `\`${column.name}\``).join(', ');
  return [
    ...writers.map((view) => `DROP VIEW IF EXISTS \`${view.name}\``),
    `DROP TABLE IF EXISTS \`${rebuilt}\``,
    createTableSql({ ...table, name: rebuilt }, retention),
    `INSERT INTO \`${rebuilt}\` (${columns}) SELECT ${columns} FROM \`${table.name}\``,
    `EXCHANGE TABLES \`${table.name}\` AND \`${rebuilt}\``,
    `DROP TABLE \`${rebuilt}\``,
    ...writers.map(createViewSql),
  ];
}
