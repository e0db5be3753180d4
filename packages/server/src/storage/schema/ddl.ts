import type { Retention } from './retention.ts';
import type { ColumnDef, MaterializedViewDef, TableDef } from './table-def.ts';

function columnSql<Row>(column: ColumnDef<Row>): string {
  let text = `\`${column.name}\` ${column.type}`;
  if (column.materialized !== undefined) text += ` MATERIALIZED ${column.materialized}`;
  else if (column.default !== undefined) text += ` DEFAULT ${column.default}`;
  if (column.codec !== undefined) text += ` CODEC(${column.codec})`;
  return text;
}

export function ttlSql<Row>(table: TableDef<Row>, retention: Retention): string | undefined {
  if (table.ttl === undefined) return undefined;
  return `${table.ttl.expression} + toIntervalDay(${retention[table.ttl.signal]})`;
}

export function createTableSql<Row>(table: TableDef<Row>, retention: Retention): string {
  const lines = table.columns.map(columnSql);
  for (const index of table.indexes ?? []) {
    lines.push(`INDEX ${index.name} ${index.expression} TYPE ${index.type} GRANULARITY ${index.granularity}`);
  }
  let text = `CREATE TABLE IF NOT EXISTS \`${table.name}\` (\n  ${lines.join(',\n  ')}\n) ENGINE = ${table.engine}`;
  if (table.partitionBy !== undefined) text += `\nPARTITION BY ${table.partitionBy}`;
  text += `\nORDER BY ${table.orderBy}`;
  const ttl = ttlSql(table, retention);
  if (ttl !== undefined) text += `\nTTL ${ttl}`;
  const settings = Object.entries(table.settings ?? {});
  if (settings.length > 0) text += `\nSETTINGS ${settings.map(([key, value]) => `${key} = ${value}`).join(', ')}`;
  return text;
}

export function createViewSql(view: MaterializedViewDef): string {
  return `CREATE MATERIALIZED VIEW IF NOT EXISTS \`${view.name}\` TO \`${view.to}\` AS ${view.select}`;
}
