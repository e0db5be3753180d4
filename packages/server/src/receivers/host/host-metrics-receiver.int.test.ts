import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import { Registry } from 'prom-client';
import { openRowSinkStore, type RowSinkStore } from '../../../test/support/row-sink-store.ts';
import { AppError, ErrorCodes } from '../../errors.ts';
import type { RowSink } from '../../pipeline/row-sink.ts';
import { sql } from '../../storage/sql.ts';
import { hostMetricsConfigSchema } from './host-metrics-config.ts';
import { HostMetricsReceiver } from './host-metrics-receiver.ts';
import { hostMetricsDiscardedCounter } from './retry-buffer.ts';

interface SeriesRow {
  name: string;
  type: string;
  monotonic: boolean;
  temporality: number;
  unit: string;
}

/** A clock of whole seconds from a recent time, one step per collection: each collection has its own timestamp. */
function steppingClock(): () => bigint {
  let second = BigInt(Math.floor(Date.now() / 1000) - 600);
  return () => (second += 1n) * 1_000_000_000n;
}

function memTotalBytes(): bigint {
  const match = /^MemTotal:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'));
  assert.ok(match?.[1]);
  return BigInt(match[1]) * 1024n;
}

/** The real RowSink, refusing with INGEST_OVERLOADED while `overloaded` is set (the store under back-pressure). */
class GatedSink implements RowSink {
  overloaded = false;
  constructor(private readonly inner: RowSink) {}
  write: RowSink['write'] = (signal, protocol, rows) =>
    this.overloaded
      ? Promise.reject(new AppError(ErrorCodes.INGEST_OVERLOADED, 'full', { retryAfterSeconds: 1 }))
      : this.inner.write(signal, protocol, rows);
}

describe('HostMetricsReceiver over the real store', () => {
  let temp: RowSinkStore;
  before(async () => {
    temp = await openRowSinkStore();
  });
  after(async () => {
    await temp.dispose();
  });

  it('stores this machine’s metrics with the Collector’s names, types, attributes and resource', async () => {
    const config = hostMetricsConfigSchema.parse({});
    const registry = new Registry();
    const receiver = new HostMetricsReceiver(config, { sink: temp.sink, discardedPoints: hostMetricsDiscardedCounter(registry), now: steppingClock() });
    const first = await receiver.collectOnce();
    const second = await receiver.collectOnce();
    assert.ok(first.collected > 0);
    assert.equal(first.written, first.collected);
    assert.equal(second.pending, 0);

    const series = await temp.store.query<SeriesRow>(
      sql`SELECT DISTINCT metric_name AS name, type, is_monotonic AS monotonic, temporality, unit FROM metric_series
          WHERE scope_name = 'sightline/hostmetrics' ORDER BY name`,
    );
    const byName = new Map(series.map((row) => [row.name, row]));
    const expect = (name: string, type: string, monotonic: boolean, unit: string) => {
      const row = byName.get(name);
      assert.ok(row, `${name} is stored`);
      assert.deepEqual({ type: row.type, monotonic: row.monotonic, temporality: row.temporality, unit: row.unit }, { type, monotonic, temporality: type === 'sum' ? 2 : 0, unit }, name);
    };
    expect('system.cpu.time', 'sum', true, 's');
    expect('system.cpu.utilization', 'gauge', false, '1');
    expect('system.cpu.load_average.1m', 'gauge', false, '{thread}');
    expect('system.cpu.load_average.5m', 'gauge', false, '{thread}');
    expect('system.cpu.load_average.15m', 'gauge', false, '{thread}');
    expect('system.memory.usage', 'sum', false, 'By');
    expect('system.memory.utilization', 'gauge', false, '1');
    expect('system.paging.operations', 'sum', true, '{operations}');
    expect('system.paging.faults', 'sum', true, '{faults}');
    expect('system.filesystem.usage', 'sum', false, 'By');
    expect('system.filesystem.inodes.usage', 'sum', false, '{inodes}');
    expect('system.filesystem.utilization', 'gauge', false, '1');
    expect('system.disk.io', 'sum', true, 'By');
    expect('system.disk.operations', 'sum', true, '{operations}');
    expect('system.disk.io_time', 'sum', true, 's');
    expect('system.disk.operation_time', 'sum', true, 's');
    expect('system.disk.merged', 'sum', true, '{operations}');
    expect('system.disk.pending_operations', 'sum', false, '{operations}');
    expect('system.network.io', 'sum', true, 'By');
    expect('system.network.packets', 'sum', true, '{packets}');
    expect('system.network.errors', 'sum', true, '{errors}');
    expect('system.network.dropped', 'sum', true, '{packets}');
    expect('system.network.connections', 'sum', false, '{connections}');
    expect('system.processes.count', 'sum', false, '{processes}');
    expect('system.processes.created', 'sum', true, '{processes}');

    const cpuStates = await temp.store.query<{ state: string }>(
      sql`SELECT DISTINCT attributes['state'] AS state FROM metric_series WHERE metric_name = 'system.cpu.time' ORDER BY state`,
    );
    assert.deepEqual(cpuStates.map((row) => row.state), ['idle', 'interrupt', 'nice', 'softirq', 'steal', 'system', 'user', 'wait']);
    const cpus = await temp.store.query<{ cpus: string }>(
      sql`SELECT toString(uniqExact(attributes['cpu'])) AS cpus FROM metric_series WHERE metric_name = 'system.cpu.time'`,
    );
    assert.equal(Number(cpus[0]?.cpus), os.cpus().length);

    const resources = await temp.store.query<{ host: string; os: string; arch: string }>(
      sql`SELECT DISTINCT resource_attributes['host.name'] AS host, resource_attributes['os.type'] AS os, resource_attributes['host.arch'] AS arch
          FROM metric_series WHERE scope_name = 'sightline/hostmetrics'`,
    );
    assert.deepEqual(resources, [{ host: os.hostname(), os: 'linux', arch: process.arch === 'x64' ? 'amd64' : process.arch }]);

    // The states of one collection: used + free + buffered + cached is all the memory.
    const memory = await temp.store.query<{ state: string; bytes: string }>(
      sql`SELECT s.attributes['state'] AS state, toString(p.int_value) AS bytes
          FROM metric_points_number AS p
          INNER JOIN (SELECT DISTINCT fingerprint, attributes FROM metric_series WHERE metric_name = 'system.memory.usage') AS s ON s.fingerprint = p.fingerprint
          WHERE p.metric_name = 'system.memory.usage' AND p.timestamp = (SELECT min(timestamp) FROM metric_points_number WHERE metric_name = 'system.memory.usage')
          ORDER BY state`,
    );
    assert.deepEqual(memory.map((row) => row.state), ['buffered', 'cached', 'free', 'slab_reclaimable', 'slab_unreclaimable', 'used']);
    const bytes = new Map(memory.map((row) => [row.state, BigInt(row.bytes)]));
    const sum = ['used', 'free', 'buffered', 'cached'].reduce((total, state) => total + (bytes.get(state) ?? 0n), 0n);
    assert.equal(sum, memTotalBytes());

    // Cumulative sums start at boot (btime), a fixed time before the collection.
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    const starts = await temp.store.query<{ start: string }>(
      sql`SELECT DISTINCT toString(toUnixTimestamp64Nano(start_timestamp)) AS start FROM metric_points_number WHERE metric_name = 'system.cpu.time'`,
    );
    assert.deepEqual(starts, [{ start: `${btime}000000000` }]);
    await receiver.stop();
  });

  it('keeps refused collections for the next one, bounded, counting what it gives up', async () => {
    const gated = new GatedSink(temp.sink);
    const registry = new Registry();
    const config = hostMetricsConfigSchema.parse({ maxPendingCollections: 2 });
    const receiver = new HostMetricsReceiver(config, { sink: gated, discardedPoints: hostMetricsDiscardedCounter(registry), now: steppingClock() });
    gated.overloaded = true;
    const refused = [await receiver.collectOnce(), await receiver.collectOnce(), await receiver.collectOnce()];
    assert.deepEqual(refused.map((result) => result.written), [0, 0, 0]);
    assert.equal(refused[2]?.discarded, refused[0]?.collected);
    assert.equal(refused[2]?.pending, (refused[1]?.collected ?? 0) + (refused[2]?.collected ?? 0));
    const discarded = await registry.getSingleMetric('sightline_hostmetrics_discarded_points_total')?.get();
    assert.equal(discarded?.values[0]?.value, refused[0]?.collected);

    gated.overloaded = false;
    const accepted = await receiver.collectOnce();
    assert.equal(accepted.written, (refused[2]?.pending ?? 0) + accepted.collected);
    assert.equal(accepted.pending, 0);
    await receiver.stop();
  });

  it('start() collects at once, stop() waits for it and ends the schedule', async () => {
    const registry = new Registry();
    let collections = 0;
    const clock = steppingClock();
    const config = hostMetricsConfigSchema.parse({ intervalSeconds: 3600 });
    const receiver = new HostMetricsReceiver(config, {
      sink: temp.sink,
      discardedPoints: hostMetricsDiscardedCounter(registry),
      now: () => {
        collections += 1;
        return clock();
      },
    });
    receiver.start();
    await receiver.stop();
    assert.equal(collections, 1);
    await receiver.stop();
    receiver.start();
    assert.equal(collections, 1);
  });

  it('does nothing when disabled', async () => {
    const registry = new Registry();
    let collections = 0;
    const receiver = new HostMetricsReceiver(hostMetricsConfigSchema.parse({ enabled: false }), {
      sink: temp.sink,
      discardedPoints: hostMetricsDiscardedCounter(registry),
      now: () => BigInt(++collections),
    });
    receiver.start();
    await receiver.stop();
    assert.equal(collections, 0);
  });
});
