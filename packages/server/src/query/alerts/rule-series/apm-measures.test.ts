import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apmMeasureValue, apmSourceOf, isCountMeasure, needsLatency, type ApmStepMeasures } from './apm-measures.ts';

const step: ApmStepMeasures = { calls: 30, errors: 3, avgMs: 12.5, p50Ms: 10, p95Ms: 40, p99Ms: 90 };
const none: ApmStepMeasures = { calls: 0, errors: 0, avgMs: null, p50Ms: null, p95Ms: null, p99Ms: null };

describe('apmMeasureValue', () => {
  it('states rates per second of the step inside the range, error rate in percent, latencies in ms', () => {
    assert.equal(apmMeasureValue('request_rate', step, 60), 0.5);
    assert.equal(apmMeasureValue('request_rate', step, 30), 1);
    assert.equal(apmMeasureValue('span_count', step, 60), 30);
    assert.equal(apmMeasureValue('error_count', step, 60), 3);
    assert.equal(apmMeasureValue('error_rate', step, 60), 10);
    assert.equal(apmMeasureValue('latency_avg', step, 60), 12.5);
    assert.equal(apmMeasureValue('latency_p50', step, 60), 10);
    assert.equal(apmMeasureValue('latency_p95', step, 60), 40);
    assert.equal(apmMeasureValue('latency_p99', step, 60), 90);
  });

  it('has no error rate or latency without calls', () => {
    assert.equal(apmMeasureValue('error_rate', none, 60), null);
    assert.equal(apmMeasureValue('latency_p99', none, 60), null);
    assert.equal(apmMeasureValue('span_count', none, 60), 0);
  });
});

describe('measure kinds and sources', () => {
  it('zero-fills counts and rates only; reads latency maps only for latencies', () => {
    assert.deepEqual(
      (['request_rate', 'span_count', 'error_count', 'error_rate', 'latency_avg'] as const).map((m) => [isCountMeasure(m), needsLatency(m)]),
      [[true, false], [true, false], [true, false], [false, false], [false, true]],
    );
  });

  it('reads a service’s requests from the per-service rollup, operations and span counts from the per-operation one', () => {
    assert.equal(apmSourceOf({ measure: 'request_rate', groupBy: [] }), 'service');
    assert.equal(apmSourceOf({ measure: 'latency_p95', groupBy: ['service'] }), 'service');
    assert.equal(apmSourceOf({ measure: 'span_count', groupBy: [] }), 'span');
    assert.equal(apmSourceOf({ measure: 'error_rate', operation: 'GET /', groupBy: [] }), 'span');
    assert.equal(apmSourceOf({ measure: 'request_rate', groupBy: ['operation'] }), 'span');
  });
});
