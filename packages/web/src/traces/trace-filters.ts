/** The traces explorer's filters: read from and written to the URL, and turned into a search request. */

import type { AttributeFilter, SpanStatusName, TraceSearchRequest } from '@sightline/contract';
import { parseDurationText } from '../format/duration.ts';
import { spanKindNumber, type SpanKindName, SPAN_KIND_NAMES } from '../format/span-kind.ts';
import { formatAttributeFilter, readAttributeFilters } from '../filters/attribute-filter-text.ts';

export interface TraceFilters {
  readonly service: string;
  readonly operation: string;
  /** As typed: `250ms`, `1.5s`… */
  readonly minDuration: string;
  readonly maxDuration: string;
  readonly status: SpanStatusName | '';
  readonly kind: SpanKindName | '';
  readonly attributes: readonly AttributeFilter[];
  readonly resourceAttributes: readonly AttributeFilter[];
  readonly sort: 'start' | 'duration';
  readonly order: 'asc' | 'desc';
}

export const TRACE_STATUSES: readonly SpanStatusName[] = ['error', 'ok', 'unset'];

/** The URL parameters this page owns (cleared when filters are reset). */
export const TRACE_FILTER_PARAMS = [
  'service',
  'operation',
  'minDuration',
  'maxDuration',
  'status',
  'kind',
  'attr',
  'rattr',
  'sort',
  'order',
  'cursor',
] as const;

type ParamReader = { get(name: string): string | null; getAll(name: string): string[] };

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

export function readTraceFilters(params: ParamReader): TraceFilters {
  return {
    service: params.get('service') ?? '',
    operation: params.get('operation') ?? '',
    minDuration: params.get('minDuration') ?? '',
    maxDuration: params.get('maxDuration') ?? '',
    status: oneOf(params.get('status'), TRACE_STATUSES),
    kind: oneOf(params.get('kind'), SPAN_KIND_NAMES),
    attributes: readAttributeFilters(params.getAll('attr')),
    resourceAttributes: readAttributeFilters(params.getAll('rattr')),
    sort: params.get('sort') === 'duration' ? 'duration' : 'start',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

/** Writes the filters (and drops the page cursor: new filters start on the first page). */
export function writeTraceFilters(params: URLSearchParams, filters: TraceFilters): void {
  for (const name of TRACE_FILTER_PARAMS) params.delete(name);
  const set = (name: string, value: string): void => {
    if (value !== '') params.set(name, value);
  };
  set('service', filters.service);
  set('operation', filters.operation);
  set('minDuration', filters.minDuration.trim());
  set('maxDuration', filters.maxDuration.trim());
  set('status', filters.status);
  set('kind', filters.kind);
  for (const f of filters.attributes) params.append('attr', formatAttributeFilter(f));
  for (const f of filters.resourceAttributes) params.append('rattr', formatAttributeFilter(f));
  if (filters.sort !== 'start') params.set('sort', filters.sort);
  if (filters.order !== 'desc') params.set('order', filters.order);
}

/** Problems with typed values, by field, for showing next to the inputs. */
export function traceFilterProblems(filters: TraceFilters): Partial<Record<'minDuration' | 'maxDuration', string>> {
  const problems: Partial<Record<'minDuration' | 'maxDuration', string>> = {};
  const min = filters.minDuration.trim() === '' ? undefined : parseDurationText(filters.minDuration);
  const max = filters.maxDuration.trim() === '' ? undefined : parseDurationText(filters.maxDuration);
  if (filters.minDuration.trim() !== '' && min === undefined) problems.minDuration = 'Use a duration like 250ms, 1.5s or 300us';
  if (filters.maxDuration.trim() !== '' && max === undefined) problems.maxDuration = 'Use a duration like 250ms, 1.5s or 300us';
  if (min !== undefined && max !== undefined && max < min) problems.maxDuration = 'Must not be below the minimum';
  return problems;
}

export interface PageRequest {
  readonly cursor?: string | undefined;
  readonly limit?: number;
}

export function traceSearchRequest(filters: TraceFilters, range: { startMs: number; endMs: number }, page: PageRequest = {}): TraceSearchRequest {
  const request: TraceSearchRequest = { start: range.startMs, end: range.endMs, sort: filters.sort, order: filters.order };
  if (filters.service !== '') request.service = filters.service;
  if (filters.operation !== '') request.operation = filters.operation;
  const min = parseDurationText(filters.minDuration);
  const max = parseDurationText(filters.maxDuration);
  if (min !== undefined) request.minDurationNs = String(min);
  if (max !== undefined) request.maxDurationNs = String(max);
  if (filters.status !== '') request.status = filters.status;
  const kind = spanKindNumber(filters.kind);
  if (kind !== undefined) request.kind = kind;
  if (filters.attributes.length > 0) request.attributes = [...filters.attributes];
  if (filters.resourceAttributes.length > 0) request.resourceAttributes = [...filters.resourceAttributes];
  if (page.limit !== undefined) request.limit = page.limit;
  if (page.cursor !== undefined && page.cursor !== '') request.cursor = page.cursor;
  return request;
}
