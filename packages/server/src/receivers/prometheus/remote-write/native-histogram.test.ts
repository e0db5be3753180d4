import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_DENSE_BUCKETS, nativeToExponential } from './native-histogram.ts';
import type { PromNativeHistogram } from './write-request.ts';

function histogram(overrides: Partial<PromNativeHistogram> = {}): PromNativeHistogram {
  return {
    count: { kind: 'int', value: 10n },
    sum: 12.5,
    schema: 0,
    zeroThreshold: 1e-128,
    zeroCount: { kind: 'int', value: 1n },
    negative: { spans: [], deltas: [], counts: [] },
    positive: { spans: [], deltas: [], counts: [] },
    resetHint: 0,
    timestampMs: 1000n,
    customValues: [],
    ...overrides,
  };
}

describe('nativeToExponential', () => {
  it('turns spans and deltas into dense buckets, one index lower (OTel buckets are (base^i, base^(i+1)])', () => {
    // Prometheus positive buckets 0,1 then a gap of 2, then 4: counts 3, 2, 0, 0, 4.
    const result = nativeToExponential(
      histogram({
        schema: 3,
        positive: { spans: [{ offset: 0, length: 2 }, { offset: 2, length: 1 }], deltas: [3n, -1n, 2n], counts: [] },
        negative: { spans: [{ offset: -2, length: 1 }], deltas: [1n], counts: [] },
        resetHint: 2,
      }),
    );
    assert.deepEqual(result, {
      ok: true,
      fields: {
        count: 10n,
        sum: 12.5,
        scale: 3,
        zeroCount: 1n,
        zeroThreshold: 1e-128,
        positive: { offset: -1, bucketCounts: [3n, 2n, 0n, 0n, 4n] },
        negative: { offset: -3, bucketCounts: [1n] },
      },
    });
  });

  it('accepts float histograms whose counts are whole numbers', () => {
    const result = nativeToExponential(
      histogram({
        count: { kind: 'float', value: 5 },
        zeroCount: { kind: 'float', value: 0 },
        positive: { spans: [{ offset: 1, length: 2 }], deltas: [], counts: [2, 3] },
      }),
    );
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.fields.positive, { offset: 0, bucketCounts: [2n, 3n] });
    assert.equal(result.ok && result.fields.count, 5n);
  });

  it('refuses what has no faithful exponential form, saying why', () => {
    const reason = (h: PromNativeHistogram) => {
      const result = nativeToExponential(h);
      return result.ok ? 'converted' : result.reason;
    };
    assert.match(reason(histogram({ resetHint: 3 })), /gauge histograms/);
    assert.match(reason(histogram({ schema: -53, customValues: [1, 2] })), /custom buckets/);
    assert.match(reason(histogram({ schema: 9 })), /schema 9/);
    assert.match(reason(histogram({ count: { kind: 'float', value: 2.5 } })), /not a whole number/);
    assert.match(reason(histogram({ positive: { spans: [{ offset: 0, length: 3 }], deltas: [1n], counts: [] } })), /3 buckets but 1 counts/);
    assert.match(reason(histogram({ positive: { spans: [{ offset: 0, length: 2 }], deltas: [1n, -2n], counts: [] } })), /negative/);
    const wide = { spans: [{ offset: 0, length: 1 }, { offset: MAX_DENSE_BUCKETS, length: 1 }], deltas: [1n, 0n], counts: [] };
    assert.match(reason(histogram({ positive: wide })), /more than 16384 buckets/);
  });
});
