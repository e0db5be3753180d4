import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apdexRating, apdexSeverity, errorRateSeverity, formatApdex, formatCount, formatLatencyMs, formatPercent, formatRate } from './apm-numbers.ts';

describe('APM number formats', () => {
  it('formats rates per second', () => {
    assert.equal(formatRate(0), '0/s');
    assert.equal(formatRate(0.0001), '<0.01/min');
    assert.equal(formatRate(12 / 3600), '0.2/min');
    assert.equal(formatRate(0.0999), '5.99/min');
    assert.equal(formatRate(0.1), '0.1/s');
    assert.equal(formatRate(1.234), '1.23/s');
    assert.equal(formatRate(12.34), '12.3/s');
    assert.equal(formatRate(123.4), '123/s');
    assert.equal(formatRate(12345.6), '12,346/s');
    assert.equal(formatRate(null), '–');
  });

  it('formats ratios as percentages', () => {
    assert.equal(formatPercent(0), '0%');
    assert.equal(formatPercent(0.00005), '<0.01%');
    assert.equal(formatPercent(0.0125), '1.25%');
    assert.equal(formatPercent(0.125), '12.5%');
    assert.equal(formatPercent(0.9999), '99.9%');
    assert.equal(formatPercent(1), '100%');
    assert.equal(formatPercent(undefined), '–');
  });

  it('formats latencies, apdex and counts', () => {
    assert.equal(formatLatencyMs(0.85), '850 µs');
    assert.equal(formatLatencyMs(12.34), '12.3 ms');
    assert.equal(formatLatencyMs(2310), '2.31 s');
    assert.equal(formatLatencyMs(null), '–');
    assert.equal(formatApdex(0.9412), '0.94');
    assert.equal(formatApdex(1), '1.00');
    assert.equal(formatApdex(null), '–');
    assert.equal(formatCount(1234567), '1,234,567');
  });

  it('rates error rates and apdex', () => {
    assert.deepEqual([0, 0.009, 0.01, 0.05, null].map(errorRateSeverity), ['ok', 'ok', 'warn', 'bad', 'ok']);
    assert.deepEqual([0.95, 0.69, 0.49, null].map(apdexSeverity), ['ok', 'warn', 'bad', 'ok']);
    assert.deepEqual([0.95, 0.9, 0.75, 0.6, 0.2, null].map(apdexRating), ['excellent', 'good', 'fair', 'poor', 'unacceptable', 'no calls']);
  });
});
