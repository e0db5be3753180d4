/** Names for filter pickers: services, operations, attribute keys and values seen in a time range. */

import { attributeKeysResponseSchema, attributeValuesResponseSchema, operationsResponseSchema, servicesResponseSchema } from '@sightline/contract';
import type { AttributeKey, AttributeScope, CatalogSignal } from '@sightline/contract';
import { requestJson } from './http-client.ts';

export interface RangeMs {
  readonly startMs: number;
  readonly endMs: number;
}

export async function listServices(signal: CatalogSignal, range: RangeMs, abort?: AbortSignal): Promise<readonly string[]> {
  const result = await requestJson('api/v1/services', servicesResponseSchema, { query: { signal, start: range.startMs, end: range.endMs }, signal: abort });
  return result.services;
}

export async function listOperations(service: string, range: RangeMs, abort?: AbortSignal): Promise<readonly string[]> {
  const result = await requestJson('api/v1/operations', operationsResponseSchema, {
    query: { service, start: range.startMs, end: range.endMs },
    signal: abort,
  });
  return result.operations;
}

export interface AttributeLookup {
  readonly signal: CatalogSignal;
  readonly scope: AttributeScope;
  readonly range: RangeMs;
  readonly prefix?: string;
}

export async function attributeKeys(lookup: AttributeLookup, abort?: AbortSignal): Promise<readonly AttributeKey[]> {
  const { signal, scope, range, prefix } = lookup;
  const query = { signal, scope, start: range.startMs, end: range.endMs, prefix: prefix === '' ? undefined : prefix };
  return (await requestJson('api/v1/attributes/keys', attributeKeysResponseSchema, { query, signal: abort })).keys;
}

export async function attributeValues(lookup: AttributeLookup & { readonly key: string }, abort?: AbortSignal): Promise<readonly string[]> {
  const { signal, scope, range, prefix, key } = lookup;
  const query = { signal, scope, key, start: range.startMs, end: range.endMs, prefix: prefix === '' ? undefined : prefix };
  return (await requestJson('api/v1/attributes/values', attributeValuesResponseSchema, { query, signal: abort })).values;
}
