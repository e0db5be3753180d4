import type { AnyValue, Attributes, KeyValue } from '../../signals/any-value.ts';
import { anyValueToOtlpJson } from '../../signals/otlp-json.ts';
import type { RowBinaryWriter } from '../rowbinary/writer.ts';
import type { ColumnDef } from './table-def.ts';

/**
 * Attributes are stored in five typed maps per owner (resource, scope, item) so a value keeps its
 * OTLP type and stays directly queryable: `<prefix>_string`, `_int`, `_float`, `_bool`, and `_other`
 * for bytes, arrays, key-value lists and empty values (as their OTLP/JSON text).
 */
export const ATTRIBUTE_MAP_SUFFIXES = ['string', 'int', 'float', 'bool', 'other'] as const;
export type AttributeMapSuffix = (typeof ATTRIBUTE_MAP_SUFFIXES)[number];

const MAP_TYPES: Record<AttributeMapSuffix, string> = {
  string: 'Map(LowCardinality(String), String)',
  int: 'Map(LowCardinality(String), Int64)',
  float: 'Map(LowCardinality(String), Float64)',
  bool: 'Map(LowCardinality(String), Bool)',
  other: 'Map(LowCardinality(String), String)',
};

const KIND_TO_SUFFIX: Record<string, AttributeMapSuffix> = {
  string: 'string',
  int: 'int',
  double: 'float',
  bool: 'bool',
};

function suffixOf(kind: string): AttributeMapSuffix {
  return KIND_TO_SUFFIX[kind] ?? 'other';
}

function writeValue(writer: RowBinaryWriter, value: AnyValue): void {
  switch (value.kind) {
    case 'string':
      writer.string(value.value);
      break;
    case 'int':
      writer.int64(value.value);
      break;
    case 'double':
      writer.float64(value.value);
      break;
    case 'bool':
      writer.bool(value.value);
      break;
    default:
      writer.string(JSON.stringify(anyValueToOtlpJson(value)));
  }
}

const SUFFIX_INDEX: Record<AttributeMapSuffix, number> = { string: 0, int: 1, float: 2, bool: 3, other: 4 };

/** Writes the five maps in column order, sorting the attributes by map in one pass. */
function writeMaps(writer: RowBinaryWriter, attributes: Attributes): void {
  if (attributes.length === 0) {
    for (let map = 0; map < 5; map++) writer.varUInt(0);
    return;
  }
  const buckets: KeyValue[][] = [[], [], [], [], []];
  for (const attribute of attributes) (buckets[SUFFIX_INDEX[suffixOf(attribute.value.kind)]] as KeyValue[]).push(attribute);
  for (const bucket of buckets) {
    writer.varUInt(bucket.length);
    for (const { key, value } of bucket) {
      writer.string(key);
      writeValue(writer, value);
    }
  }
}

export function attributeColumns<Row>(prefix: string, get: (row: Row) => Attributes): ColumnDef<Row>[] {
  const first = `${prefix}_${ATTRIBUTE_MAP_SUFFIXES[0]}`;
  return ATTRIBUTE_MAP_SUFFIXES.map((suffix, index) => ({
    name: `${prefix}_${suffix}`,
    type: MAP_TYPES[suffix],
    codec: 'ZSTD(1)',
    ...(index === 0 ? { write: (writer: RowBinaryWriter, row: Row) => writeMaps(writer, get(row)) } : { writtenBy: first }),
  }));
}

export function attributeColumnNames(prefix: string): Record<AttributeMapSuffix, string> {
  return {
    string: `${prefix}_string`,
    int: `${prefix}_int`,
    float: `${prefix}_float`,
    bool: `${prefix}_bool`,
    other: `${prefix}_other`,
  };
}
