import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Attributes } from '../../signals/any-value.ts';
import { environmentOf, readSpanFacts, serviceNameOf, SpanFacts, UNKNOWN_SERVICE } from './span-facts.ts';

function strings(entries: Record<string, string>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
}

describe('span facts', () => {
  it('reads the current semantic-convention keys', () => {
    const facts = readSpanFacts([
      ...strings({
        'http.request.method': 'POST',
        'http.route': '/orders/:id',
        'url.full': 'https://api.example.com/orders/7',
        'url.path': '/orders/7',
        'db.system.name': 'postgresql',
        'db.namespace': 'shop',
        'db.operation.name': 'SELECT',
        'db.query.text': 'SELECT 1',
        'messaging.system': 'kafka',
        'messaging.destination.name': 'orders',
        'messaging.operation.type': 'send',
        'server.address': 'db.internal',
        'peer.service': 'billing',
        'rpc.system.name': 'grpc',
        'rpc.service': 'shop.Cart',
        'rpc.method': 'Add',
      }),
      { key: 'http.response.status_code', value: { kind: 'int', value: 201n } },
      { key: 'server.port', value: { kind: 'int', value: 5432n } },
    ]);
    assert.deepEqual(facts.toRecord(), {
      messagingDestinationTemplate: '',
      httpMethod: 'POST',
      httpRoute: '/orders/:id',
      httpStatusCode: '201',
      urlFull: 'https://api.example.com/orders/7',
      urlPath: '/orders/7',
      dbSystem: 'postgresql',
      dbNamespace: 'shop',
      dbOperation: 'SELECT',
      dbStatement: 'SELECT 1',
      messagingSystem: 'kafka',
      messagingDestination: 'orders',
      messagingOperation: 'send',
      messagingRabbitmqRoutingKey: '',
      serverAddress: 'db.internal',
      serverPort: '5432',
      peerService: 'billing',
      rpcSystem: 'grpc',
      rpcService: 'shop.Cart',
      rpcMethod: 'Add',
    });
  });

  it('reads the older keys', () => {
    const facts = readSpanFacts([
      ...strings({
        'http.method': 'GET',
        'http.url': 'http://legacy:8080/a',
        'http.target': '/a',
        'db.system': 'mysql',
        'db.name': 'legacy_db',
        'db.operation': 'UPDATE',
        'db.statement': 'UPDATE t SET a = 1',
        'messaging.destination': 'jobs',
        'messaging.operation': 'publish',
        'net.peer.name': 'legacy-host',
        'rpc.system': 'grpc',
      }),
      { key: 'http.status_code', value: { kind: 'int', value: 404n } },
      { key: 'net.peer.port', value: { kind: 'int', value: 3306n } },
    ]);
    assert.equal(facts.get('httpMethod'), 'GET');
    assert.equal(facts.get('httpStatusCode'), '404');
    assert.equal(facts.get('urlFull'), 'http://legacy:8080/a');
    assert.equal(facts.get('urlPath'), '/a');
    assert.equal(facts.get('dbSystem'), 'mysql');
    assert.equal(facts.get('dbNamespace'), 'legacy_db');
    assert.equal(facts.get('dbOperation'), 'UPDATE');
    assert.equal(facts.get('dbStatement'), 'UPDATE t SET a = 1');
    assert.equal(facts.get('messagingDestination'), 'jobs');
    assert.equal(facts.get('messagingOperation'), 'publish');
    assert.equal(facts.get('serverAddress'), 'legacy-host');
    assert.equal(facts.get('serverPort'), '3306');
    assert.equal(facts.get('rpcSystem'), 'grpc');
  });

  it('prefers the current key whichever comes first, and resets a reused object', () => {
    const scratch = new SpanFacts();
    assert.equal(readSpanFacts(strings({ 'db.system': 'old', 'db.system.name': 'new' }), scratch).get('dbSystem'), 'new');
    assert.equal(readSpanFacts(strings({ 'db.system.name': 'new', 'db.system': 'old' }), scratch).get('dbSystem'), 'new');
    assert.equal(readSpanFacts(strings({ 'http.method': 'GET' }), scratch).get('dbSystem'), '');
  });

  it('takes service and environment from the resource, with the SDK default service', () => {
    assert.equal(serviceNameOf(strings({ 'service.name': 'cart' })), 'cart');
    assert.equal(serviceNameOf(strings({ 'host.name': 'vm' })), UNKNOWN_SERVICE);
    assert.equal(environmentOf(strings({ 'deployment.environment': 'old', 'deployment.environment.name': 'prod' })), 'prod');
    assert.equal(environmentOf(strings({ 'deployment.environment': 'staging' })), 'staging');
    assert.equal(environmentOf([]), '');
  });
});
