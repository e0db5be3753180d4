import { EditableRows, RowInput, type RowsFieldProps } from '../EditableRows.tsx';
import { MATCHER_OPS, type MatcherOpSymbol, type MatcherRow } from './silence-form.ts';

const OP_TITLES: Readonly<Record<MatcherOpSymbol, string>> = {
  '=': 'equals',
  '!=': 'does not equal',
  '=~': 'matches the regular expression',
  '!~': 'does not match the regular expression',
};

/** Label matchers as rows: label, operator, value. */
export function MatcherRows(props: RowsFieldProps<MatcherRow>) {
  return (
    <EditableRows
      {...props}
      legend="Label matchers"
      empty="None: every alert of the rule is muted."
      itemName="matcher"
      addLabel="Add matcher"
      newRow={{ label: '', op: '=', value: '' }}
    >
      {(row, index, set) => (
        <>
          <RowInput
            label={`Matcher ${index + 1} label`}
            placeholder="service.name"
            value={row.label}
            invalid={props.problem !== undefined}
            onChange={(label) => set({ label })}
          />
          <select aria-label={`Matcher ${index + 1} operator`} value={row.op} onChange={(event) => set({ op: event.target.value as MatcherOpSymbol })}>
            {MATCHER_OPS.map((op) => (
              <option key={op} value={op} title={OP_TITLES[op]}>
                {op}
              </option>
            ))}
          </select>
          <RowInput label={`Matcher ${index + 1} value`} placeholder="checkout" value={row.value} onChange={(value) => set({ value })} />
        </>
      )}
    </EditableRows>
  );
}
