import type { ReactNode } from 'react';
import { patchRow, removeRow } from './row-edits.ts';

/**
 * Rows the rule editor edits as a table (thresholds, labels): each row's cells and its Remove button,
 * then Add with a note, and the problem of the list as a whole.
 */
export function EditorRowsTable<R>({
  className,
  label,
  columns,
  rows,
  cells,
  removeLabel,
  canRemove = true,
  onChange,
  addLabel,
  newRow,
  note,
  problem,
}: {
  readonly className: string;
  readonly label: string;
  readonly columns: readonly string[];
  readonly rows: readonly R[];
  /** A row's cells (`<td>`s); `set` changes the row. */
  readonly cells: (row: R, index: number, set: (patch: Partial<R>) => void) => ReactNode;
  readonly removeLabel: (row: R, index: number) => string;
  readonly canRemove?: boolean;
  readonly onChange: (rows: R[]) => void;
  readonly addLabel: string;
  /** The row Add appends; undefined disables Add. */
  readonly newRow: R | undefined;
  readonly note?: ReactNode;
  readonly problem: string | undefined;
}) {
  return (
    <>
      <table className={className} aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {cells(row, i, (patch) => onChange(patchRow(rows, i, patch)))}
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={removeLabel(row, i)}
                  disabled={!canRemove}
                  onClick={() => onChange(removeRow(rows, i))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="alert-row-end">
        <button type="button" className="btn btn-small" disabled={newRow === undefined} onClick={() => newRow !== undefined && onChange([...rows, newRow])}>
          {addLabel}
        </button>
        {note}
      </div>
      {problem !== undefined && <span className="field-problem">{problem}</span>}
    </>
  );
}
