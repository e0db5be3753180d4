import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anyValueText, anyValueType, attributeEntries, attributeText } from './any-value.ts';

describe('anyValueText', () => {
  it('shows scalars plainly', () => {
    assert.equal(anyValueText({ stringValue: 'hi' }), 'hi');
    assert.equal(anyValueText({ intValue: '9007199254740993' }), '9007199254740993');
    assert.equal(anyValueText({ doubleValue: 1.5 }), '1.5');
    assert.equal(anyValueText({ doubleValue: 'NaN' }), 'NaN');
    assert.equal(anyValueText({ boolValue: false }), 'false');
    assert.equal(anyValueText({}), '');
  });

  it('shows arrays and maps as JSON', () => {
    assert.equal(anyValueText({ arrayValue: { values: [{ stringValue: 'a' }, { intValue: '2' }] } }), '["a","2"]');
    assert.equal(anyValueText({ kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } }), '{"k":true}');
  });

  it('names types and sorts attributes', () => {
    assert.equal(anyValueType({ intValue: '1' }), 'int');
    assert.deepEqual(attributeEntries({ b: { stringValue: '2' }, a: { stringValue: '1' } }), [
      ['a', '1'],
      ['b', '2'],
    ]);
    assert.equal(attributeText({ a: { stringValue: '1' } }, 'a'), '1');
    assert.equal(attributeText({}, 'a'), undefined);
  });
});
