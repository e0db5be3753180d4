/** OTLP AnyValues (attribute values, log bodies) as display text. */

import type { AnyValue, Attributes } from '@sightline/contract';

function plain(value: AnyValue): unknown {
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('intValue' in value) return value.intValue;
  if ('doubleValue' in value) return value.doubleValue;
  if ('bytesValue' in value) return `base64:${value.bytesValue}`;
  if ('arrayValue' in value) return value.arrayValue.values.map(plain);
  if ('kvlistValue' in value) return Object.fromEntries(value.kvlistValue.values.map((kv) => [kv.key, plain(kv.value)]));
  return null;
}

/** Strings as they are, numbers and booleans as text, arrays and maps as JSON, empty as ''. */
export function anyValueText(value: AnyValue): string {
  const result = plain(value);
  if (result === null) return '';
  if (typeof result === 'string') return result;
  if (typeof result === 'number' || typeof result === 'boolean') return String(result);
  return JSON.stringify(result);
}

/** The attribute's type, as shown next to its value. */
export function anyValueType(value: AnyValue): string {
  const [key] = Object.keys(value);
  return key === undefined ? 'empty' : key.replace(/Value$/, '');
}

/** Attributes as `[key, text]` pairs sorted by key. */
export function attributeEntries(attributes: Attributes): [string, string][] {
  return Object.entries(attributes)
    .map(([key, value]): [string, string] => [key, anyValueText(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One attribute's text, or undefined when absent. */
export function attributeText(attributes: Attributes, key: string): string | undefined {
  const value = attributes[key];
  return value === undefined ? undefined : anyValueText(value);
}
