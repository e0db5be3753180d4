/** The logs explorer's filters: read from and written to the URL, and turned into requests. */

import type { AttributeFilter, LogSearchRequest } from '@sightline/contract';
import type { QueryValue } from '../api/http-client.ts';
import { formatAttributeFilter, readAttributeFilters } from '../filters/attribute-filter-text.ts';
import { parseSeverityName, severityMinNumber, type SeverityName } from './severity.ts';

export interface LogFilters {
  readonly service: string;
  readonly severity: SeverityName | '';
  /** Text the body contains. */
  readonly body: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: readonly AttributeFilter[];
  readonly resourceAttributes: readonly AttributeFilter[];
}

export const LOG_FILTER_PARAMS = ['service', 'severity', 'q', 'trace', 'span', 'attr', 'rattr'] as const;

type ParamReader = { get(name: string): string | null; getAll(name: string): string[] };

const TRACE_ID = /^[0-9a-fA-F]{32}$/;
const SPAN_ID = /^[0-9a-fA-F]{16}$/;

export function readLogFilters(params: ParamReader): LogFilters {
  return {
    service: params.get('service') ?? '',
    severity: parseSeverityName(params.get('severity')),
    body: params.get('q') ?? '',
    traceId: (params.get('trace') ?? '').trim(),
    spanId: (params.get('span') ?? '').trim(),
    attributes: readAttributeFilters(params.getAll('attr')),
    resourceAttributes: readAttributeFilters(params.getAll('rattr')),
  };
}

export function writeLogFilters(params: URLSearchParams, filters: LogFilters): void {
  for (const name of LOG_FILTER_PARAMS) params.delete(name);
  const set = (name: string, value: string): void => {
    if (value.trim() !== '') params.set(name, value.trim());
  };
  set('service', filters.service);
  set('severity', filters.severity);
  set('q', filters.body);
  set('trace', filters.traceId);
  set('span', filters.spanId);
  for (const f of filters.attributes) params.append('attr', formatAttributeFilter(f));
  for (const f of filters.resourceAttributes) params.append('rattr', formatAttributeFilter(f));
}

export function logFilterProblems(filters: LogFilters): Partial<Record<'traceId' | 'spanId', string>> {
  const problems: Partial<Record<'traceId' | 'spanId', string>> = {};
  if (filters.traceId !== '' && !TRACE_ID.test(filters.traceId)) problems.traceId = 'A trace id is 32 hex digits';
  if (filters.spanId !== '' && !SPAN_ID.test(filters.spanId)) problems.spanId = 'A span id is 16 hex digits';
  return problems;
}

type LogFilterFields = Omit<LogSearchRequest, 'start' | 'end' | 'order' | 'limit' | 'cursor'>;

/** The filter fields of a log request; malformed ids are left out (the inputs show why). */
export function logFilterFields(filters: LogFilters): LogFilterFields {
  const fields: LogFilterFields = {};
  if (filters.service !== '') fields.service = filters.service;
  if (filters.severity !== '') fields.severityMin = severityMinNumber(filters.severity);
  if (filters.body.trim() !== '') fields.bodyContains = filters.body.trim();
  if (TRACE_ID.test(filters.traceId)) fields.traceId = filters.traceId;
  if (SPAN_ID.test(filters.spanId)) fields.spanId = filters.spanId;
  if (filters.attributes.length > 0) fields.attributes = [...filters.attributes];
  if (filters.resourceAttributes.length > 0) fields.resourceAttributes = [...filters.resourceAttributes];
  return fields;
}

export function logSearchRequest(
  filters: LogFilters,
  range: { startMs: number; endMs: number },
  page: { cursor?: string | undefined; limit?: number } = {},
): LogSearchRequest {
  const request: LogSearchRequest = { start: range.startMs, end: range.endMs, order: 'desc', ...logFilterFields(filters) };
  if (page.limit !== undefined) request.limit = page.limit;
  if (page.cursor !== undefined && page.cursor !== '') request.cursor = page.cursor;
  return request;
}

/** The live tail's query string: the same filters as text, attribute lists as JSON. */
export function logTailQuery(filters: LogFilters): Record<string, QueryValue> {
  const fields = logFilterFields(filters);
  return {
    service: fields.service,
    severityMin: fields.severityMin,
    bodyContains: fields.bodyContains,
    traceId: fields.traceId,
    spanId: fields.spanId,
    attributes: fields.attributes === undefined ? undefined : JSON.stringify(fields.attributes),
    resourceAttributes: fields.resourceAttributes === undefined ? undefined : JSON.stringify(fields.resourceAttributes),
  };
}
