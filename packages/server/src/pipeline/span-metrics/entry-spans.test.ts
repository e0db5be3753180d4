import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idBytes, sampleResource, sampleSpan } from '../../../test/support/sample-rows.ts';
import type { ResourceInfo } from '../../signals/resource.ts';
import { SpanKind, type SpanRow } from '../../signals/span.ts';
import { EntrySpanDetector, SPAN_FLAG_HAS_IS_REMOTE, SPAN_FLAG_IS_REMOTE } from './entry-spans.ts';
import { serviceNameOf } from './span-facts.ts';

const otherService: ResourceInfo = { ...sampleResource, attributes: [{ key: 'service.name', value: { kind: 'string', value: 'payments' } }] };

function span(id: string, parent: string, overrides: Partial<SpanRow> = {}): SpanRow {
  return sampleSpan({ spanId: idBytes(id), parentSpanId: parent === '' ? new Uint8Array(0) : idBytes(parent), flags: 1, ...overrides });
}

function entriesOf(spans: SpanRow[]): boolean[] {
  const detector = new EntrySpanDetector(spans, (row) => serviceNameOf(row.resource.attributes));
  return spans.map((row) => detector.isEntry(row, serviceNameOf(row.resource.attributes)));
}

describe('entry spans', () => {
  it('takes root spans, including an all-zero parent', () => {
    assert.deepEqual(entriesOf([span('0000000000000001', ''), span('0000000000000002', '0000000000000000', { kind: SpanKind.INTERNAL })]), [true, true]);
  });

  it('follows the remote flags of the parent', () => {
    const remote = span('0000000000000001', 'aaaaaaaaaaaaaaaa', { kind: SpanKind.INTERNAL, flags: 1 | SPAN_FLAG_HAS_IS_REMOTE | SPAN_FLAG_IS_REMOTE });
    const local = span('0000000000000002', 'bbbbbbbbbbbbbbbb', { kind: SpanKind.SERVER, flags: 1 | SPAN_FLAG_HAS_IS_REMOTE });
    assert.deepEqual(entriesOf([remote, local]), [true, false]);
  });

  it('takes spans whose parent in the request belongs to another service', () => {
    const root = span('0000000000000001', '');
    const client = span('0000000000000002', '0000000000000001', { kind: SpanKind.CLIENT });
    const server = span('0000000000000003', '0000000000000002', { kind: SpanKind.SERVER, resource: otherService });
    const child = span('0000000000000004', '0000000000000003', { kind: SpanKind.SERVER, resource: otherService });
    assert.deepEqual(entriesOf([root, client, server, child]), [true, false, true, false]);
  });

  it('in a one-service request, does not take server spans whose parent is in it', () => {
    const root = span('0000000000000001', '');
    const server = span('0000000000000002', '0000000000000001', { kind: SpanKind.SERVER });
    const localServer = span('0000000000000003', 'dddddddddddddddd', { kind: SpanKind.SERVER, flags: 1 | SPAN_FLAG_HAS_IS_REMOTE });
    assert.deepEqual(entriesOf([root, server, localServer]), [true, false, false]);
  });

  it('without flags or parent in the request, takes server and consumer spans', () => {
    const kinds = [SpanKind.SERVER, SpanKind.CONSUMER, SpanKind.CLIENT, SpanKind.INTERNAL, SpanKind.PRODUCER];
    const spans = kinds.map((kind, index) => span(`000000000000001${index}`, 'cccccccccccccccc', { kind }));
    assert.deepEqual(entriesOf(spans), [true, true, false, false, false]);
  });
});
