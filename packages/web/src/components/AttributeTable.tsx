import type { Attributes } from '@sightline/contract';
import { anyValueText, anyValueType } from '../format/any-value.ts';

export interface AttributeTableProps {
  readonly attributes: Attributes;
  readonly caption?: string;
  /** Called with `key=value` when the user adds an attribute as a filter. */
  readonly onFilter?: (key: string, value: string) => void;
}

/** Attributes as a key/value table, sorted by key, with each value's OTLP type. */
export function AttributeTable({ attributes, caption, onFilter }: AttributeTableProps) {
  const entries = Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return <p className="muted small">{caption === undefined ? 'No attributes.' : `No ${caption.toLowerCase()}.`}</p>;
  return (
    <table className="kv-table">
      {caption !== undefined && <caption>{caption}</caption>}
      <tbody>
        {entries.map(([key, value]) => {
          const text = anyValueText(value);
          return (
            <tr key={key}>
              <th scope="row" title={key}>
                {key}
              </th>
              <td>
                <span className="kv-value">{text === '' ? <span className="muted">(empty)</span> : text}</span>
                <span className="kv-type">{anyValueType(value)}</span>
                {onFilter !== undefined && (
                  <button type="button" className="btn-link kv-filter" onClick={() => onFilter(key, text)} aria-label={`Filter by ${key} = ${text}`}>
                    filter
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
