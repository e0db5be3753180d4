/** Links between the trace view and the logs explorer. */

import type { LogRecord } from '@sightline/contract';
import { nanosToMs } from '../format/nanos.ts';

const FIVE_MINUTES = 5 * 60_000;

/** The logs explorer filtered to the log's trace, around its time, with the log selected. */
export function logExplorerPath(log: LogRecord): string {
  const at = nanosToMs(log.timestampUnixNano);
  const params = new URLSearchParams();
  if (log.traceId !== '') params.set('trace', log.traceId);
  else if (log.serviceName !== '') params.set('service', log.serviceName);
  params.set('from', String(Math.floor(at - FIVE_MINUTES)));
  params.set('to', String(Math.ceil(at + FIVE_MINUTES)));
  params.set('log', log.id);
  return `/logs?${params.toString()}`;
}

/** The trace view of a log's trace, with its span selected. */
export function traceViewPath(log: Pick<LogRecord, 'traceId' | 'spanId'>): string {
  return `/traces/${log.traceId}${log.spanId === '' ? '' : `?span=${log.spanId}`}`;
}
