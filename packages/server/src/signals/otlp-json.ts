import type { AnyValue, Attributes } from './any-value.ts';

/** The OTLP/JSON form of an AnyValue: how complex values are stored and how the API returns all values. */
export type OtlpJsonAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number | 'NaN' | 'Infinity' | '-Infinity' }
  | { bytesValue: string }
  | { arrayValue: { values: OtlpJsonAnyValue[] } }
  | { kvlistValue: { values: OtlpJsonKeyValue[] } }
  | Record<string, never>;

export interface OtlpJsonKeyValue {
  key: string;
  value: OtlpJsonAnyValue;
}

function jsonDouble(value: number): number | 'NaN' | 'Infinity' | '-Infinity' {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

export function anyValueToOtlpJson(value: AnyValue): OtlpJsonAnyValue {
  switch (value.kind) {
    case 'string':
      return { stringValue: value.value };
    case 'bool':
      return { boolValue: value.value };
    case 'int':
      return { intValue: value.value.toString() };
    case 'double':
      return { doubleValue: jsonDouble(value.value) };
    case 'bytes':
      return { bytesValue: Buffer.from(value.value.buffer, value.value.byteOffset, value.value.byteLength).toString('base64') };
    case 'array':
      return { arrayValue: { values: value.value.map(anyValueToOtlpJson) } };
    case 'kvlist':
      return { kvlistValue: { values: attributesToOtlpJson(value.value) } };
    case 'empty':
      return {};
  }
}

export function attributesToOtlpJson(attributes: Attributes): OtlpJsonKeyValue[] {
  return attributes.map((attribute) => ({ key: attribute.key, value: anyValueToOtlpJson(attribute.value) }));
}
