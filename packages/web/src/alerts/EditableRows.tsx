import type { ReactNode } from 'react';
import { ProblemText } from './FormField.tsx';
import { patchRow, removeRow } from './row-edits.ts';

/** What a form gives a box of rows: the rows, their problem (shown under them), and a change to them. */
export interface RowsFieldProps<R> {
  readonly id: string;
  readonly rows: readonly R[];
  readonly problem: string | undefined;
  readonly onChange: (rows: readonly R[]) => void;
}

/** A text input of a row, named by `label`; `invalid` marks it while the rows have a problem. */
export function RowInput({
  label,
  placeholder,
  value,
  invalid = false,
  onChange,
}: {
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly invalid?: boolean;
  readonly onChange: (value: string) => void;
}) {
  return (
    <input
      aria-label={label}
      placeholder={placeholder}
      value={value}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={invalid ? true : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** Rows of inputs in a box (a webhook's headers, a silence's matchers): each with Remove, then Add; blank rows are the form's to drop. */
export function EditableRows<R>({
  id,
  legend,
  rows,
  problem,
  empty,
  itemName,
  addLabel,
  newRow,
  children,
  onChange,
}: RowsFieldProps<R> & {
  readonly legend: string;
  /** Said while there are no rows. */
  readonly empty?: string;
  /** What a row is, for its Remove button's label (`Remove header 2`). */
  readonly itemName: string;
  readonly addLabel: string;
  readonly newRow: R;
  /** A row's inputs; `set` changes the row. */
  readonly children: (row: R, index: number, set: (patch: Partial<R>) => void) => ReactNode;
}) {
  return (
    <fieldset className="alert-box alert-rows" aria-describedby={problem === undefined ? undefined : `${id}-problem`}>
      <legend>{legend}</legend>
      {empty !== undefined && rows.length === 0 && <span className="muted small">{empty}</span>}
      {rows.map((row, index) => (
        <div className="alert-rows-row" key={index}>
          {children(row, index, (patch) => onChange(patchRow(rows, index, patch)))}
          <button type="button" className="btn btn-small" aria-label={`Remove ${itemName} ${index + 1}`} onClick={() => onChange(removeRow(rows, index))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, newRow])}>
        {addLabel}
      </button>
      <ProblemText id={id} problem={problem} />
    </fieldset>
  );
}
