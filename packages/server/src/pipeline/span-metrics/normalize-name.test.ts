import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIdLikeSegment, normalizeHttpSpanName, OperationNamer } from './normalize-name.ts';
import { SpanFacts, type SpanFact } from './span-facts.ts';

function facts(values: Partial<Record<SpanFact, string>>): SpanFacts {
  return SpanFacts.of(values);
}

describe('span name normalization', () => {
  it('replaces id-like path segments', () => {
    assert.equal(normalizeHttpSpanName('GET /users/123'), 'GET /users/{id}');
    assert.equal(normalizeHttpSpanName('GET /orders/5f2b3c4d5e6f7a8b9c0d1e2f'), 'GET /orders/{id}');
    assert.equal(normalizeHttpSpanName('DELETE /carts/3fa85f64-5717-4562-b3fc-2c963f66afa6/items/42'), 'DELETE /carts/{id}/items/{id}');
    assert.equal(normalizeHttpSpanName('GET /users/jane.doe@example.com/profile'), 'GET /users/{id}/profile');
    assert.equal(normalizeHttpSpanName('GET /invoices/INV-2024-0001'), 'GET /invoices/{id}');
    assert.equal(normalizeHttpSpanName('GET /s/a8Kx93mQ0zT7'), 'GET /s/{id}');
  });

  it('keeps words, versions and short tokens with digits', () => {
    assert.equal(normalizeHttpSpanName('GET /api/v2/oauth2/callback'), 'GET /api/v2/oauth2/callback');
    assert.equal(normalizeHttpSpanName('GET /hash/sha256'), 'GET /hash/sha256');
    assert.equal(normalizeHttpSpanName('HTTP GET'), 'HTTP GET');
    assert.equal(isIdLikeSegment('facade'), false);
  });

  it('drops the query string and fragment', () => {
    assert.equal(normalizeHttpSpanName('GET /search?q=shoes&page=2'), 'GET /search');
    assert.equal(normalizeHttpSpanName('GET /docs/7#top'), 'GET /docs/{id}');
  });

  it('names HTTP operations by route, normalizes only route-less HTTP spans, and only when asked', () => {
    const namer = new OperationNamer(true);
    assert.equal(namer.operationOf('GET', facts({ httpMethod: 'GET', httpRoute: '/users/:id' })), 'GET /users/:id');
    assert.equal(namer.operationOf('GET /users/:id', facts({ httpMethod: 'GET', httpRoute: '/users/:id' })), 'GET /users/:id');
    assert.equal(namer.operationOf('GET /users/123', facts({ httpMethod: 'GET' })), 'GET /users/{id}');
    assert.equal(namer.operationOf('GET', facts({ httpMethod: 'GET' })), 'GET');
    assert.equal(namer.operationOf('process order 123', facts({})), 'process order 123');
    assert.equal(new OperationNamer(false).operationOf('GET /users/123', facts({ httpMethod: 'GET' })), 'GET /users/123');
  });
});
