import type { LabelFilter } from '@sightline/contract';
import { useState, type KeyboardEvent } from 'react';
import { describeLabelFilter, formatLabelFilter, parseLabelFilter } from './label-filter-text.ts';

/** Metric label filters as removable chips, and an input to add one (`label=value`, `!=`, `=~`, `label`). */
export function LabelFilterChips({
  id,
  filters,
  labelKeys,
  onChange,
  invalid,
}: {
  readonly id: string;
  readonly filters: readonly LabelFilter[];
  readonly labelKeys: readonly string[];
  readonly onChange: (filters: LabelFilter[]) => void;
  readonly invalid?: boolean;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const add = (): void => {
    if (draft.trim() === '') return;
    const filter = parseLabelFilter(draft);
    if (filter === undefined) {
      setProblem('Type label=value, label!=value, label=~regex or label (exists)');
      return;
    }
    setProblem(undefined);
    setDraft('');
    onChange([...filters, filter]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  return (
    <div className="alert-chips-editor">
      <div className="attr-add">
        <input
          id={id}
          className="attr-input"
          list={`${id}-keys`}
          value={draft}
          placeholder="label=value · label!=value · label=~regex · label"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem !== undefined || invalid === true ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <datalist id={`${id}-keys`}>
          {labelKeys.map((key) => (
            <option key={key} value={`${key}=`} />
          ))}
        </datalist>
        <button type="button" className="btn btn-small" onClick={add}>
          Add filter
        </button>
      </div>
      {problem !== undefined && <span className="field-problem">{problem}</span>}
      {filters.length > 0 && (
        <ul className="chips" aria-label="Label filters">
          {filters.map((filter, index) => (
            <li key={`${index}-${formatLabelFilter(filter)}`} className="chip">
              <span className="chip-text">{describeLabelFilter(filter)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove filter ${describeLabelFilter(filter)}`}
                onClick={() => onChange(filters.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
