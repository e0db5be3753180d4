/**
 * Retention changed at runtime, end to end, on a real server process: logs and spans several days old
 * and fresh ones go in through real OTLP/HTTP (JSON); the retention is shortened through the API; the
 * server re-dates the existing parts in the background (MATERIALIZE TTL, recalculating only) and the
 * engine drops the parts past the new retention — no test-only path, no restart. Old records disappear
 * from the public search API; fresh ones stay.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { logSearchResponseSchema, retentionResponseSchema, spanSearchResponseSchema } from '@sightline/contract';
import { serverForSuite, type ServerProcess } from '../support/server-process.ts';

const DAY_MS = 86_400_000;
/** Ages in days of the records sent; the retention set is 3 days, so 5 and 10 expire. */
const AGES = [0, 5, 10] as const;
/** Upper bound for the background drop (it takes seconds); the test polls, no timing is asserted. */
const EXPIRY_TIMEOUT_MS = 120_000;
const SERVICE = 'retention-e2e';

const nanosAgo = (ms: number): string => String(BigInt(Date.now() - ms) * 1_000_000n);
const resource = { attributes: [{ key: 'service.name', value: { stringValue: SERVICE } }] };

async function postOtlp(server: ServerProcess, path: string, body: unknown): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${server.ports.http}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(response.status, 200, await response.text());
}

async function api(server: ServerProcess, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`http://127.0.0.1:${server.ports.api}/api/v1${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

const range = () => ({ start: Date.now() - 30 * DAY_MS, end: Date.now() + 60_000 });

async function logBodies(server: ServerProcess): Promise<string[]> {
  const reply = await api(server, 'POST', '/logs/search', { ...range(), limit: 100 });
  assert.equal(reply.status, 200, JSON.stringify(reply.json));
  return logSearchResponseSchema.parse(reply.json).logs.map((log) => (log.body !== null && typeof log.body === 'object' && 'stringValue' in log.body ? String(log.body.stringValue) : JSON.stringify(log.body))).sort();
}

async function spanNames(server: ServerProcess): Promise<string[]> {
  const reply = await api(server, 'POST', '/spans/search', { ...range(), service: SERVICE, limit: 100 });
  assert.equal(reply.status, 200, JSON.stringify(reply.json));
  return spanSearchResponseSchema.parse(reply.json).spans.map((span) => span.name).sort();
}

async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + EXPIRY_TIMEOUT_MS;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('retention changed through the API drops old data and keeps fresh data', { timeout: 300_000 }, () => {
  const server = serverForSuite('retention');

  it('stores old and fresh logs and spans through OTLP', async () => {
    for (const age of AGES) {
      // One request per age: each day's records land in their own day partition.
      const timeUnixNano = nanosAgo(age * DAY_MS + 60_000);
      await postOtlp(server(), '/v1/logs', {
        resourceLogs: [{ resource, scopeLogs: [{ scope: { name: 'e2e' }, logRecords: [{ timeUnixNano, severityNumber: 9, body: { stringValue: `log-age-${age}` } }] }] }],
      });
      await postOtlp(server(), '/v1/traces', {
        resourceSpans: [
          {
            resource,
            scopeSpans: [
              {
                scope: { name: 'e2e' },
                spans: [
                  {
                    traceId: randomBytes(16).toString('hex'),
                    spanId: randomBytes(8).toString('hex'),
                    name: `span-age-${age}`,
                    kind: 2,
                    startTimeUnixNano: timeUnixNano,
                    endTimeUnixNano: String(BigInt(timeUnixNano) + 5_000_000n),
                    status: {},
                  },
                ],
              },
            ],
          },
        ],
      });
    }
    assert.deepEqual(await logBodies(server()), ['log-age-0', 'log-age-10', 'log-age-5']);
    assert.deepEqual(await spanNames(server()), ['span-age-0', 'span-age-10', 'span-age-5']);
  });

  it('refuses an out-of-range retention', async () => {
    const reply = await api(server(), 'PUT', '/admin/retention', { logsDays: 0 });
    assert.equal(reply.status, 400);
  });

  it('a shorter retention set through the API expires the old partitions; fresh data stays', async () => {
    const reply = await api(server(), 'PUT', '/admin/retention', { logsDays: 3, tracesDays: 3 });
    assert.equal(reply.status, 200, JSON.stringify(reply.json));
    const state = retentionResponseSchema.parse(reply.json);
    assert.equal(state.lastChange?.state, 'applied');
    assert.deepEqual([state.logs.days, state.logs.source, state.traces.days, state.traces.source], [3, 'runtime', 3, 'runtime']);
    assert.ok(state.lastChange.tablesChanged.includes('logs') && state.lastChange.tablesChanged.includes('spans'));
    // Metrics were not asked for: unchanged.
    assert.deepEqual([state.metrics.days, state.metrics.source], [30, 'config']);

    await eventually('the old logs are gone', async () => (await logBodies(server())).length === 1);
    await eventually('the old spans are gone', async () => (await spanNames(server())).length === 1);
    assert.deepEqual(await logBodies(server()), ['log-age-0']);
    assert.deepEqual(await spanNames(server()), ['span-age-0']);
    await eventually('no table is still re-dating its parts', async () => retentionResponseSchema.parse((await api(server(), 'GET', '/admin/retention')).json).expiryPendingTables.length === 0);
  });
});
