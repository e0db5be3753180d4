import type { Attributes } from '../../signals/any-value.ts';
import type { SpanRow } from '../../signals/span.ts';
import type { SpanExceptionRow } from '../../signals/span-exception.ts';
import { messagePatternOf } from './message-pattern.ts';
import { ServiceIdentities } from './service-identity.ts';

/** The span event name the OTel exception conventions use. */
const EXCEPTION_EVENT = 'exception';

interface ExceptionFields {
  type: string;
  message: string;
  stacktrace: string;
  escaped: boolean;
}

function exceptionFieldsOf(attributes: Attributes): ExceptionFields {
  const fields: ExceptionFields = { type: '', message: '', stacktrace: '', escaped: false };
  for (const { key, value } of attributes) {
    if (key === 'exception.escaped') fields.escaped = value.kind === 'bool' ? value.value : value.kind === 'string' && value.value === 'true';
    if (value.kind !== 'string') continue;
    if (key === 'exception.type') fields.type = value.value;
    else if (key === 'exception.message') fields.message = value.value;
    else if (key === 'exception.stacktrace') fields.stacktrace = value.value;
  }
  return fields;
}

/** One row per `exception` event of the spans, with what the exceptions view groups by. */
export function exceptionRowsOf(spans: readonly SpanRow[]): SpanExceptionRow[] {
  const rows: SpanExceptionRow[] = [];
  const identities = new ServiceIdentities();
  for (const span of spans) {
    for (const event of span.events) {
      if (event.name !== EXCEPTION_EVENT) continue;
      const fields = exceptionFieldsOf(event.attributes);
      rows.push({
        timeUnixNano: event.timeUnixNano > 0n ? event.timeUnixNano : span.startTimeUnixNano,
        ...identities.of(span.resource),
        ...fields,
        messagePattern: messagePatternOf(fields.message),
        traceId: span.traceId,
        spanId: span.spanId,
        spanName: span.name,
      });
    }
  }
  return rows;
}
