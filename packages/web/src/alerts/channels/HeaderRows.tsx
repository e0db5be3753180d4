import { EditableRows, RowInput, type RowsFieldProps } from '../EditableRows.tsx';
import type { HeaderRow } from './channel-form.ts';

/** The webhook's custom headers as name/value rows; blank rows are left out when saving. */
export function HeaderRows(props: RowsFieldProps<HeaderRow>) {
  return (
    <EditableRows {...props} legend="Custom headers (optional)" itemName="header" addLabel="Add header" newRow={{ name: '', value: '' }}>
      {(row, index, set) => (
        <>
          <RowInput
            label={`Header ${index + 1} name`}
            placeholder="X-Header-Name"
            value={row.name}
            invalid={props.problem !== undefined}
            onChange={(name) => set({ name })}
          />
          <RowInput label={`Header ${index + 1} value`} placeholder="value" value={row.value} onChange={(value) => set({ value })} />
        </>
      )}
    </EditableRows>
  );
}
