import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { sql } from '../sql.ts';
import { ALL_TABLES } from './tables.ts';
import { applyRetention } from './apply-retention.ts';

describe('retention', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  const ttlOf = async (table: string): Promise<string> => {
    const [row] = await temp.store.query<{ q: string }>(sql`SELECT create_table_query AS q FROM system.tables WHERE database = currentDatabase() AND name = ${table}`);
    return /TTL (.*?)(?: SETTINGS|$)/.exec(row?.q ?? '')?.[1] ?? '';
  };

  it('creates tables with the default retention per signal', async () => {
    assert.equal(await ttlOf('spans'), 'toDateTime(timestamp) + toIntervalDay(15)');
    assert.equal(await ttlOf('logs'), 'toDateTime(timestamp) + toIntervalDay(15)');
    assert.equal(await ttlOf('metric_points_number'), 'toDateTime(timestamp) + toIntervalDay(30)');
  });

  it('changes retention at start-up without recreating tables, and only where it differs', async () => {
    const changed = await applyRetention(temp.store, { traces: 7, logs: 15, metrics: 90 });
    // Every table kept by the traces or metrics retention, and only those.
    const expected = ALL_TABLES.filter((table) => table.ttl?.signal === 'traces' || table.ttl?.signal === 'metrics').map((table) => table.name);
    assert.ok(expected.includes('spans') && expected.includes('apm_service_metrics_1d') && !expected.includes('logs'));
    assert.deepEqual(changed.sort(), expected.sort());
    assert.equal(await ttlOf('spans'), 'toDateTime(timestamp) + toIntervalDay(7)');
    assert.equal(await ttlOf('trace_index'), 'toDateTime(start) + toIntervalDay(7)');
    assert.equal(await ttlOf('metric_series'), 'last_seen + toIntervalDay(90)');
    assert.equal(await ttlOf('apm_span_metrics_1h'), 'time + toIntervalDay(7)');
    assert.deepEqual(await applyRetention(temp.store, { traces: 7, logs: 15, metrics: 90 }), []);
  });
});
