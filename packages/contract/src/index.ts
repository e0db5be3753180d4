export { anyValueSchema, attributesSchema, keyValueSchema } from './any-value.ts';
export type { AnyValue, Attributes, KeyValue } from './any-value.ts';
export { errorResponseSchema } from './errors.ts';
export type { ErrorResponse } from './errors.ts';
export { attributeFilterOps, attributeFilterSchema, attributeFiltersSchema, cursorSchema, limitSchema, MAX_FILTERS } from './filters.ts';
export type { AttributeFilter, AttributeFilterOp } from './filters.ts';
export { logRecordSchema, logSearchRequestSchema, logSearchResponseSchema } from './logs.ts';
export type { LogRecord, LogSearchParams, LogSearchRequest, LogSearchResponse } from './logs.ts';
export {
  labelFilterSchema,
  labelKeysQuerySchema,
  labelKeysResponseSchema,
  labelValuesParamsSchema,
  labelValuesQuerySchema,
  labelValuesResponseSchema,
  metricInfoSchema,
  metricListQuerySchema,
  metricListResponseSchema,
  metricPointSchema,
  metricQueryRequestSchema,
  metricQueryResponseSchema,
  metricSeriesSchema,
  metricTypeSchema,
} from './metrics.ts';
export type {
  LabelFilter,
  LabelKeysResponse,
  LabelValuesResponse,
  MetricInfo,
  MetricListResponse,
  MetricPoint,
  MetricQueryParams,
  MetricQueryRequest,
  MetricQueryResponse,
  MetricSeries,
  MetricType,
} from './metrics.ts';
export { fromQueryText } from './query-string.ts';
export type { QueryTextFields } from './query-string.ts';
export { resourceSchema, scopeSchema } from './resource.ts';
export type { Resource, Scope } from './resource.ts';
export { spanSearchQuerySchema, spanSearchRequestSchema, spanSearchResponseSchema, spanSummarySchema } from './span-search.ts';
export type { SpanSearchParams, SpanSearchRequest, SpanSearchResponse, SpanSummary } from './span-search.ts';
export {
  nanosSchema,
  parseTimeToNanos,
  requireOrderedRange,
  spanIdInputSchema,
  spanIdSchema,
  timeSchema,
  traceIdInputSchema,
  traceIdSchema,
} from './time.ts';
export {
  spanEventSchema,
  spanKindSchema,
  spanLinkSchema,
  spanSchema,
  statusCodeSchema,
  traceParamsSchema,
  traceQuerySchema,
  traceResponseSchema,
} from './traces.ts';
export type { Span, SpanEvent, SpanLink, TraceQuery, TraceResponse } from './traces.ts';
