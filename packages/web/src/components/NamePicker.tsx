import type { ApiState } from '../hooks/use-api.ts';

export interface NamePickerProps {
  readonly id: string;
  readonly value: string;
  readonly names: ApiState<readonly string[]>;
  readonly anyLabel: string;
  readonly onChange: (value: string) => void;
  readonly disabled?: boolean;
}

/**
 * A select over names the server knows (services, operations). When the list cannot be loaded it
 * becomes a text input, so filtering still works against an older server.
 */
export function NamePicker({ id, value, names, anyLabel, onChange, disabled }: NamePickerProps) {
  if (names.error !== undefined && names.data === undefined) {
    return (
      <input
        id={id}
        value={value}
        placeholder={anyLabel}
        onChange={(e) => onChange(e.target.value)}
        onBlur={(e) => onChange(e.target.value.trim())}
        disabled={disabled}
      />
    );
  }
  const options = names.data ?? [];
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
      <option value="">{anyLabel}</option>
      {value !== '' && !options.includes(value) && <option value={value}>{value}</option>}
      {options.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}
