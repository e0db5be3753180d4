import { EMPTY_VALUE } from '../../../signals/any-value.ts';
import type { AnyValue, Attributes, KeyValue } from '../../../signals/any-value.ts';
import type { ResourceInfo, ScopeInfo } from '../../../signals/resource.ts';
import { asArray, asBase64, asBool, asDouble, asInt64, asObject, asString, asUint32, field, jsonError } from './json-values.ts';
import type { JsonObject } from './json-values.ts';
import { FALSE_VALUE, MAX_ANY_VALUE_DEPTH, NO_ITEMS, TRUE_VALUE } from './row-parts.ts';

/** OTLP/JSON messages of common.proto and resource.proto, and the request envelope. */

/**
 * Parses a request body. An empty (or blank) body is an empty request, as it is in protobuf;
 * invalid JSON or a top level that is not an object throws OTLP_DECODE_FAILED.
 */
export function parseJsonRequest(bytes: Uint8Array, requestName: string): JsonObject {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw jsonError(`${requestName} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw jsonError(`${requestName} must be a JSON object, got ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed}`);
  }
  return parsed as JsonObject;
}

/** Reads an AnyValue; `{}` (no value set) is the empty value. */
export function jsonAnyValue(value: unknown, depth: number): AnyValue {
  const o = asObject(value, 'AnyValue');
  if (o === undefined) return EMPTY_VALUE;
  if (depth > MAX_ANY_VALUE_DEPTH) throw jsonError(`AnyValue nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
  let v = field(o, 'stringValue', 'string_value');
  if (v !== undefined) return { kind: 'string', value: asString(v, 'AnyValue.stringValue') };
  v = field(o, 'intValue', 'int_value');
  if (v !== undefined) {
    // JSON serializers (OpenTelemetry JS among them) write an integer attribute past int64 as a bare
    // number; the protobuf path carries the same value as a double, so keep it as one, not reject it.
    if (typeof v === 'number' && Number.isFinite(v) && (v >= 2 ** 63 || v < -(2 ** 63))) return { kind: 'double', value: v };
    return { kind: 'int', value: asInt64(v, 'AnyValue.intValue') };
  }
  v = field(o, 'boolValue', 'bool_value');
  if (v !== undefined) return asBool(v, 'AnyValue.boolValue') ? TRUE_VALUE : FALSE_VALUE;
  v = field(o, 'doubleValue', 'double_value');
  if (v !== undefined) return { kind: 'double', value: asDouble(v, 'AnyValue.doubleValue') };
  v = field(o, 'arrayValue', 'array_value');
  if (v !== undefined) {
    const values = asArray(asObject(v, 'AnyValue.arrayValue')?.values, 'ArrayValue.values');
    const items: AnyValue[] = [];
    for (const item of values) items.push(jsonAnyValue(item, depth + 1));
    return { kind: 'array', value: items };
  }
  v = field(o, 'kvlistValue', 'kvlist_value');
  if (v !== undefined) {
    const values = asObject(v, 'AnyValue.kvlistValue')?.values;
    return { kind: 'kvlist', value: jsonKeyValues(values, 'KeyValueList.values', depth + 1) };
  }
  v = field(o, 'bytesValue', 'bytes_value');
  if (v !== undefined) return { kind: 'bytes', value: asBase64(v, 'AnyValue.bytesValue') };
  return EMPTY_VALUE;
}

/** Reads a repeated KeyValue (attributes and the like). */
export function jsonKeyValues(value: unknown, where: string, depth = 0): Attributes {
  const items = asArray(value, where);
  if (items.length === 0) return NO_ITEMS;
  const out: KeyValue[] = [];
  for (const item of items) {
    const kv = asObject(item, 'KeyValue');
    if (kv === undefined) throw jsonError(`${where} must not contain null`);
    out.push({ key: asString(kv.key, 'KeyValue.key'), value: jsonAnyValue(kv.value, depth) });
  }
  return out;
}

/** The Resource of a Resource{Spans,Logs,Metrics} object, with that object's schema_url. */
export function jsonResource(container: JsonObject): ResourceInfo {
  const o = asObject(container.resource, 'resource');
  return {
    attributes: o === undefined ? NO_ITEMS : jsonKeyValues(o.attributes, 'resource.attributes'),
    droppedAttributesCount: o === undefined ? 0 : asUint32(field(o, 'droppedAttributesCount', 'dropped_attributes_count'), 'resource.droppedAttributesCount'),
    schemaUrl: asString(field(container, 'schemaUrl', 'schema_url'), 'schemaUrl'),
  };
}

/** The InstrumentationScope of a Scope{Spans,Logs,Metrics} object, with that object's schema_url. */
export function jsonScope(container: JsonObject): ScopeInfo {
  const o = asObject(container.scope, 'scope');
  return {
    name: o === undefined ? '' : asString(o.name, 'scope.name'),
    version: o === undefined ? '' : asString(o.version, 'scope.version'),
    attributes: o === undefined ? NO_ITEMS : jsonKeyValues(o.attributes, 'scope.attributes'),
    droppedAttributesCount: o === undefined ? 0 : asUint32(field(o, 'droppedAttributesCount', 'dropped_attributes_count'), 'scope.droppedAttributesCount'),
    schemaUrl: asString(field(container, 'schemaUrl', 'schema_url'), 'schemaUrl'),
  };
}

/**
 * Walks request → resource → scope containers: calls `visit` with each scope container's items
 * array (e.g. `spans`), its resource and its scope. Plain loops; one call per scope, not per item.
 */
export function forEachScope(
  request: JsonObject,
  names: { readonly resources: readonly [string, string]; readonly scopes: readonly [string, string]; readonly items: readonly [string, string] },
  visit: (items: readonly unknown[], resource: ResourceInfo, scope: ScopeInfo) => void,
): void {
  const [resourcesCamel, resourcesSnake] = names.resources;
  const [scopesCamel, scopesSnake] = names.scopes;
  const [itemsCamel, itemsSnake] = names.items;
  for (const r of asArray(field(request, resourcesCamel, resourcesSnake), resourcesCamel)) {
    const resourceContainer = asObject(r, resourcesCamel);
    if (resourceContainer === undefined) continue;
    const resource = jsonResource(resourceContainer);
    for (const s of asArray(field(resourceContainer, scopesCamel, scopesSnake), scopesCamel)) {
      const scopeContainer = asObject(s, scopesCamel);
      if (scopeContainer === undefined) continue;
      visit(asArray(field(scopeContainer, itemsCamel, itemsSnake), itemsCamel), resource, jsonScope(scopeContainer));
    }
  }
}
