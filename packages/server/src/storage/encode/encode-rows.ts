import type { EncodedChunk } from '../../signals/decoded.ts';
import { RowBinaryWriter } from '../rowbinary/writer.ts';
import type { InsertTarget } from '../store.ts';
import { insertableColumns, type TableDef } from '../schema/table-def.ts';

/** RowBinary for the insertable columns of a table, in schema order. */
export function encodeRows<Row>(table: TableDef<Row>, rows: readonly Row[], writer = new RowBinaryWriter()): EncodedChunk {
  const writers = insertableColumns(table).map((column) => column.write as NonNullable<typeof column.write>);
  for (const row of rows) {
    for (const write of writers) write(writer, row);
  }
  return { table: table.name, rows: rows.length, data: writer.finish() };
}

export function insertTarget<Row>(table: TableDef<Row>): InsertTarget {
  return { table: table.name, columns: insertableColumns(table).map((column) => ({ name: column.name, type: column.type })) };
}
