import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveRetention, retentionSources, withChange } from './effective-retention.ts';

const config = { traces: 15, logs: 15, metrics: 30 };

describe('effective retention', () => {
  it('takes the runtime setting over the configured value, per signal', () => {
    assert.deepEqual(effectiveRetention(config, { logs: 3 }), { traces: 15, logs: 3, metrics: 30 });
    assert.deepEqual(retentionSources(config, { logs: 3 }).logs, { days: 3, source: 'runtime', configDays: 15 });
    assert.deepEqual(retentionSources(config, { logs: 3 }).metrics, { days: 30, source: 'config', configDays: 30 });
  });

  it('applies a change: numbers set, null removes, absent keeps', () => {
    assert.deepEqual(withChange({ logs: 3, traces: 7 }, { logs: null, metrics: 90 }), { traces: 7, metrics: 90 });
    assert.deepEqual(withChange({ logs: 3 }, {}), { logs: 3 });
  });
});
