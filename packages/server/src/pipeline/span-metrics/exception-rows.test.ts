import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_TIME_NS, sampleResource, sampleSpan } from '../../../test/support/sample-rows.ts';
import type { SpanEvent } from '../../signals/span.ts';
import { exceptionRowsOf } from './exception-rows.ts';

function event(name: string, attributes: SpanEvent['attributes'], timeUnixNano = BASE_TIME_NS + 5n): SpanEvent {
  return { name, attributes, timeUnixNano, droppedAttributesCount: 0 };
}

describe('exception rows', () => {
  it('makes one row per exception event, with its fields and message pattern', () => {
    const span = sampleSpan({
      name: 'GET /cart',
      resource: { ...sampleResource, attributes: [...sampleResource.attributes, { key: 'deployment.environment', value: { kind: 'string', value: 'prod' } }] },
      events: [
        event('exception', [
          { key: 'exception.type', value: { kind: 'string', value: 'TypeError' } },
          { key: 'exception.message', value: { kind: 'string', value: 'cart 42 is empty' } },
          { key: 'exception.stacktrace', value: { kind: 'string', value: 'TypeError: cart 42 is empty\n    at f (a.js:1:2)' } },
          { key: 'exception.escaped', value: { kind: 'bool', value: true } },
        ]),
        event('retry', []),
        event('exception', [{ key: 'exception.message', value: { kind: 'string', value: 'boom' } }], 0n),
      ],
    });
    const rows = exceptionRowsOf([span, sampleSpan()]);
    assert.deepEqual(rows, [
      {
        timeUnixNano: BASE_TIME_NS + 5n,
        service: 'checkout',
        environment: 'prod',
        type: 'TypeError',
        message: 'cart 42 is empty',
        messagePattern: 'cart {num} is empty',
        stacktrace: 'TypeError: cart 42 is empty\n    at f (a.js:1:2)',
        escaped: true,
        traceId: span.traceId,
        spanId: span.spanId,
        spanName: 'GET /cart',
      },
      {
        timeUnixNano: span.startTimeUnixNano,
        service: 'checkout',
        environment: 'prod',
        type: '',
        message: 'boom',
        messagePattern: 'boom',
        stacktrace: '',
        escaped: false,
        traceId: span.traceId,
        spanId: span.spanId,
        spanName: 'GET /cart',
      },
    ]);
  });
});
