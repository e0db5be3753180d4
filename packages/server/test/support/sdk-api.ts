/**
 * A typed client of the public HTTP API for the SDK end-to-end tests: every response is checked
 * against its contract schema, so a shape drift fails the test that made the call.
 */
import {
  errorResponseSchema,
  labelKeysResponseSchema,
  labelValuesResponseSchema,
  logSearchResponseSchema,
  metricListResponseSchema,
  metricQueryResponseSchema,
  spanSearchResponseSchema,
  traceResponseSchema,
  type ErrorResponse,
  type LogSearchRequest,
  type LogSearchResponse,
  type MetricInfo,
  type MetricQueryRequest,
  type MetricQueryResponse,
  type SpanSearchRequest,
  type SpanSearchResponse,
  type TraceResponse,
} from '@sightline/contract';
import type { z } from 'zod';

/** A time range in unix milliseconds, as the API takes it. */
export interface MsRange {
  readonly start: number;
  readonly end: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse,
  ) {
    super(`${status} ${body.error.code}: ${body.error.message}`);
  }
}

export class SdkApi {
  private readonly base: string;

  constructor(apiPort: number) {
    this.base = `http://127.0.0.1:${apiPort}/api/v1`;
  }

  private async call<S extends z.ZodType>(schema: S, path: string, init?: RequestInit): Promise<z.output<S>> {
    const response = await fetch(`${this.base}${path}`, init);
    const body: unknown = await response.json();
    if (!response.ok) throw new ApiError(response.status, errorResponseSchema.parse(body));
    return schema.parse(body);
  }

  private post<S extends z.ZodType>(schema: S, path: string, body: unknown): Promise<z.output<S>> {
    return this.call(schema, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  private static query(params: Readonly<Record<string, string | number | undefined>>): string {
    const text: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) if (value !== undefined) text[key] = String(value);
    return new URLSearchParams(text).toString();
  }

  /** A trace by id, optionally narrowed to a time range (unix ms or RFC 3339). */
  getTrace(traceId: string, range?: { readonly start: string | number; readonly end: string | number }): Promise<TraceResponse> {
    const query = range === undefined ? '' : `?${SdkApi.query(range)}`;
    return this.call(traceResponseSchema, `/traces/${traceId}${query}`);
  }

  searchSpans(request: SpanSearchRequest): Promise<SpanSearchResponse> {
    return this.post(spanSearchResponseSchema, '/spans/search', request);
  }

  searchLogs(request: LogSearchRequest): Promise<LogSearchResponse> {
    return this.post(logSearchResponseSchema, '/logs/search', request);
  }

  async listMetrics(range: MsRange): Promise<MetricInfo[]> {
    return (await this.call(metricListResponseSchema, `/metrics?${SdkApi.query({ ...range })}`)).metrics;
  }

  async labelKeys(range: MsRange, metric?: string): Promise<string[]> {
    return (await this.call(labelKeysResponseSchema, `/metrics/labels?${SdkApi.query({ ...range, metric })}`)).keys;
  }

  async labelValues(key: string, range: MsRange, metric?: string): Promise<string[]> {
    const path = `/metrics/labels/${encodeURIComponent(key)}/values?${SdkApi.query({ ...range, metric })}`;
    return (await this.call(labelValuesResponseSchema, path)).values;
  }

  queryMetric(request: MetricQueryRequest): Promise<MetricQueryResponse> {
    return this.post(metricQueryResponseSchema, '/metrics/query', request);
  }
}
