import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeAttributeFilter, formatAttributeFilter, parseAttributeFilter, readAttributeFilters, splitAttributeDraft } from './attribute-filter-text.ts';

describe('attribute filter text', () => {
  it('parses every operator', () => {
    assert.deepEqual(parseAttributeFilter('http.route=/api/cart'), { key: 'http.route', op: 'equals', value: '/api/cart' });
    assert.deepEqual(parseAttributeFilter('http.status_code!=200'), { key: 'http.status_code', op: 'not_equals', value: '200' });
    assert.deepEqual(parseAttributeFilter('db.statement~=select'), { key: 'db.statement', op: 'contains', value: 'select' });
    assert.deepEqual(parseAttributeFilter(' user.id '), { key: 'user.id', op: 'exists' });
    assert.deepEqual(parseAttributeFilter('!user.id'), { key: 'user.id', op: 'not_exists' });
  });

  it('keeps "=" inside the value and allows an empty value', () => {
    assert.deepEqual(parseAttributeFilter('q=a=b'), { key: 'q', op: 'equals', value: 'a=b' });
    assert.deepEqual(parseAttributeFilter('k='), { key: 'k', op: 'equals', value: '' });
  });

  it('rejects text without a key', () => {
    for (const text of ['', '  ', '=x', '!', '!=x']) assert.equal(parseAttributeFilter(text), undefined, text);
  });

  it('round-trips through text', () => {
    for (const text of ['a=1', 'a!=1', 'a~=x y', 'a', '!a']) {
      const filter = parseAttributeFilter(text);
      assert.ok(filter);
      assert.equal(formatAttributeFilter(filter), text);
    }
  });

  it('describes filters for chips and reads lists', () => {
    assert.equal(describeAttributeFilter({ key: 'a', op: 'contains', value: 'x' }), 'a contains x');
    assert.equal(describeAttributeFilter({ key: 'a', op: 'not_exists' }), 'a does not exist');
    assert.equal(readAttributeFilters(['a=1', '', 'b']).length, 2);
  });

  it('splits a draft for autocompletion', () => {
    assert.deepEqual(splitAttributeDraft('http.ro'), { stage: 'key', key: 'http.ro', negated: false });
    assert.deepEqual(splitAttributeDraft('!us'), { stage: 'key', key: 'us', negated: true });
    assert.deepEqual(splitAttributeDraft('http.method!=PO'), { stage: 'value', key: 'http.method', operator: '!=', value: 'PO' });
    assert.deepEqual(splitAttributeDraft('a~='), { stage: 'value', key: 'a', operator: '~=', value: '' });
  });
});
