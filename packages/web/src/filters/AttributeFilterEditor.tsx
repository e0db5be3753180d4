import type { AttributeFilter, AttributeScope, CatalogSignal } from '@sightline/contract';
import { useId, useState, type FormEvent } from 'react';
import { describeAttributeFilter, formatAttributeFilter, parseAttributeFilter } from './attribute-filter-text.ts';
import { useAttributeSuggestions } from './use-attribute-suggestions.ts';

export interface AttributeFilterEditorProps {
  readonly signal: CatalogSignal;
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly attributes: readonly AttributeFilter[];
  readonly resourceAttributes: readonly AttributeFilter[];
  readonly onChange: (attributes: AttributeFilter[], resourceAttributes: AttributeFilter[]) => void;
  /** What the span/log scope is called (`span`, `log`). */
  readonly itemLabel: string;
}

/** Attribute conditions as removable chips, plus an input with autocomplete to add one. */
export function AttributeFilterEditor({ signal, range, attributes, resourceAttributes, onChange, itemLabel }: AttributeFilterEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [scope, setScope] = useState<AttributeScope>('span');
  const [problem, setProblem] = useState<string | undefined>();
  const suggestions = useAttributeSuggestions(draft, signal, scope, range);

  const add = (event: FormEvent): void => {
    event.preventDefault();
    const filter = parseAttributeFilter(draft);
    if (filter === undefined) {
      setProblem('Type key=value, key!=value, key~=text, key (exists) or !key (missing)');
      return;
    }
    setProblem(undefined);
    setDraft('');
    if (scope === 'span') onChange([...attributes, filter], [...resourceAttributes]);
    else onChange([...attributes], [...resourceAttributes, filter]);
  };

  const chips = [
    ...attributes.map((filter, index) => ({ filter, index, scope: 'span' as const })),
    ...resourceAttributes.map((filter, index) => ({ filter, index, scope: 'resource' as const })),
  ];

  return (
    <div className="attr-editor">
      <form className="attr-add" onSubmit={add} aria-label="Add an attribute filter">
        <label className="visually-hidden" htmlFor={`${id}-scope`}>
          Attribute scope
        </label>
        <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value === 'resource' ? 'resource' : 'span')}>
          <option value="span">{itemLabel} attribute</option>
          <option value="resource">resource attribute</option>
        </select>
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          Attribute condition
        </label>
        <input
          id={`${id}-input`}
          className="attr-input"
          list={`${id}-suggestions`}
          value={draft}
          placeholder="key=value · key!=value · key~=text · key"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : `${id}-problem`}
          onChange={(e) => setDraft(e.target.value)}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit" className="btn btn-small">
          Add
        </button>
      </form>
      {problem !== undefined && (
        <div id={`${id}-problem`} className="field-problem">
          {problem}
        </div>
      )}
      {chips.length > 0 && (
        <ul className="chips" aria-label="Attribute filters">
          {chips.map(({ filter, index, scope: chipScope }) => (
            <li key={`${chipScope}-${index}-${formatAttributeFilter(filter)}`} className="chip">
              {chipScope === 'resource' && <span className="chip-scope">resource</span>}
              <span className="chip-text">{describeAttributeFilter(filter)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove filter ${describeAttributeFilter(filter)}`}
                onClick={() =>
                  chipScope === 'span'
                    ? onChange(
                        attributes.filter((_, i) => i !== index),
                        [...resourceAttributes],
                      )
                    : onChange(
                        [...attributes],
                        resourceAttributes.filter((_, i) => i !== index),
                      )
                }
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
