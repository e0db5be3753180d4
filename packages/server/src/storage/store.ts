import type { SqlFragment } from './sql.ts';

export interface QueryLimits {
  /** Rows the query may read before failing with QUERY_TOO_MUCH_DATA (0: no limit). */
  readonly maxRowsToRead?: number;
  readonly maxBytesToRead?: number;
  readonly maxExecutionSeconds?: number;
  readonly maxMemoryBytes?: number;
}

export interface InsertTarget {
  readonly table: string;
  /** The insertable columns in RowBinary order, as `name Type` pairs. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
}

/**
 * The storage engine behind every signal. Implemented by the embedded engine (chdb/) and, later,
 * a ClickHouse cluster; both speak the same SQL.
 */
export interface Store {
  readonly kind: 'chdb' | 'clickhouse';
  /** A read; rows as JSON objects (64-bit integers as strings). */
  query<Row>(query: SqlFragment, limits?: QueryLimits): Promise<Row[]>;
  /** DDL or other statement without a result. */
  command(statement: SqlFragment): Promise<void>;
  /** Inserts RowBinary-encoded rows; resolves once they are committed. */
  insertRowBinary(target: InsertTarget, chunks: readonly Uint8Array[]): Promise<void>;
  close(): Promise<void>;
}
