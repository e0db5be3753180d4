/** Links between the APM pages and into the traces explorer and trace view, keeping the time range. Pure. */

import { pathWithGlobals } from '../router/routes.ts';
import { readTraceFilters, writeTraceFilters, type TraceFilters } from '../traces/trace-filters.ts';

/** The APM pages' environment filter: follows the user between APM pages (not to traces or logs). */
export const ENVIRONMENT_PARAM = 'env';

type Params = { get(name: string): string | null };

/** The selected deployment environment ('' for all). */
export function readEnvironment(params: Params): string {
  return params.get(ENVIRONMENT_PARAM) ?? '';
}

/** An APM page's path with the global parameters and the environment of `current`. */
export function apmPath(path: string, current: URLSearchParams, extra: Readonly<Record<string, string>> = {}): string {
  const environment = readEnvironment(current);
  return pathWithGlobals(path, current, environment === '' ? extra : { [ENVIRONMENT_PARAM]: environment, ...extra });
}

export function serviceHref(service: string, current: URLSearchParams, extra: Readonly<Record<string, string>> = {}): string {
  return apmPath(`/services/${encodeURIComponent(service)}`, current, extra);
}

/** The traces explorer filtered as given (the same URL form the explorer itself writes). */
export function tracesHref(current: URLSearchParams, filters: Partial<Pick<TraceFilters, 'service' | 'operation' | 'status' | 'kind'>>): string {
  const params = new URLSearchParams(pathWithGlobals('', current).replace(/^\?/, ''));
  writeTraceFilters(params, { ...readTraceFilters(new URLSearchParams()), ...filters });
  const query = params.toString();
  return query === '' ? '/traces' : `/traces?${query}`;
}

/** One trace in the trace view, optionally with a span selected. */
export function traceHref(traceId: string, current: URLSearchParams, spanId?: string): string {
  return pathWithGlobals(`/traces/${encodeURIComponent(traceId)}`, current, spanId === undefined || spanId === '' ? {} : { span: spanId });
}
