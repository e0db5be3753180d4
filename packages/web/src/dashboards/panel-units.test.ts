import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatNumber, formatPanelValue } from './panel-units.ts';

describe('formatPanelValue', () => {
  it('formats each unit', () => {
    assert.equal(formatPanelValue('none', 0.4213), '0.421');
    assert.equal(formatPanelValue('count', 1234), '1234');
    assert.equal(formatPanelValue('count', 45_600), '45.6k');
    assert.equal(formatPanelValue('percent', 12.345), '12.3%');
    assert.equal(formatPanelValue('percent', 7.255), '7.25%');
    assert.equal(formatPanelValue('percent', 180.4), '180%');
    assert.equal(formatPanelValue('ratio', 0.25), '25%');
    assert.equal(formatPanelValue('ratio', 0.99), '99%');
    assert.equal(formatPanelValue('bytes', 1536), '1.5 KiB');
    assert.equal(formatPanelValue('bytes', 8 * 1024 ** 3), '8 GiB');
    assert.equal(formatPanelValue('bytes_per_second', 2048), '2 KiB/s');
    assert.equal(formatPanelValue('per_second', 0.05), '0.05/s');
    assert.equal(formatPanelValue('per_second', 12_345), '12.3k/s');
    assert.equal(formatPanelValue('seconds', 2.5), '2.5 s');
    assert.equal(formatPanelValue('seconds', 0.0123), '12.3 ms');
    assert.equal(formatPanelValue('seconds', 90_000), '1d 01h');
    assert.equal(formatPanelValue('milliseconds', 0.85), '850 µs');
  });

  it('shows a dash without a value', () => {
    assert.equal(formatPanelValue('bytes', null), '–');
    assert.equal(formatPanelValue('percent', undefined), '–');
    assert.equal(formatPanelValue('none', Number.NaN), '–');
  });

  it('keeps the sign of negative values (formulas)', () => {
    assert.equal(formatPanelValue('bytes', -2048), '-2 KiB');
    assert.equal(formatPanelValue('milliseconds', -5), '-5 ms');
    assert.equal(formatPanelValue('none', -12_000), '-12k');
  });
});

describe('formatNumber', () => {
  it('uses three significant digits and SI suffixes', () => {
    assert.equal(formatNumber(0), '0');
    assert.equal(formatNumber(0.000123456), '0.000123');
    assert.equal(formatNumber(9999), '9999');
    assert.equal(formatNumber(10_000), '10k');
    assert.equal(formatNumber(4_560_000), '4.56M');
    assert.equal(formatNumber(7.8e9), '7.8G');
    assert.equal(formatNumber(1.5e12), '1.5T');
  });
});
