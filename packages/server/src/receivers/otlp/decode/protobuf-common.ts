import { EMPTY_VALUE } from '../../../signals/any-value.ts';
import type { AnyValue, KeyValue } from '../../../signals/any-value.ts';
import { FALSE_VALUE, MAX_ANY_VALUE_DEPTH, TRUE_VALUE } from './row-parts.ts';
import type { ResourceBuilder, ScopeBuilder } from './row-parts.ts';
import { decodeError } from './wire-reader.ts';
import type { WireReader } from './wire-reader.ts';

/*
 * opentelemetry/proto/common/v1/common.proto and resource/v1/resource.proto.
 * Tags are (field << 3) | wire type, written out so each switch compares one number.
 */

/** Bit mask with the given field numbers set, for WireReader.skipUnknown(). */
export function fieldMask(...fields: number[]): number {
  let mask = 0;
  for (const field of fields) mask |= 1 << field;
  return mask;
}

// AnyValue: string_value=1, bool_value=2, int_value=3, double_value=4, array_value=5, kvlist_value=6, bytes_value=7
const ANY_VALUE_FIELDS = fieldMask(1, 2, 3, 4, 5, 6, 7);
// KeyValue: key=1, value=2 · ArrayValue / KeyValueList: values=1
const KEY_VALUE_FIELDS = fieldMask(1, 2);
const VALUES_FIELDS = fieldMask(1);
// Resource: attributes=1, dropped_attributes_count=2 (entity_refs=3 is not kept)
const RESOURCE_FIELDS = fieldMask(1, 2);
// InstrumentationScope: name=1, version=2, attributes=3, dropped_attributes_count=4
const SCOPE_FIELDS = fieldMask(1, 2, 3, 4);

/** Reads a length-delimited AnyValue; an unset oneof is the empty value. */
export function readAnyValue(r: WireReader, depth: number): AnyValue {
  if (depth > MAX_ANY_VALUE_DEPTH) throw decodeError(`AnyValue nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
  const outer = r.enter();
  let value = EMPTY_VALUE;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x0a:
        value = { kind: 'string', value: r.string() };
        break;
      case 0x10:
        value = r.bool() ? TRUE_VALUE : FALSE_VALUE;
        break;
      case 0x18:
        value = { kind: 'int', value: r.int64() };
        break;
      case 0x21:
        value = { kind: 'double', value: r.double() };
        break;
      case 0x2a:
        value = { kind: 'array', value: readArrayValue(r, depth + 1) };
        break;
      case 0x32:
        value = { kind: 'kvlist', value: readKeyValueList(r, depth + 1) };
        break;
      case 0x3a:
        value = { kind: 'bytes', value: r.bytes() };
        break;
      default:
        r.skipUnknown(tag, ANY_VALUE_FIELDS, 'AnyValue');
    }
  }
  r.leave(outer);
  return value;
}

/** Reads a length-delimited KeyValue. */
export function readKeyValue(r: WireReader, depth: number): KeyValue {
  const outer = r.enter();
  let key = '';
  let value = EMPTY_VALUE;
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x0a) key = r.string();
    else if (tag === 0x12) value = readAnyValue(r, depth);
    else r.skipUnknown(tag, KEY_VALUE_FIELDS, 'KeyValue');
  }
  r.leave(outer);
  return { key, value };
}

function readArrayValue(r: WireReader, depth: number): AnyValue[] {
  const outer = r.enter();
  const values: AnyValue[] = [];
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x0a) values.push(readAnyValue(r, depth));
    else r.skipUnknown(tag, VALUES_FIELDS, 'ArrayValue');
  }
  r.leave(outer);
  return values;
}

function readKeyValueList(r: WireReader, depth: number): KeyValue[] {
  const outer = r.enter();
  const values: KeyValue[] = [];
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x0a) values.push(readKeyValue(r, depth));
    else r.skipUnknown(tag, VALUES_FIELDS, 'KeyValueList');
  }
  r.leave(outer);
  return values;
}

/** Reads a length-delimited Resource into the builder (a repeated message merges, as protobuf does). */
export function readResource(r: WireReader, into: ResourceBuilder): void {
  const outer = r.enter();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x0a) into.attributes.push(readKeyValue(r, 0));
    else if (tag === 0x10) into.droppedAttributesCount = r.uint32();
    else r.skipUnknown(tag, RESOURCE_FIELDS, 'Resource');
  }
  r.leave(outer);
}

/** Reads a length-delimited InstrumentationScope into the builder. */
export function readScope(r: WireReader, into: ScopeBuilder): void {
  const outer = r.enter();
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x0a:
        into.name = r.string();
        break;
      case 0x12:
        into.version = r.string();
        break;
      case 0x1a:
        into.attributes.push(readKeyValue(r, 0));
        break;
      case 0x20:
        into.droppedAttributesCount = r.uint32();
        break;
      default:
        r.skipUnknown(tag, SCOPE_FIELDS, 'InstrumentationScope');
    }
  }
  r.leave(outer);
}
