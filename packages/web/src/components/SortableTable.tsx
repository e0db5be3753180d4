import { Fragment, useMemo, type MouseEvent, type ReactNode } from 'react';
import { nextSort, sortRows, type SortState, type SortValue } from '../apm/table-sort.ts';

export interface Column<T, C extends string> {
  readonly key: C;
  readonly label: string;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  /** What the column means, as the header's tooltip. */
  readonly title?: string;
  readonly sortValue: (row: T) => SortValue;
  readonly render: (row: T) => ReactNode;
  readonly cellClass?: (row: T) => string;
}

export interface SortableTableProps<T, C extends string> {
  readonly label: string;
  readonly columns: readonly Column<T, C>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly sort: SortState<C>;
  readonly onSort: (sort: SortState<C>) => void;
  /** Ties in the sorted column fall back to this order (e.g. by name). */
  readonly tieBreak?: (a: T, b: T) => number;
  /** A click anywhere on the row but its links and buttons. */
  readonly onRowClick?: (row: T) => void;
  readonly rowClass?: (row: T) => string;
  /** Content of a full-width row under the row (expanded details), or undefined. */
  readonly expanded?: (row: T) => ReactNode;
  readonly className?: string;
}

/** A data table sorted client-side by any column (the sort lives in the caller's URL state). */
export function SortableTable<T, C extends string>(props: SortableTableProps<T, C>) {
  const { columns, rows, rowKey, sort, onSort, tieBreak, onRowClick, rowClass, expanded, label } = props;
  const column = columns.find((c) => c.key === sort.column) ?? columns[0];
  const sorted = useMemo(
    () => (column === undefined ? [...rows] : sortRows(rows, column.sortValue, sort.order, tieBreak)),
    [rows, column, sort.order, tieBreak],
  );
  const clickRow = (row: T) => (event: MouseEvent<HTMLTableRowElement>) => {
    if (event.target instanceof Element && event.target.closest('a,button,input,select,summary') !== null) return;
    onRowClick?.(row);
  };
  return (
    <table className={`data-table ${props.className ?? ''}`} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => {
            const active = c.key === sort.column;
            return (
              <th
                key={c.key}
                scope="col"
                className={c.numeric === true ? 'num' : undefined}
                aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, c.key))} title={c.title ?? `Sort by ${c.label}`}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => {
          const key = rowKey(row);
          const details = expanded?.(row);
          return (
            <Fragment key={key}>
              <tr
                className={`${onRowClick === undefined ? '' : 'clickable '}${rowClass?.(row) ?? ''}`}
                onClick={onRowClick === undefined ? undefined : clickRow(row)}
              >
                {columns.map((c) => (
                  <td key={c.key} className={`${c.numeric === true ? 'num ' : ''}${c.cellClass?.(row) ?? ''}`}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
              {details !== undefined && details !== null && (
                <tr className="expanded-row">
                  <td colSpan={columns.length}>{details}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
