import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Attributes } from '../../signals/any-value.ts';
import { SpanKind } from '../../signals/span.ts';
import { dependencyCallOf, hostOfUrl, statementKeyword } from './dependency-call.ts';
import { readSpanFacts } from './span-facts.ts';

function strings(entries: Record<string, string>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
}

function callOf(name: string, kind: number, attributes: Record<string, string>): ReturnType<typeof dependencyCallOf> {
  return dependencyCallOf(name, kind, readSpanFacts(strings(attributes)));
}

describe('dependency calls', () => {
  it('classifies database calls under current and older keys', () => {
    assert.deepEqual(callOf('SELECT shop.orders', SpanKind.CLIENT, { 'db.system.name': 'postgresql', 'db.namespace': 'shop', 'db.query.text': 'select * from orders' }), {
      type: 'db',
      system: 'postgresql',
      target: 'shop',
      operation: 'SELECT',
    });
    assert.deepEqual(callOf('mysql query', SpanKind.CLIENT, { 'db.system': 'mysql', 'db.name': 'legacy', 'db.statement': 'INSERT INTO t VALUES (1)' }), {
      type: 'db',
      system: 'mysql',
      target: 'legacy',
      operation: 'INSERT',
    });
    assert.deepEqual(callOf('find', SpanKind.CLIENT, { 'db.system': 'mongodb', 'db.operation': 'find' }), { type: 'db', system: 'mongodb', target: '', operation: 'find' });
    assert.deepEqual(callOf('redis-GET', SpanKind.CLIENT, { 'db.system': 'redis', 'db.statement': '{"op": 1}' }), { type: 'db', system: 'redis', target: '', operation: 'redis-GET' });
  });

  it('does not count connection and pool spans without a statement', () => {
    for (const name of ['pg-pool.connect', 'pg.connect', 'mysql.connect', 'acquire pool connection']) {
      assert.equal(callOf(name, SpanKind.CLIENT, { 'db.system': 'postgresql', 'db.operation': 'connect' }), undefined, name);
      assert.equal(callOf(name, SpanKind.CLIENT, { 'db.system': 'postgresql', 'db.operation': 'query' }), undefined, name);
      assert.equal(callOf(name, SpanKind.CLIENT, { 'db.system': 'postgresql', 'server.address': 'db', 'http.method': 'GET' }), undefined, name);
    }
    assert.equal(callOf('pg.query', SpanKind.CLIENT, { 'db.system': 'postgresql' }), undefined);
    assert.equal(callOf('pg-pool.query', SpanKind.CLIENT, { 'db.system': 'postgresql', 'db.statement': 'SELECT 1' })?.operation, 'SELECT');
  });

  it('takes the first keyword of a statement after comments and parentheses', () => {
    assert.equal(statementKeyword('  /* app */ -- note\n (select 1) union (select 2)'), 'SELECT');
    assert.equal(statementKeyword('with x as (select 1) select * from x'), 'WITH');
    assert.equal(statementKeyword('{"find": "users"}'), '');
    assert.equal(statementKeyword('a'.repeat(40)), '');
  });

  it('classifies messaging calls by destination and operation', () => {
    assert.deepEqual(callOf('orders publish', SpanKind.PRODUCER, { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' }), {
      type: 'messaging',
      system: 'kafka',
      target: 'orders',
      operation: 'publish',
    });
    assert.deepEqual(callOf('jobs receive', SpanKind.CONSUMER, { 'messaging.system': 'rabbitmq', 'messaging.destination': 'jobs' }), {
      type: 'messaging',
      system: 'rabbitmq',
      target: 'jobs',
      operation: 'receive',
    });
    assert.equal(callOf('x', SpanKind.CONSUMER, { 'messaging.system': 'kafka', 'messaging.operation.type': 'process' })?.operation, 'process');
    assert.equal(callOf('x', SpanKind.CLIENT, { 'messaging.system': 'sqs', 'messaging.operation': 'receive' })?.operation, 'receive');
    assert.equal(callOf('x', SpanKind.INTERNAL, { 'messaging.system': 'kafka' }), undefined);
    // RabbitMQ's default exchange has no name: the routing key names the queue (old and new keys).
    const viaDefaultExchange = { 'messaging.system': 'rabbitmq', 'messaging.destination': '', 'messaging.rabbitmq.routing_key': 'orders' };
    assert.equal(callOf('publish <default>', SpanKind.PRODUCER, viaDefaultExchange)?.target, 'orders');
    assert.equal(callOf('x', SpanKind.PRODUCER, { 'messaging.system': 'rabbitmq', 'messaging.rabbitmq.destination.routing_key': 'invoices' })?.target, 'invoices');
    assert.equal(callOf('x', SpanKind.PRODUCER, { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'shop', 'messaging.rabbitmq.destination.routing_key': 'k' })?.target, 'shop');
    assert.equal(callOf('x', SpanKind.PRODUCER, { 'messaging.system': 'kafka', 'messaging.rabbitmq.routing_key': 'orders' })?.target, '');
  });

  it('classifies external calls with their target host', () => {
    assert.deepEqual(callOf('GET', SpanKind.CLIENT, { 'http.request.method': 'GET', 'server.address': 'api.example.com', 'url.full': 'https://other/x' }), {
      type: 'external',
      system: 'http',
      target: 'api.example.com',
      operation: 'GET',
    });
    const withPort = dependencyCallOf('GET', SpanKind.CLIENT, readSpanFacts([...strings({ 'http.method': 'GET', 'net.peer.name': 'legacy' }), { key: 'net.peer.port', value: { kind: 'int', value: 8080n } }]));
    assert.equal(withPort?.target, 'legacy:8080');
    assert.equal(callOf('GET', SpanKind.CLIENT, { 'http.method': 'GET', 'http.url': 'https://user:pw@pay.example.com:8443/v1/charge?x=1' })?.target, 'pay.example.com:8443');
    assert.equal(callOf('GET', SpanKind.CLIENT, { 'http.method': 'GET', 'peer.service': 'billing' })?.target, 'billing');
    assert.deepEqual(callOf('shop.Cart/Add', SpanKind.CLIENT, { 'rpc.system': 'grpc', 'rpc.service': 'shop.Cart', 'rpc.method': 'Add', 'server.address': 'cart' }), {
      type: 'external',
      system: 'grpc',
      target: 'cart',
      operation: 'shop.Cart/Add',
    });
    assert.deepEqual(callOf('send', SpanKind.CLIENT, { 'server.address': 'smtp' }), { type: 'external', system: 'other', target: 'smtp', operation: 'send' });
  });

  it('ignores server, internal and bare client spans', () => {
    assert.equal(callOf('GET /x', SpanKind.SERVER, { 'http.request.method': 'GET', 'server.address': 'me' }), undefined);
    assert.equal(callOf('work', SpanKind.INTERNAL, {}), undefined);
    assert.equal(callOf('work', SpanKind.CLIENT, {}), undefined);
  });

  it('reads the host of URLs', () => {
    assert.equal(hostOfUrl('http://[::1]:9000/a'), '[::1]:9000');
    assert.equal(hostOfUrl('/relative'), '');
  });
});
