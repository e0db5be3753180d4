import { useEffect, useId, useState } from 'react';

interface NameFilterProps {
  /** The filter in the URL: the field follows it when it changes elsewhere (back, a link). */
  readonly value: string;
  readonly placeholder: string;
  /** Called on every keystroke with the new text. */
  readonly onChange: (text: string) => void;
}

/** The "Filter" field of list pages (services, hosts): typed text, kept in step with the URL. */
export function NameFilter({ value, placeholder, onChange }: NameFilterProps) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <div className="inline-field">
      <label htmlFor={`${id}-filter`}>Filter</label>
      <input
        id={`${id}-filter`}
        type="search"
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
    </div>
  );
}

/** "12 services", "3 of 12 hosts · 2 inactive": how much of a filtered list shows. */
export function listCount(shown: number, total: number, noun: string, quiet: number, quietText: string): string {
  const count = shown === total ? `${total}` : `${shown} of ${total}`;
  return `${count} ${noun}${total === 1 ? '' : 's'}${quiet > 0 ? ` · ${quiet} ${quietText}` : ''}`;
}
