import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../errors.ts';
import { decodeWriteRequest } from './decode-write-request.ts';
import { encodeWriteRequest, withStaleMarker } from './write-request.fixture.ts';

const isInvalid = (pattern: RegExp) => (error: unknown) => isAppError(error) && error.code === 'REMOTE_WRITE_INVALID' && pattern.test(error.message);

describe('decodeWriteRequest (remote write 1.0 protobuf)', () => {
  it('decodes series with labels, samples, exemplars and the request metadata', () => {
    const bytes = encodeWriteRequest({
      timeseries: [
        {
          labels: { __name__: 'http_requests_total', job: 'api', code: 'é200' },
          samples: [{ value: 1.5, timestamp: 1_700_000_000_123 }, { value: -2, timestamp: -5 }],
          exemplars: [{ labels: { trace_id: 'ab' }, value: 0.25, timestamp: 1_700_000_000_100 }],
        },
      ],
      metadata: [{ type: 1, metric_family_name: 'http_requests', help: 'Requests.', unit: 'requests' }],
    });
    const request = decodeWriteRequest(bytes);
    assert.equal(request.timeseries.length, 1);
    const series = request.timeseries[0]!;
    assert.deepEqual(series.labels, [
      { name: '__name__', value: 'http_requests_total' },
      { name: 'job', value: 'api' },
      { name: 'code', value: 'é200' },
    ]);
    assert.deepEqual(series.samples, [
      { value: 1.5, timestampMs: 1_700_000_000_123n, stale: false },
      { value: -2, timestampMs: -5n, stale: false },
    ]);
    assert.deepEqual(series.exemplars, [{ labels: [{ name: 'trace_id', value: 'ab' }], value: 0.25, timestampMs: 1_700_000_000_100n }]);
    assert.deepEqual(request.metadata, [{ type: 1, familyName: 'http_requests', help: 'Requests.', unit: 'requests' }]);
  });

  it('recognises the staleness marker by its NaN bits, and keeps an ordinary NaN as a value', () => {
    const plain = encodeWriteRequest({
      timeseries: [{ labels: { __name__: 'up' }, samples: [{ value: 12345.678, timestamp: 1 }, { value: Number.NaN, timestamp: 2 }] }],
    });
    const samples = decodeWriteRequest(withStaleMarker(plain, 12345.678)).timeseries[0]!.samples;
    assert.equal(samples[0]!.stale, true);
    assert.ok(Number.isNaN(samples[1]!.value));
    assert.equal(samples[1]!.stale, false);
  });

  it('decodes native histograms (integer and float)', () => {
    const bytes = encodeWriteRequest({
      timeseries: [
        {
          labels: { __name__: 'latency_seconds' },
          histograms: [
            {
              count_int: 7,
              sum: 3.5,
              schema: -2,
              zero_threshold: 1e-9,
              zero_count_int: 1,
              positive_spans: [{ offset: -1, length: 2 }, { offset: 3, length: 1 }],
              positive_deltas: [2, -1, 2],
              negative_spans: [{ offset: 0, length: 1 }],
              negative_deltas: [1],
              reset_hint: 2,
              timestamp: 1_700_000_000_000,
            },
            { count_float: 2.5, zero_count_float: 0.5, positive_spans: [{ offset: 1, length: 1 }], positive_counts: [2], custom_values: [1, 2] },
          ],
        },
      ],
    });
    const [integer, float] = decodeWriteRequest(bytes).timeseries[0]!.histograms;
    assert.deepEqual(integer, {
      count: { kind: 'int', value: 7n },
      sum: 3.5,
      schema: -2,
      zeroThreshold: 1e-9,
      zeroCount: { kind: 'int', value: 1n },
      negative: { spans: [{ offset: 0, length: 1 }], deltas: [1n], counts: [] },
      positive: { spans: [{ offset: -1, length: 2 }, { offset: 3, length: 1 }], deltas: [2n, -1n, 2n], counts: [] },
      resetHint: 2,
      timestampMs: 1_700_000_000_000n,
      customValues: [],
    });
    assert.deepEqual(float!.count, { kind: 'float', value: 2.5 });
    assert.deepEqual(float!.zeroCount, { kind: 'float', value: 0.5 });
    assert.deepEqual(float!.positive.counts, [2]);
    assert.deepEqual(float!.customValues, [1, 2]);
  });

  it('reads repeated bucket fields sent unpacked too', () => {
    const name = [...new TextEncoder().encode('__name__')];
    const label = [0x0a, 0x0d, 0x0a, 0x08, ...name, 0x12, 0x01, 0x68];
    const histogram = [0x22, 0x08, 0x5a, 0x02, 0x10, 0x02, 0x60, 0x06, 0x60, 0x01]; // span length 2; deltas 3, -1
    const bytes = new Uint8Array([0x0a, label.length + histogram.length, ...label, ...histogram]);
    const decoded = decodeWriteRequest(bytes).timeseries[0]!.histograms[0]!;
    assert.deepEqual(decoded.positive, { spans: [{ offset: 0, length: 2 }], deltas: [3n, -1n], counts: [] });
  });

  it('skips unknown fields, including the reserved field 2 some senders fill', () => {
    const known = encodeWriteRequest({ timeseries: [{ labels: { __name__: 'up' }, samples: [{ value: 1, timestamp: 5 }] }] });
    const bytes = new Uint8Array([0x10, 0x01, ...known, 0xa2, 0x06, 0x01, 0x00]); // field 2 varint; field 100 bytes
    assert.equal(decodeWriteRequest(bytes).timeseries[0]!.samples[0]!.value, 1);
  });

  it('refuses garbage, truncated messages, wrong wire types and labels that are not UTF-8', () => {
    assert.throws(() => decodeWriteRequest(new Uint8Array([0x0a, 0x20, 0x01])), isInvalid(/truncated|runs past/));
    assert.throws(() => decodeWriteRequest(new TextEncoder().encode('this is not protobuf at all')), isInvalid(/remote-write protobuf/));
    assert.throws(() => decodeWriteRequest(new Uint8Array([0x08, 0x01])), isInvalid(/WriteRequest field 1 has unexpected wire type/));
    const badUtf8 = new Uint8Array([0x0a, 0x06, 0x0a, 0x04, 0x0a, 0x02, 0xc3, 0x28]);
    assert.throws(() => decodeWriteRequest(badUtf8), isInvalid(/label name is not valid UTF-8/));
  });
});
