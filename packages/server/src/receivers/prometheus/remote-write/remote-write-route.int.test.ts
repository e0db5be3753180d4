import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { pushTimeseries, serialize } from 'prometheus-remote-write';
import { compress } from 'snappy';
import { openRowSinkStore, rowWriterOver, type RowSinkStore } from '../../../../test/support/row-sink-store.ts';
import type { RowSink } from '../../../pipeline/row-sink.ts';
import type { NumberPoint } from '../../../signals/metric-point.ts';
import { sql } from '../../../storage/sql.ts';
import { REMOTE_WRITE_SCOPE } from './map-write-request.ts';
import { registerRemoteWriteRoute } from './remote-write-route.ts';
import { encodeWriteRequest } from './write-request.fixture.ts';

const MAX_BODY = 64 * 1024;
const MAX_INFLATED = 256 * 1024;
/** A recent whole second in ms: rows older than the retention would expire at once. */
const T0 = (Math.floor(Date.now() / 1000) - 120) * 1000;

interface StoredPoint {
  name: string;
  type: string;
  temporality: number;
  is_monotonic: boolean;
  description: string;
  unit: string;
  attributes: Record<string, string>;
  resource: Record<string, string>;
  scope: string;
  value: number;
  ms: string;
}

async function serve(sink: RowSink): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  await registerRemoteWriteRoute(app, { sink, maxBodyBytes: MAX_BODY, maxDecompressedBytes: MAX_INFLATED });
  // Another route of the same server keeps its own (default JSON) body parsing.
  app.post('/echo', (request, reply) => reply.send({ got: request.body }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${address}/api/v1/prom/write` };
}

function post(url: string, body: Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'snappy', ...headers } });
}

describe('Prometheus remote write receiver (POST /api/v1/prom/write), over a real store', () => {
  let temp: RowSinkStore;
  let server: { app: FastifyInstance; url: string };

  async function points(prefix: string): Promise<StoredPoint[]> {
    return temp.store.query<StoredPoint>(sql`
      SELECT s.metric_name AS name, s.type AS type, s.temporality AS temporality, s.is_monotonic AS is_monotonic,
             s.description AS description, s.unit AS unit, s.attributes AS attributes, s.resource_attributes AS resource,
             s.scope_name AS scope, p.value AS value, toString(toUnixTimestamp64Milli(p.timestamp)) AS ms
      FROM metric_points_number AS p
      INNER JOIN (SELECT * FROM metric_series FINAL) AS s ON s.fingerprint = p.fingerprint AND s.metric_name = p.metric_name
      WHERE startsWith(p.metric_name, ${prefix})
      ORDER BY name, toString(s.attributes), ms`);
  }

  before(async () => {
    temp = await openRowSinkStore();
    server = await serve(temp.sink);
  });
  after(async () => {
    await server.app.close();
    await temp.dispose();
  });

  it('stores what the prometheus-remote-write client pushes: names, labels, values, timestamps and types', async () => {
    const result = await pushTimeseries(
      [
        {
          labels: { __name__: 'lib_requests_total', job: 'checkout', instance: '10.1.2.3:9100', method: 'GET' },
          samples: [{ value: 10, timestamp: T0 }, { value: 12.5, timestamp: T0 + 15_000 }],
        },
        { labels: { __name__: 'lib_temperature_celsius', room: 'lab' }, samples: [{ value: -3.25, timestamp: T0 + 1 }] },
      ],
      { url: server.url, fetch: (url, init) => fetch(url, init as RequestInit) },
    );
    assert.equal(result.status, 204, result.errorMessage);
    assert.deepEqual(await points('lib_'), [
      {
        name: 'lib_requests_total',
        type: 'sum',
        temporality: 2,
        is_monotonic: true,
        description: '',
        unit: '',
        attributes: { instance: '10.1.2.3:9100', job: 'checkout', method: 'GET' },
        resource: { 'service.instance.id': '10.1.2.3:9100', 'service.name': 'checkout' },
        scope: REMOTE_WRITE_SCOPE.name,
        value: 10,
        ms: String(T0),
      },
      {
        name: 'lib_requests_total',
        type: 'sum',
        temporality: 2,
        is_monotonic: true,
        description: '',
        unit: '',
        attributes: { instance: '10.1.2.3:9100', job: 'checkout', method: 'GET' },
        resource: { 'service.instance.id': '10.1.2.3:9100', 'service.name': 'checkout' },
        scope: REMOTE_WRITE_SCOPE.name,
        value: 12.5,
        ms: String(T0 + 15_000),
      },
      {
        name: 'lib_temperature_celsius',
        type: 'gauge',
        temporality: 0,
        is_monotonic: false,
        description: '',
        unit: '',
        attributes: { room: 'lab' },
        resource: {},
        scope: REMOTE_WRITE_SCOPE.name,
        value: -3.25,
        ms: String(T0 + 1),
      },
    ]);
  });

  it('types series from the metadata sent along (serialize + snappy from the library side)', async () => {
    const body = await serialize({
      timeseries: [
        { labels: [{ name: '__name__', value: 'meta_jobs' }], samples: [{ value: 7, timestamp: T0 }] },
        { labels: [{ name: '__name__', value: 'meta_queue_total' }], samples: [{ value: 3, timestamp: T0 }] },
        { labels: [{ name: '__name__', value: 'meta_rpc_seconds' }, { name: 'quantile', value: '0.5' }], samples: [{ value: 0.2, timestamp: T0 }] },
        { labels: [{ name: '__name__', value: 'meta_rpc_seconds_count' }], samples: [{ value: 40, timestamp: T0 }] },
      ],
      metadata: [
        { type: 1, metricFamilyName: 'meta_jobs', help: 'Jobs run.', unit: 'jobs' },
        { type: 2, metricFamilyName: 'meta_queue_total', help: 'Queue length.', unit: '' },
        { type: 5, metricFamilyName: 'meta_rpc_seconds', help: 'RPC latency.', unit: 'seconds' },
      ],
    } as unknown as Parameters<typeof serialize>[0]);
    const response = await post(server.url, await compress(new Uint8Array(body)), { 'x-prometheus-remote-write-version': '0.1.0' });
    assert.equal(response.status, 204, await response.text());
    const stored = (await points('meta_')).map((p) => `${p.name} ${p.type} ${p.is_monotonic} ${p.description}|${p.unit} ${p.value}`);
    assert.deepEqual(stored, [
      'meta_jobs sum true Jobs run.|jobs 7',
      'meta_queue_total gauge false Queue length.| 3',
      'meta_rpc_seconds gauge false RPC latency.|seconds 0.2',
      'meta_rpc_seconds_count sum true RPC latency.|seconds 40',
    ]);
  });

  it('stores native histograms as exponential histograms', async () => {
    const body = encodeWriteRequest({
      timeseries: [
        {
          labels: { __name__: 'nh_latency_seconds', job: 'api' },
          histograms: [
            { count_int: 6, sum: 4.5, schema: 0, zero_threshold: 0.001, zero_count_int: 1, positive_spans: [{ offset: 1, length: 2 }], positive_deltas: [2, 1], timestamp: T0 },
          ],
        },
      ],
    });
    const response = await post(server.url, await compress(body));
    assert.equal(response.status, 204, await response.text());
    const rows = await temp.store.query<Record<string, unknown>>(sql`
      SELECT count, sum, scale, zero_count, zero_threshold, positive_offset, positive_bucket_counts, toString(toUnixTimestamp64Milli(timestamp)) AS ms
      FROM metric_points_exp_histogram WHERE metric_name = 'nh_latency_seconds'`);
    assert.deepEqual(rows, [
      { count: '6', sum: 4.5, scale: 0, zero_count: '1', zero_threshold: 0.001, positive_offset: 0, positive_bucket_counts: ['2', '3'], ms: String(T0) },
    ]);
  });

  it('refuses bad bodies with the right status, stores nothing of them, and keeps serving', async () => {
    const good = (name: string) => encodeWriteRequest({ timeseries: [{ labels: { __name__: name }, samples: [{ value: 1, timestamp: T0 }] }] });
    const valid = await compress(good('bad_never_stored'));
    const cases: [string, Promise<Response>, number, RegExp][] = [
      ['garbage', post(server.url, new TextEncoder().encode('definitely not snappy')), 400, /snappy/],
      ['truncated snappy', post(server.url, valid.subarray(0, valid.length - 4)), 400, /snappy/],
      ['snappy of garbage protobuf', post(server.url, await compress(new Uint8Array([0x0a, 0x7f, 0x01, 0x02]))), 400, /protobuf/],
      ['wrong content type', post(server.url, valid, { 'content-type': 'application/json' }), 415, /Content-Type/],
      ['remote write 2.0', post(server.url, valid, { 'content-type': 'application/x-protobuf;proto=io.prometheus.write.v2.Request' }), 415, /2\.0/],
      ['remote write 2.0 header', post(server.url, valid, { 'x-prometheus-remote-write-version': '2.0.0' }), 415, /2\.0/],
      ['other encoding', post(server.url, valid, { 'content-encoding': 'gzip' }), 415, /Content-Encoding/],
      ['body over the limit', post(server.url, new Uint8Array(MAX_BODY + 1)), 413, /limit/],
      ['inflates over the limit', post(server.url, await compress(new Uint8Array(MAX_INFLATED + 1))), 413, /limit/],
    ];
    for (const [label, pending, status, message] of cases) {
      const response = await pending;
      assert.equal(response.status, status, label);
      assert.match(await response.text(), message, label);
    }
    assert.deepEqual(await points('bad_'), []);

    // Series with invalid labels are refused (400, not retried); the valid ones of the request are stored.
    const mixed = encodeWriteRequest({
      timeseries: [
        { labels: { job: 'no-name' }, samples: [{ value: 1, timestamp: T0 }] },
        { labels: { __name__: 'bad_labels_kept' }, samples: [{ value: 2, timestamp: T0 }] },
      ],
    });
    const partial = await post(server.url, await compress(mixed));
    assert.equal(partial.status, 400);
    assert.match(await partial.text(), /1 samples refused for invalid labels \(1 stored\): a series has no metric name/);
    assert.deepEqual((await points('bad_')).map((p) => p.name), ['bad_labels_kept']);

    const after = await post(server.url, await compress(good('bad_then_good')));
    assert.equal(after.status, 204);
    assert.deepEqual((await points('bad_')).map((p) => p.name), ['bad_labels_kept', 'bad_then_good']);

    // The plugin's parser is its own: other routes still parse JSON.
    const echo = await fetch(server.url.replace('/api/v1/prom/write', '/echo'), {
      method: 'POST',
      body: JSON.stringify({ a: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    assert.deepEqual(await echo.json(), { got: { a: 1 } });
  });

  it('answers 429 with Retry-After when the pipeline is over its budget, storing nothing of the request', async () => {
    // Batches wait (no size or age flush) so the first write stays pending until close().
    const small = rowWriterOver(temp.store, { maxPendingBytes: 1, batchMinRows: 1_000_000, batchMaxRows: 1_000_000, batchMaxAgeMs: 600_000, aggregateBatchMaxAgeMs: 600_000 });
    const busy = await serve(small.sink);
    try {
      const holder: NumberPoint = {
        kind: 'number',
        metric: { name: 'busy_holder', description: '', unit: '', type: 'gauge', temporality: 0, isMonotonic: false, metadata: [] },
        resource: { attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
        scope: REMOTE_WRITE_SCOPE,
        attributes: [],
        startTimeUnixNano: 0n,
        timeUnixNano: BigInt(T0) * 1_000_000n,
        flags: 0,
        value: { kind: 'double', value: 1 },
        exemplars: [],
      };
      const pending = small.sink.write('metrics', 'prometheus_remote_write', [holder]);
      const body = encodeWriteRequest({ timeseries: [{ labels: { __name__: 'busy_refused' }, samples: [{ value: 1, timestamp: T0 }] }] });
      const response = await post(busy.url, await compress(body));
      assert.equal(response.status, 429);
      // The pipeline's hint: the configured second plus up to as much again at random (spreads retries).
      assert.ok(['1', '2'].includes(response.headers.get('retry-after') ?? ''), String(response.headers.get('retry-after')));
      await small.close();
      await pending;
      assert.deepEqual((await points('busy_')).map((p) => p.name), ['busy_holder']);
    } finally {
      await busy.app.close();
      await small.close();
    }
  });
});
