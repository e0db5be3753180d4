import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeLabelFilter, formatLabelFilter, parseLabelFilter, parseNameList } from './label-filter-text.ts';

describe('label filter text', () => {
  it('parses each operator', () => {
    assert.deepEqual(parseLabelFilter('host=web-1'), { label: 'host', op: 'equals', value: 'web-1' });
    assert.deepEqual(parseLabelFilter(' host != web-1 '), { label: 'host', op: 'not_equals', value: 'web-1' });
    assert.deepEqual(parseLabelFilter('host=~web-.*'), { label: 'host', op: 'regex', value: 'web-.*' });
    assert.deepEqual(parseLabelFilter('service.name'), { label: 'service.name', op: 'exists' });
    assert.deepEqual(parseLabelFilter('path=a=b'), { label: 'path', op: 'equals', value: 'a=b' });
    assert.deepEqual(parseLabelFilter('env='), { label: 'env', op: 'equals', value: '' });
  });

  it('refuses text without a label', () => {
    for (const text of ['', '=x', '!=x', '1abc=x', 'a b=x', 'a b']) assert.equal(parseLabelFilter(text), undefined, text);
  });

  it('formats back to the same filter and describes it', () => {
    for (const text of ['host=web-1', 'host!=web-1', 'host=~web-.*', 'host']) {
      const filter = parseLabelFilter(text);
      assert.ok(filter !== undefined);
      assert.equal(formatLabelFilter(filter), text);
    }
    assert.equal(describeLabelFilter({ label: 'host', op: 'not_equals', value: 'a' }), 'host ≠ a');
    assert.equal(describeLabelFilter({ label: 'host', op: 'exists' }), 'host exists');
  });

  it('splits comma-separated names', () => {
    assert.deepEqual(parseNameList(' host, queue ,,host '), ['host', 'queue']);
    assert.deepEqual(parseNameList(''), []);
  });
});
