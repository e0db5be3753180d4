import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scrapeCounter } from '../support/api-client.ts';
import { LoadLoop } from '../support/load-loop.ts';
import { newRunTag, spanRequest } from '../support/load-otlp-items.ts';
import { MiB, RssSampler } from '../support/load-rss-sampler.ts';
import { duplicatesOf, storedLogBodies, storedSpanIds } from '../support/load-stored-items.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** Pending budget: a handful of requests' worth of decoded telemetry. */
const MAX_PENDING = MiB / 2;
const CONCURRENCY = 64;
const ITEMS_PER_REQUEST = 200;
const OVERLOAD_MS = 10_000;
const WARMUP_MS = 3_000;

/**
 * What the embedded store may add while it takes in ~10 s of data at full speed (tens of thousands of
 * spans and log records): new parts' primary indexes and marks, caches, merges. Measured on a 2-core
 * machine: +60..75 MiB over 10 s, levelling off near +100 MiB over 40 s. It grows with data stored,
 * not with requests refused.
 */
const STORE_GROWTH = 128 * MiB;

/** Up to five members of `a` missing from `b`. */
const difference = (a: ReadonlySet<string>, b: ReadonlySet<string>): string[] => [...a].filter((id) => !b.has(id)).slice(0, 5);

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('overload', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-overload-'));
  let server: ServerProcess;
  before(async () => {
    server = await startServerProcess(path.join(dir, 'data'), ['--set', `pipeline.maxPendingBytes=${MAX_PENDING}`, '--set', 'pipeline.retryAfterSeconds=1']);
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses excess load with 429 + Retry-After, holds memory, and stores every retried item exactly once', { timeout: 180_000 }, async () => {
    const since = Date.now();
    const metric = async (signal: string, outcome: string): Promise<number> =>
      scrapeCounter(server.ports.api, 'sightline_ingest_requests_total', { signal, protocol: 'http_json', outcome });

    // Baseline: RSS after a short warm-up under the same overload, once the store has taken its
    // largest insert batches and the decode workers and JIT are warm. Memory that is bounded stays near
    // it for the longer run that follows; memory that grows with the time spent overloaded does not.
    const warmup = new LoadLoop({ runTag: newRunTag(), concurrency: CONCURRENCY, spansPerRequest: ITEMS_PER_REQUEST, logsPerRequest: ITEMS_PER_REQUEST, target: () => server.ports.http, retry: true });
    await pause(WARMUP_MS);
    await warmup.stop();
    await pause(500);
    const baseline = server.memory().rss;
    const refusedBefore = (await metric('traces', 'overloaded')) + (await metric('logs', 'overloaded'));

    const bodyBytes = Buffer.byteLength(spanRequest('00000000', 0, ITEMS_PER_REQUEST).body);
    const runTag = newRunTag();
    const sampler = new RssSampler(server, 250);
    const load = new LoadLoop({ runTag, concurrency: CONCURRENCY, spansPerRequest: ITEMS_PER_REQUEST, logsPerRequest: ITEMS_PER_REQUEST, target: () => server.ports.http, retry: true });
    await pause(OVERLOAD_MS);
    // Stop offering new requests; every started one is retried until acknowledged.
    const tally = await load.stop();
    const rss = sampler.stop();

    // The bound: baseline + the store's growth + what back-pressure lets the process hold at once —
    // the pending budget as decoded rows (JS objects and column buffers take up to ~16x the wire
    // bytes) and every sender's request body in flight (socket buffer, body Buffer, JSON text: ~4x).
    // The senders are closed-loop (one request each in flight, ~3.5 MiB in all), so what this catches
    // is memory accumulating over the run — refused or acknowledged requests kept, a per-request leak,
    // batches queued behind the store — rather than the admission check alone.
    const bound = baseline + STORE_GROWTH + MAX_PENDING * 16 + CONCURRENCY * bodyBytes * 4;
    const statuses = Object.fromEntries(tally.statuses);
    console.log(
      `overload: RSS baseline ${(baseline / MiB).toFixed(1)} MiB, max ${(rss.max / MiB).toFixed(1)} MiB over ${rss.count} samples, bound ${(bound / MiB).toFixed(1)} MiB; ` +
        `statuses ${JSON.stringify(statuses)}; acked ${tally.acked.traces.length} spans / ${tally.acked.logs.length} logs`,
    );
    assert.ok(rss.max <= bound, `RSS ${(rss.max / MiB).toFixed(1)} MiB stays under ${(bound / MiB).toFixed(1)} MiB`);

    // Refusals: some 429s carrying the configured hint; no server error other than a retryable 503.
    assert.ok(load.count(429) > 0, `some requests refused: ${JSON.stringify(statuses)}`);
    assert.ok(load.count(200) > 0, 'some requests accepted');
    assert.deepEqual(tally.oddResponses, [], 'only 200, 429 and 503 answers');
    assert.equal(load.count('failed'), 0, 'no connection failures');
    for (const hint of tally.retryAfters) assert.ok(hint === '1' || hint === '2', `Retry-After ${hint} near the configured second`);

    // Every request the senders started ended acknowledged, each item stored exactly once.
    assert.equal(tally.acked.traces.length, tally.sent.traces.size, 'every span acknowledged in the end');
    assert.equal(tally.acked.logs.length, tally.sent.logs.size, 'every log record acknowledged in the end');
    const spans = await storedSpanIds(server.ports.api, runTag, since);
    const logs = await storedLogBodies(server.ports.api, runTag, since);
    assert.deepEqual(duplicatesOf(spans), [], 'no span stored twice');
    assert.deepEqual(duplicatesOf(logs), [], 'no log record stored twice');
    assert.deepEqual(difference(tally.sent.traces, new Set(spans)), [], 'every sent span is stored');
    assert.deepEqual(difference(new Set(spans), tally.sent.traces), [], 'only sent spans are stored');
    assert.deepEqual(difference(tally.sent.logs, new Set(logs)), [], 'every sent log record is stored');
    assert.deepEqual(difference(new Set(logs), tally.sent.logs), [], 'only sent log records are stored');

    // The refusals are counted.
    const refused = (await metric('traces', 'overloaded')) + (await metric('logs', 'overloaded'));
    assert.equal(refused - refusedBefore, load.count(429), 'each 429 counted as overloaded in /metrics');
  });
});
