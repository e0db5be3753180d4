import { useRef, type KeyboardEvent } from 'react';

export interface TabItem<K extends string> {
  readonly key: K;
  readonly label: string;
}

/** A tab list (arrow keys move between tabs); the caller renders the selected panel with id `${idPrefix}-panel`. */
export function Tabs<K extends string>({
  items,
  selected,
  onSelect,
  idPrefix,
  label,
}: {
  readonly items: readonly TabItem<K>[];
  readonly selected: K;
  readonly onSelect: (key: K) => void;
  readonly idPrefix: string;
  readonly label: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = items.findIndex((i) => i.key === selected);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = items[(index + delta + items.length) % items.length];
    if (next === undefined) return;
    onSelect(next.key);
    refs.current[items.indexOf(next)]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <button
          key={item.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${item.key}`}
          aria-selected={item.key === selected}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={item.key === selected ? 0 : -1}
          className="tab"
          onClick={() => onSelect(item.key)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
