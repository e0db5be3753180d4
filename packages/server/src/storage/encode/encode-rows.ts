import type { EncodedChunk } from '../../signals/decoded.ts';
import { RowBinaryWriter } from '../rowbinary/writer.ts';
import type { InsertTarget } from '../store.ts';
import { insertableColumns, type ColumnDef, type ColumnGroup, type TableDef } from '../schema/table-def.ts';

type WriteStep<Row> = (writer: RowBinaryWriter, row: Row) => void;

/** Writes a run of grouped columns once per distinct owner pair, then copies the bytes. */
function cachedGroupStep<Row>(columns: readonly ColumnDef<Row>[], group: ColumnGroup<Row>): WriteStep<Row> {
  const cache = new Map<object, Map<object, Uint8Array>>();
  return (writer, row) => {
    const [first, second] = group.owners(row);
    let inner = cache.get(first);
    if (inner === undefined) {
      inner = new Map<object, Uint8Array>();
      cache.set(first, inner);
    }
    let bytes = inner.get(second);
    if (bytes === undefined) {
      const scratch = new RowBinaryWriter(1024);
      for (const column of columns) column.write?.(scratch, row);
      bytes = scratch.finish();
      inner.set(second, bytes);
    }
    writer.raw(bytes);
  };
}

function writePlan<Row>(table: TableDef<Row>): WriteStep<Row>[] {
  const columns = insertableColumns(table);
  const steps: WriteStep<Row>[] = [];
  for (let index = 0; index < columns.length; ) {
    const column = columns[index] as ColumnDef<Row>;
    const group = column.group;
    if (group === undefined) {
      if (column.write !== undefined) steps.push(column.write);
      index++;
      continue;
    }
    let end = index;
    while (end < columns.length && columns[end]?.group === group) end++;
    steps.push(cachedGroupStep(columns.slice(index, end), group));
    index = end;
  }
  return steps;
}

/** RowBinary for the insertable columns of a table, in schema order. */
export function encodeRows<Row>(table: TableDef<Row>, rows: readonly Row[], writer = new RowBinaryWriter()): EncodedChunk {
  const steps = writePlan(table);
  for (const row of rows) {
    for (const step of steps) step(writer, row);
  }
  return { table: table.name, rows: rows.length, data: writer.finish() };
}

export function insertTarget<Row>(table: TableDef<Row>): InsertTarget {
  return { table: table.name, columns: insertableColumns(table).map((column) => ({ name: column.name, type: column.type })) };
}
