/** Client-side table sorting and its URL form (`sort=<column>&order=asc|desc`). Pure. */

export type SortOrder = 'asc' | 'desc';

export interface SortState<C extends string> {
  readonly column: C;
  readonly order: SortOrder;
}

/** A column's sort value: numbers and text; null (no data) always sorts last. */
export type SortValue = number | string | null;

/**
 * `rows` sorted by `value` in `order`, rows without a value last whatever the order; ties keep
 * the order given by `tieBreak` (by default the input order), so the table does not jump.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, order: SortOrder, tieBreak?: (a: T, b: T) => number): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key !== b.key) return a.key === null ? 1 : -1;
      } else if (a.key !== b.key) {
        const diff = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : compareText(String(a.key), String(b.key));
        if (diff !== 0) return sign * diff;
      }
      return (tieBreak?.(a.row, b.row) ?? 0) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** Case-insensitive first, then exact, so `a` and `A` sort next to each other but stay stable. */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads the sort from URL parameters; unknown columns or orders fall back to `fallback`. */
export function readSort<C extends string>(params: { get(name: string): string | null }, columns: readonly C[], fallback: SortState<C>): SortState<C> {
  const column = params.get('sort');
  const order = params.get('order');
  const known = column !== null && (columns as readonly string[]).includes(column);
  return {
    column: known ? (column as C) : fallback.column,
    order: order === 'asc' || order === 'desc' ? order : known ? defaultOrder(column) : fallback.order,
  };
}

/** Writes the sort, leaving the parameters out when they are the page's default. */
export function writeSort<C extends string>(params: URLSearchParams, sort: SortState<C>, fallback: SortState<C>): void {
  params.delete('sort');
  params.delete('order');
  if (sort.column === fallback.column && sort.order === fallback.order) return;
  params.set('sort', sort.column);
  if (sort.order !== defaultOrder(sort.column)) params.set('order', sort.order);
}

/** Names read best A→Z; numbers biggest first. */
export function defaultOrder(column: string): SortOrder {
  return TEXT_COLUMNS.has(column) ? 'asc' : 'desc';
}

const TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'name',
  'service',
  'type',
  'target',
  'system',
  'operation',
  'instance',
  'host',
  'statement',
  'message',
  'environment',
]);

/** The sort after clicking `column`'s header: the other order when it is already sorted by it. */
export function nextSort<C extends string>(current: SortState<C>, column: C): SortState<C> {
  if (current.column !== column) return { column, order: defaultOrder(column) };
  return { column, order: current.order === 'asc' ? 'desc' : 'asc' };
}
