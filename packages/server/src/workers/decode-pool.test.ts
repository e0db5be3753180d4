import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BASE_TIME_NS } from '../../test/support/sample-rows.ts';
import { DecodePool } from './decode-pool.ts';

/** An OTLP/JSON traces request: one HTTP server span without a route, with an exception event. */
function tracesRequest(): Uint8Array {
  const start = BASE_TIME_NS.toString();
  const end = (BASE_TIME_NS + 5_000_000n).toString();
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'shop' } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: [
              {
                traceId: '0102030405060708090a0b0c0d0e0f10',
                spanId: '1112131415161718',
                name: 'GET /users/42',
                kind: 2,
                startTimeUnixNano: start,
                endTimeUnixNano: end,
                attributes: [{ key: 'http.request.method', value: { stringValue: 'GET' } }],
                events: [{ name: 'exception', timeUnixNano: end, attributes: [{ key: 'exception.message', value: { stringValue: 'no user 42' } }] }],
              },
            ],
          },
        ],
      },
    ],
  };
  return new TextEncoder().encode(JSON.stringify(body));
}

describe('decode pool', () => {
  const pools: DecodePool[] = [];
  after(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
  });

  it('returns spans, their exceptions and span metrics from the worker, normalized as configured', async () => {
    const normalizing = new DecodePool(1);
    const verbatim = new DecodePool(1, { normalizeSpanNames: false });
    pools.push(normalizing, verbatim);
    const [normalized, raw] = await Promise.all([normalizing.decode('traces', 'json', tracesRequest()), verbatim.decode('traces', 'json', tracesRequest())]);
    assert.deepEqual(normalized.chunks.map((chunk) => [chunk.table, chunk.rows]), [['spans', 1], ['apm_exceptions', 1]]);
    assert.deepEqual(normalized.spanMetrics?.spans.map((group) => [group.service, group.operation, group.calls, group.latency.size]), [['shop', 'GET /users/{id}', 1, 1]]);
    assert.deepEqual(raw.spanMetrics?.spans.map((group) => group.operation), ['GET /users/42']);
  });

  it('leaves span metrics off other signals', async () => {
    const pool = new DecodePool(1);
    pools.push(pool);
    const batch = await pool.decode('logs', 'json', new TextEncoder().encode('{"resourceLogs":[]}'));
    assert.equal(batch.spanMetrics, undefined);
  });
});
