import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RetentionResponse } from '@sightline/contract';
import { describeChange, formFromResponse, parseRetentionForm } from './retention-form.ts';

const current: RetentionResponse = {
  traces: { days: 15, source: 'config', configDays: 15 },
  logs: { days: 15, source: 'config', configDays: 15 },
  metrics: { days: 30, source: 'runtime', configDays: 30 },
  precedence: 'runtime wins',
  lastChange: null,
  expiryPendingTables: [],
};

describe('retention form', () => {
  it('sends only the signals that changed', () => {
    const result = parseRetentionForm({ ...formFromResponse(current), logs: ' 3 ' }, current);
    assert.deepEqual(result, { ok: true, body: { logsDays: 3 }, changed: 1 });
    assert.deepEqual(parseRetentionForm(formFromResponse(current), current), { ok: true, body: {}, changed: 0 });
  });

  it('names each field out of range or not a whole number', () => {
    const result = parseRetentionForm({ traces: '0', logs: '2.5', metrics: '3651' }, current);
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.ok ? {} : result.problems).sort(), ['logs', 'metrics', 'traces']);
    assert.equal(parseRetentionForm({ traces: '', logs: '7', metrics: '30' }, current).ok, false);
  });

  it('describes the last change', () => {
    const base = { trigger: 'api' as const, requestedAt: 'T1', appliedAt: 'T2', retention: { traces: 15, logs: 3, metrics: 30 }, error: null };
    assert.equal(describeChange({ ...base, state: 'applied', tablesChanged: ['logs'] }, (t) => t), 'Applied T2 (changed here) · 1 table changed');
    assert.match(describeChange({ ...base, state: 'failed', tablesChanged: [], error: 'boom' }, (t) => t), /^Failed .*boom$/);
  });
});
