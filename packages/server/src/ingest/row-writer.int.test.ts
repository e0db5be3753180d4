import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openRowSinkStore, rowWriterOver, type RowSinkStore } from '../../test/support/row-sink-store.ts';
import { BASE_TIME_NS, sampleLog, sampleResource, sampleScope } from '../../test/support/sample-rows.ts';
import { isAppError } from '../errors.ts';
import type { NumberPoint } from '../signals/metric-point.ts';
import { sql } from '../storage/sql.ts';

function gauge(name: string, value: number): NumberPoint {
  return {
    kind: 'number',
    metric: { name, description: '', unit: '1', type: 'gauge', temporality: 0, isMonotonic: false, metadata: [] },
    resource: sampleResource,
    scope: sampleScope,
    attributes: [{ key: 'instance', value: { kind: 'string', value: 'a:1' } }],
    startTimeUnixNano: 0n,
    timeUnixNano: BASE_TIME_NS,
    flags: 0,
    value: { kind: 'double', value },
    exemplars: [],
  };
}

describe('RowWriter: rows built by receivers, stored through the pipeline', () => {
  let temp: RowSinkStore;
  before(async () => {
    temp = await openRowSinkStore();
  });
  after(async () => {
    await temp.dispose();
  });

  it('stores log records and metric points, resolving only once they are committed, and counts them', async () => {
    await temp.sink.write('logs', 'syslog', [sampleLog('from syslog'), sampleLog('second line')]);
    const logs = await temp.store.query<{ body: string }>(sql`SELECT body FROM logs ORDER BY body`);
    assert.deepEqual(logs.map((row) => row.body), ['from syslog', 'second line']);

    await temp.sink.write('metrics', 'prometheus_scrape', [gauge('up', 1), gauge('temperature', 21.5)]);
    const points = await temp.store.query<{ name: string; value: number }>(
      sql`SELECT p.metric_name AS name, p.value AS value FROM metric_points_number AS p
          WHERE p.fingerprint IN (SELECT fingerprint FROM metric_series) ORDER BY name`,
    );
    assert.deepEqual(points, [{ name: 'temperature', value: 21.5 }, { name: 'up', value: 1 }]);
    const text = await temp.registry.metrics();
    assert.match(text, /sightline_ingest_items_accepted_total\{signal="logs",protocol="syslog"\} 2/);
    assert.match(text, /sightline_ingest_items_accepted_total\{signal="metrics",protocol="prometheus_scrape"\} 2/);
  });

  it('refuses with INGEST_OVERLOADED past the pending budget, storing nothing of the call', async () => {
    const small = rowWriterOver(temp.store, { maxPendingBytes: 10 });
    try {
      // A lone call is always let in; a second one while it is pending is past the budget.
      const first = small.sink.write('logs', 'file_log', [sampleLog('admitted alone')]);
      await assert.rejects(small.sink.write('logs', 'file_log', [sampleLog('past the budget')]), (error) => isAppError(error) && error.code === 'INGEST_OVERLOADED');
      await first;
      const rows = await temp.store.query<{ body: string }>(sql`SELECT body FROM logs WHERE body IN ('admitted alone', 'past the budget')`);
      assert.deepEqual(rows, [{ body: 'admitted alone' }]);
      assert.match(await small.registry.metrics(), /outcome="overloaded"/);
    } finally {
      await small.close();
    }
  });
});
