import { useId, useState, type FormEvent } from 'react';
import { MAX_LOG_COLUMNS } from './log-columns.ts';

export interface LogColumnsPickerProps {
  readonly columns: readonly string[];
  readonly onChange: (columns: string[]) => void;
}

/** Adds attribute columns to the log list (log attributes, else resource attributes) and removes them. */
export function LogColumnsPicker({ columns, onChange }: LogColumnsPickerProps) {
  const id = useId();
  const [key, setKey] = useState('');
  const add = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = key.trim();
    if (trimmed === '' || columns.includes(trimmed) || columns.length >= MAX_LOG_COLUMNS) return;
    onChange([...columns, trimmed]);
    setKey('');
  };
  return (
    <form className="log-columns" onSubmit={add} aria-label="Columns">
      <label htmlFor={`${id}-key`} className="small muted">
        Columns
      </label>
      {columns.map((column) => (
        <span key={column} className="chip">
          <span className="mono">{column}</span>
          <button type="button" className="chip-remove" aria-label={`Remove column ${column}`} onClick={() => onChange(columns.filter((c) => c !== column))}>
            ×
          </button>
        </span>
      ))}
      <input
        id={`${id}-key`}
        className="input log-columns-input"
        placeholder="attribute key"
        value={key}
        onChange={(event) => setKey(event.target.value)}
        disabled={columns.length >= MAX_LOG_COLUMNS}
      />
      <button type="submit" className="btn btn-small" disabled={key.trim() === '' || columns.length >= MAX_LOG_COLUMNS}>
        Add column
      </button>
    </form>
  );
}
