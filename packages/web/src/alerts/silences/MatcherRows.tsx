import { MATCHER_OPS, type MatcherOpSymbol, type MatcherRow } from './silence-form.ts';

const OP_TITLES: Readonly<Record<MatcherOpSymbol, string>> = {
  '=': 'equals',
  '!=': 'does not equal',
  '=~': 'matches the regular expression',
  '!~': 'does not match the regular expression',
};

/** Label matchers as rows: label, operator, value. */
export function MatcherRows({
  id,
  rows,
  problem,
  onChange,
}: {
  readonly id: string;
  readonly rows: readonly MatcherRow[];
  readonly problem: string | undefined;
  readonly onChange: (rows: readonly MatcherRow[]) => void;
}) {
  const set = (index: number, patch: Partial<MatcherRow>): void => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="silence-box" aria-describedby={problem === undefined ? undefined : `${id}-problem`}>
      <legend>Label matchers</legend>
      {rows.length === 0 && <span className="muted small">None: every alert of the rule is muted.</span>}
      {rows.map((row, index) => (
        <div className="silence-matcher" key={index}>
          <input
            aria-label={`Matcher ${index + 1} label`}
            placeholder="service.name"
            value={row.label}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem === undefined ? undefined : true}
            onChange={(event) => set(index, { label: event.target.value })}
          />
          <select aria-label={`Matcher ${index + 1} operator`} value={row.op} onChange={(event) => set(index, { op: event.target.value as MatcherOpSymbol })}>
            {MATCHER_OPS.map((op) => (
              <option key={op} value={op} title={OP_TITLES[op]}>
                {op}
              </option>
            ))}
          </select>
          <input
            aria-label={`Matcher ${index + 1} value`}
            placeholder="checkout"
            value={row.value}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => set(index, { value: event.target.value })}
          />
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Remove matcher ${index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { label: '', op: '=', value: '' }])}>
        Add matcher
      </button>
      {problem !== undefined && (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      )}
    </fieldset>
  );
}
