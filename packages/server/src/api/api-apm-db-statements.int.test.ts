import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ApmDbStatementsResponse } from '@sightline/contract';
import type { Attributes } from '../signals/any-value.ts';
import type { SpanRow } from '../signals/span.ts';
import { call, testApp } from '../../test/support/api-app.ts';
import { insertSpans } from '../../test/support/api-insert.ts';
import { assertClose, nearestRank } from '../../test/support/apm-metric-rows.ts';
import { idBytes, sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

/** Twenty whole minutes ago: recent, minute-aligned. */
const M0 = Math.floor(Date.now() / 60_000) * 60 - 20 * 60;
const RANGE = `start=${(M0 - 300) * 1000}&end=${(M0 + 600) * 1000}`;

interface Execution {
  readonly service?: string;
  readonly attributes: Record<string, string>;
  readonly durationMs: number;
  readonly error?: boolean;
  readonly name?: string;
  /** Seconds after M0. */
  readonly at?: number;
}

let nextId = 0;
function span(execution: Execution): SpanRow & { readonly traceHex: string } {
  nextId++;
  const traceHex = nextId.toString(16).padStart(32, 'a');
  const start = BigInt(M0 + (execution.at ?? 30)) * 1_000_000_000n + BigInt(nextId) * 1000n;
  const attributes: Attributes = Object.entries(execution.attributes).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
  return {
    ...sampleSpan({
      traceId: idBytes(traceHex),
      spanId: idBytes(nextId.toString(16).padStart(16, 'b')),
      parentSpanId: idBytes('0000000000000abc'),
      name: execution.name ?? 'db query',
      kind: 3,
      startTimeUnixNano: start,
      endTimeUnixNano: start + BigInt(Math.round(execution.durationMs * 1e6)),
      attributes,
      statusCode: execution.error === true ? 2 : 0,
      resource: { attributes: [{ key: 'service.name', value: { kind: 'string', value: execution.service ?? 'checkout' } }], droppedAttributesCount: 0, schemaUrl: '' },
    }),
    traceHex,
  };
}

const pg = (statement: string, key = 'db.query.text') => ({ 'db.system.name': 'postgresql', 'db.namespace': 'orders', [key]: statement });
const redis = (statement: string) => ({ 'db.system.name': 'redis', 'db.query.text': statement });

/** Each group: the executions and the normalized statement they share. */
const GROUPS = {
  byId: {
    statement: 'SELECT * FROM orders WHERE id = ?',
    spans: [
      ...[12, 7, 30, 9, 15, 11].map((ms, i) => span({ attributes: pg(`SELECT * FROM orders WHERE id = ${i + 1}`), durationMs: ms, error: i === 2 })),
      // The older keys (db.system, db.name, db.statement) group with the current ones.
      span({ attributes: { 'db.system': 'postgresql', 'db.name': 'orders', 'db.statement': 'SELECT  *  FROM orders WHERE id = 99' }, durationMs: 40 }),
    ],
  },
  insert: {
    statement: 'INSERT INTO orders (id, total) VALUES (?..)',
    spans: [
      span({ attributes: pg("INSERT INTO orders (id, total) VALUES (1, 2.5), (2, 'x')"), durationMs: 200 }),
      span({ attributes: pg('INSERT INTO orders (id, total) VALUES (3, 4.5)'), durationMs: 150, error: true }),
    ],
  },
  inList: {
    statement: 'SELECT * FROM orders_2024 WHERE id IN (?..)',
    spans: [span({ attributes: pg('SELECT * FROM orders_2024 WHERE id IN (1, 2, 3)'), durationMs: 5 }), span({ attributes: pg('SELECT * FROM orders_2024 WHERE id IN (4)'), durationMs: 6 })],
  },
  redis: {
    statement: 'GET user:?',
    spans: [1, 2, 3, 4].map((ms) => span({ attributes: redis(`GET user:${ms * 1000}`), durationMs: ms / 2 })),
  },
};

const IGNORED = [
  // A connection-pool span: a db system but no statement.
  span({ name: 'pg-pool.connect', attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'orders' }, durationMs: 500 }),
  span({ service: 'shipping', attributes: pg('SELECT * FROM orders WHERE id = 5'), durationMs: 900 }),
  span({ attributes: pg('SELECT * FROM orders WHERE id = 5'), durationMs: 900, at: 3600 }),
  span({ attributes: { 'http.request.method': 'GET' }, durationMs: 900 }),
];

type Group = (typeof GROUPS)[keyof typeof GROUPS];

function assertGroup(actual: ApmDbStatementsResponse['statements'][number] | undefined, group: Group, system: string, target: string): void {
  assert.ok(actual !== undefined, `missing ${group.statement}`);
  const durations = group.spans.map((s) => Number(s.endTimeUnixNano - s.startTimeUnixNano) / 1e6);
  const total = durations.reduce((a, b) => a + b, 0);
  assert.equal(actual.statement, group.statement);
  assert.equal(actual.system, system);
  assert.equal(actual.target, target);
  assert.equal(actual.calls, group.spans.length);
  assert.equal(actual.errors, group.spans.filter((s) => s.statusCode === 2).length);
  assertClose(actual.totalMs, total, `${group.statement} total`, 1e-9);
  assertClose(actual.avgMs, total / durations.length, `${group.statement} avg`, 1e-9);
  assertClose(actual.p99Ms, nearestRank(durations, 0.99), `${group.statement} p99`);
  const slowest = group.spans.reduce((a, b) => (b.endTimeUnixNano - b.startTimeUnixNano > a.endTimeUnixNano - a.startTimeUnixNano ? b : a));
  assert.equal(actual.sampleTraceId, slowest.traceHex);
}

describe('APM db statements API: normalized statements from the raw spans', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertSpans(temp.store, [...Object.values(GROUPS).flatMap((g) => g.spans), ...IGNORED]);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const get = async (query: string): Promise<ApmDbStatementsResponse['statements']> => {
    const reply = await call<ApmDbStatementsResponse>(app, 'GET', `/api/v1/apm/services/checkout/db-statements?${RANGE}${query}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.statements;
  };

  it('groups executions differing only in literals, most total time first', async () => {
    const statements = await get('');
    assert.deepEqual(
      statements.map((s) => s.statement),
      [GROUPS.insert.statement, GROUPS.byId.statement, GROUPS.inList.statement, GROUPS.redis.statement],
    );
    assertGroup(statements[0], GROUPS.insert, 'postgresql', 'orders');
    assertGroup(statements[1], GROUPS.byId, 'postgresql', 'orders');
    assertGroup(statements[2], GROUPS.inList, 'postgresql', 'orders');
    assertGroup(statements[3], GROUPS.redis, 'redis', '');
  });

  it('filters by system and by database name, and keeps the top N', async () => {
    assert.deepEqual((await get('&system=redis')).map((s) => s.statement), [GROUPS.redis.statement]);
    assert.deepEqual((await get('&target=orders')).map((s) => s.statement), [GROUPS.insert.statement, GROUPS.byId.statement, GROUPS.inList.statement]);
    assert.deepEqual((await get('&target=')).map((s) => s.statement), [GROUPS.redis.statement]);
    assert.deepEqual((await get('&system=postgresql&limit=2')).map((s) => s.statement), [GROUPS.insert.statement, GROUPS.byId.statement]);
    assert.deepEqual(await get('&system=mysql'), []);
    assert.deepEqual(await get('&environment=prod'), []);
  });

  it('rejects a bad limit or range with 400', async () => {
    for (const bad of ['&limit=0', '&limit=101', '&limit=two', '&system=']) {
      const reply = await call(app, 'GET', `/api/v1/apm/services/checkout/db-statements?${RANGE}${bad}`);
      assert.equal(reply.status, 400, bad);
    }
    const reversed = await call(app, 'GET', `/api/v1/apm/services/checkout/db-statements?start=${(M0 + 600) * 1000}&end=${M0 * 1000}`);
    assert.equal(reversed.status, 400);
  });
});
