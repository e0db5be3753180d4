import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { Writer } from 'protobufjs/minimal.js';
import { RssSampler, MiB } from '../support/load-rss-sampler.ts';
import { serverForSuite } from '../support/server-process.ts';

/**
 * "Run it for months": with a few million logs stored and a small per-query memory limit, the
 * heaviest reads the API offers over logs — a GROUP BY over a unique-per-record attribute (attribute
 * value suggestions) and a `contains` search over every body — answer with a result or a coded,
 * readable error, never crash the server, and keep its memory inside the budget.
 */

const BUDGET = 768 * MiB;
const QUERY_MEMORY = 24 * MiB;
const TOTAL_RECORDS = Number(process.env.HEAVY_QUERY_RECORDS ?? 2_000_000);
const RECORDS_PER_REQUEST = 5_000;
const IN_FLIGHT = 4;
const SPAN_MS = 30 * 60 * 1000;

// ---- OTLP/protobuf ExportLogsServiceRequest, written field by field (fast enough for millions of records).

function keyValue(writer: Writer, field: number, key: string, value: string): void {
  writer.uint32((field << 3) | 2).fork();
  writer.uint32((1 << 3) | 2).string(key);
  writer.uint32((2 << 3) | 2).fork().uint32((1 << 3) | 2).string(value).ldelim();
  writer.ldelim();
}

function nanos(ms: number): { lo: number; hi: number } {
  const value = BigInt(ms) * 1_000_000n;
  return { lo: Number(value & 0xffffffffn), hi: Number(value >> 32n) };
}

/** Records like bench/workload.ts `buildLogRequests`, plus `app.request_id`, unique per record. */
function logRequest(first: number, count: number, startMs: number): Uint8Array {
  const writer = Writer.create();
  writer.uint32((1 << 3) | 2).fork(); // resource_logs
  writer.uint32((1 << 3) | 2).fork(); // resource
  keyValue(writer, 1, 'service.name', `checkout-${first % 4}`);
  writer.ldelim();
  writer.uint32((2 << 3) | 2).fork(); // scope_logs
  writer.uint32((1 << 3) | 2).fork().uint32((1 << 3) | 2).string('@shop/logger').ldelim();
  for (let n = first; n < first + count; n++) {
    const time = nanos(startMs + Math.floor((n / TOTAL_RECORDS) * SPAN_MS));
    writer.uint32((2 << 3) | 2).fork(); // log_records
    writer.uint32((1 << 3) | 1).fixed32(time.lo).fixed32(time.hi);
    writer.uint32((11 << 3) | 1).fixed32(time.lo).fixed32(time.hi);
    writer.uint32(2 << 3).int32(n % 20 === 0 ? 17 : 9);
    writer.uint32((3 << 3) | 2).string(n % 20 === 0 ? 'ERROR' : 'INFO');
    writer.uint32((5 << 3) | 2).fork().uint32((1 << 3) | 2).string(`order ${n} processed for tenant-${n % 37} in ${(n % 300) + 3} ms (items=${n % 9})`).ldelim();
    keyValue(writer, 6, 'app.tenant_id', `tenant-${n % 37}`);
    keyValue(writer, 6, 'app.request_id', `req-${n.toString(36)}-${(n * 2654435761) % 4294967296}`);
    keyValue(writer, 6, 'code.function.name', 'processOrder');
    writer.ldelim();
  }
  writer.ldelim().ldelim();
  return writer.finish();
}

/** Posts one body until the server takes it, waiting as told while it pushes back (429/503). */
async function postUntilStored(httpPort: number, body: Uint8Array): Promise<void> {
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${httpPort}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body });
    await response.arrayBuffer();
    if (response.status === 200) return;
    assert.ok(response.status === 429 || response.status === 503, `ingest answered ${response.status}`);
    await sleep(Math.min(1000, Number(response.headers.get('retry-after') ?? 1) * 1000));
  }
}

interface Answer {
  readonly name: string;
  readonly status: number;
  readonly code?: string;
  readonly message?: string;
  readonly retryAfter: string | null;
}

async function answerOf(name: string, response: Response): Promise<Answer> {
  const body = (await response.json()) as { error?: { code?: string; message?: string } };
  return { name, status: response.status, code: body.error?.code, message: body.error?.message, retryAfter: response.headers.get('retry-after') };
}

/** A result, or a coded error that tells the user what to do; never a server fault. */
function assertResultOrCodedError(answer: Answer): void {
  if (answer.status === 200) return;
  const expected: Record<number, string> = { 422: 'QUERY_MEMORY_LIMIT|QUERY_TOO_MUCH_DATA', 503: 'QUERY_BUSY', 504: 'QUERY_TIMEOUT' };
  assert.ok(expected[answer.status] !== undefined, `${answer.name}: unexpected ${answer.status} ${JSON.stringify(answer)}`);
  assert.match(answer.code ?? '', new RegExp(`^(${expected[answer.status]})$`), answer.name);
  if (answer.status === 503) {
    assert.ok(Number(answer.retryAfter) >= 1, `${answer.name}: 503 without Retry-After`);
    assert.match(answer.message ?? '', /try again/);
  } else {
    assert.match(answer.message ?? '', /narrow the time range or add a filter/);
  }
}

describe('heavy queries under a small memory budget', { timeout: 600_000 }, () => {
  const server = serverForSuite('heavy-query', [
    '--set', `storage.memoryBudgetBytes=${BUDGET}`,
    '--set', `query.maxMemoryBytes=${QUERY_MEMORY}`,
    '--set', 'query.maxConcurrentQueries=2',
    '--set', 'query.maxQueuedQueries=2',
    '--set', 'hostMetrics.enabled=false',
  ]);
  const startMs = Date.now() - SPAN_MS - 60_000;
  const range = { start: new Date(startMs - 60_000).toISOString(), end: new Date(Date.now() + 60_000).toISOString() };
  const api = (): string => `http://127.0.0.1:${server().ports.api}`;

  const groupBy = async (): Promise<Answer> => {
    const query = new URLSearchParams({ signal: 'logs', scope: 'span', key: 'app.request_id', ...range });
    return answerOf('group-by', await fetch(`${api()}/api/v1/attributes/values?${query.toString()}`));
  };
  const contains = async (): Promise<Answer> =>
    answerOf(
      'contains',
      await fetch(`${api()}/api/v1/logs/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...range, bodyContains: 'tenant-99 never', limit: 100 }),
      }),
    );

  it('answers with results or coded errors, stays up, and stays inside the budget', async () => {
    // The process with its engine loaded and nothing stored: what it costs before any data or query.
    await sleep(2000);
    const idleRss = server().memory().rss;

    const loadStarted = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < TOTAL_RECORDS) {
          const first = next;
          next += RECORDS_PER_REQUEST;
          await postUntilStored(server().ports.http, logRequest(first, Math.min(RECORDS_PER_REQUEST, TOTAL_RECORDS - first), startMs));
        }
      }),
    );
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    const sampler = new RssSampler(server(), 100);
    const answers = await Promise.all([groupBy(), groupBy(), contains(), groupBy(), contains(), contains(), groupBy(), contains()]);
    // One more of each alone, so neither can be turned away as busy: the limit, not the queue, decides.
    const alone = [await groupBy(), await contains()];
    const rss = sampler.stop();

    const health = await fetch(`${api()}/healthz`);
    assert.equal(health.status, 200, 'the server is still up');
    for (const answer of [...answers, ...alone]) assertResultOrCodedError(answer);
    assert.equal(alone[0]?.status, 422, `a GROUP BY over ${TOTAL_RECORDS} unique values needs more than ${QUERY_MEMORY / MiB} MiB: ${JSON.stringify(alone[0])}`);
    assert.equal(alone[0]?.code, 'QUERY_MEMORY_LIMIT');

    // The budget covers the engine (queries, caches, merges) and the ingest buffers; the Node process
    // itself (V8, the engine's code pages, workers) is what it costs idle, measured above. Peak RSS
    // while the queries ran must fit in both together.
    const bound = BUDGET + idleRss;
    console.log(
      `heavy-query: ${TOTAL_RECORDS} logs loaded in ${loadSeconds.toFixed(1)} s; idle RSS ${(idleRss / MiB).toFixed(0)} MiB; ` +
        `peak RSS during queries ${(rss.max / MiB).toFixed(0)} MiB (${rss.count} samples), bound ${(bound / MiB).toFixed(0)} MiB; ` +
        `answers ${[...answers, ...alone].map((answer) => `${answer.name}:${answer.status}${answer.code === undefined ? '' : `/${answer.code}`}`).join(' ')}`,
    );
    assert.ok(rss.max < bound, `peak RSS ${(rss.max / MiB).toFixed(0)} MiB over ${(bound / MiB).toFixed(0)} MiB`);
  });
});
