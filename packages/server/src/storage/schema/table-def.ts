import type { RowBinaryWriter } from '../rowbinary/writer.ts';

export type RetentionSignal = 'traces' | 'logs' | 'metrics';

/**
 * One column of a table. A column with `write` is inserted by the application in RowBinary; one with
 * `materialized` is computed by the engine on insert; neither means a DEFAULT value.
 */
/**
 * Consecutive columns whose values depend only on `owners(row)` (e.g. the row's resource and scope,
 * shared by reference by all rows of one request): the encoder writes their bytes once per owner pair.
 */
export interface ColumnGroup<Row> {
  readonly owners: (row: Row) => readonly [object, object];
}

export interface ColumnDef<Row> {
  readonly name: string;
  readonly group?: ColumnGroup<Row>;
  readonly type: string;
  readonly codec?: string;
  readonly materialized?: string;
  readonly default?: string;
  readonly write?: (writer: RowBinaryWriter, row: Row) => void;
  /** Inserted, but its value is written by the `write` of the named earlier column (one pass for several). */
  readonly writtenBy?: string;
}

export interface IndexDef {
  readonly name: string;
  readonly expression: string;
  readonly type: string;
  readonly granularity: number;
}

export interface TableDef<Row> {
  readonly name: string;
  readonly columns: readonly ColumnDef<Row>[];
  readonly engine: string;
  readonly orderBy: string;
  readonly partitionBy?: string;
  readonly primaryKey?: string;
  /** Rows expire `retention days` after this DateTime expression, for the named signal. */
  readonly ttl?: { readonly expression: string; readonly signal: RetentionSignal };
  readonly indexes?: readonly IndexDef[];
  readonly settings?: Readonly<Record<string, string | number>>;
}

export interface MaterializedViewDef {
  readonly name: string;
  readonly to: string;
  readonly select: string;
}

export function insertableColumns<Row>(table: TableDef<Row>): ColumnDef<Row>[] {
  return table.columns.filter((column) => column.write !== undefined || column.writtenBy !== undefined);
}
