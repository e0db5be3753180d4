import type { HeaderRow } from './channel-form.ts';

/** The webhook's custom headers as name/value rows; blank rows are left out when saving. */
export function HeaderRows({
  id,
  rows,
  problem,
  onChange,
}: {
  readonly id: string;
  readonly rows: readonly HeaderRow[];
  readonly problem: string | undefined;
  readonly onChange: (rows: readonly HeaderRow[]) => void;
}) {
  const set = (index: number, patch: Partial<HeaderRow>): void => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="channel-rows" aria-describedby={problem === undefined ? undefined : `${id}-problem`}>
      <legend>Custom headers (optional)</legend>
      {rows.map((row, index) => (
        <div className="channel-row" key={index}>
          <input
            aria-label={`Header ${index + 1} name`}
            placeholder="X-Header-Name"
            value={row.name}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem === undefined ? undefined : true}
            onChange={(event) => set(index, { name: event.target.value })}
          />
          <input
            aria-label={`Header ${index + 1} value`}
            placeholder="value"
            value={row.value}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => set(index, { value: event.target.value })}
          />
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Remove header ${index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { name: '', value: '' }])}>
        Add header
      </button>
      {problem !== undefined && (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      )}
    </fieldset>
  );
}
