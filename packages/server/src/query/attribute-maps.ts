import type { AnyValue, Attributes } from '@sightline/contract';
import { identifier, joinSql, sql, type SqlFragment } from '../storage/sql.ts';

/** The owners of attribute maps in the spans and logs tables. */
export type AttributePrefix = 'attributes' | 'resource' | 'scope';

function column(prefix: AttributePrefix, suffix: string): SqlFragment {
  return identifier(`${prefix}_${suffix}`);
}

/**
 * Selects the five typed maps of an owner. Doubles come back as text so NaN and infinities
 * survive JSON (the JSON output would turn them into null).
 */
export function selectAttributeMaps(prefix: AttributePrefix): SqlFragment {
  return joinSql(
    [
      column(prefix, 'string'),
      column(prefix, 'int'),
      column(prefix, 'bool'),
      column(prefix, 'other'),
      sql`mapApply((k, v) -> (k, toString(v)), ${column(prefix, 'float')}) AS ${column(prefix, 'float_text')}`,
    ],
    ', ',
  );
}

function mapOf<V>(row: object, name: string): Readonly<Record<string, V>> {
  const value = (row as Readonly<Record<string, unknown>>)[name];
  return typeof value === 'object' && value !== null ? (value as Record<string, V>) : {};
}

/** A double as the engine prints it (`nan`, `inf`, `-inf`, shortest round-trip digits) in OTLP/JSON. */
export function doubleFromText(text: string): AnyValue {
  if (text === 'nan' || text === '-nan') return { doubleValue: 'NaN' };
  if (text === 'inf' || text === '+inf') return { doubleValue: 'Infinity' };
  if (text === '-inf') return { doubleValue: '-Infinity' };
  return { doubleValue: Number(text) };
}

/** Stored OTLP/JSON text of a complex value (bytes, array, kvlist, empty). */
export function anyValueFromJsonText(text: string): AnyValue {
  try {
    return JSON.parse(text) as AnyValue;
  } catch {
    return { stringValue: text };
  }
}

function sortedByKey(entries: [string, AnyValue][]): Attributes {
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** Merges an owner's typed maps from a row selected with `selectAttributeMaps` into one record. */
export function decodeAttributeMaps(row: object, prefix: AttributePrefix): Attributes {
  const entries: [string, AnyValue][] = [];
  for (const [key, value] of Object.entries(mapOf<string>(row, `${prefix}_string`))) entries.push([key, { stringValue: value }]);
  for (const [key, value] of Object.entries(mapOf<string>(row, `${prefix}_int`))) entries.push([key, { intValue: String(value) }]);
  for (const [key, value] of Object.entries(mapOf<string>(row, `${prefix}_float_text`))) entries.push([key, doubleFromText(value)]);
  for (const [key, value] of Object.entries(mapOf<boolean>(row, `${prefix}_bool`))) entries.push([key, { boolValue: value }]);
  for (const [key, value] of Object.entries(mapOf<string>(row, `${prefix}_other`))) entries.push([key, anyValueFromJsonText(value)]);
  return sortedByKey(entries);
}

/** Stored OTLP/JSON KeyValue-array text (span event and link attributes) as a record. */
export function decodeKeyValueJson(text: string): Attributes {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (!Array.isArray(parsed)) return {};
  const entries: [string, AnyValue][] = [];
  for (const item of parsed as { key?: unknown; value?: unknown }[]) {
    if (typeof item.key === 'string' && typeof item.value === 'object' && item.value !== null) entries.push([item.key, item.value as AnyValue]);
  }
  return sortedByKey(entries);
}
