import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HostSummary } from '@sightline/contract';
import { filterHosts, formatBytes, formatBytesRate, formatShare, hostChartStep, hostHref, readHostsView, usageLevel, writeHostsView } from './hosts-view.ts';

const host = (name: string): HostSummary => ({
  name,
  sources: ['otel'],
  os: 'linux',
  active: true,
  lastSeenMs: 1,
  intervalSeconds: 60,
  cpu: null,
  memory: null,
  disk: null,
  diskMountpoint: null,
  load1: null,
  networkInBytesPerSecond: null,
  networkOutBytesPerSecond: null,
});

describe('hosts view', () => {
  it('formats bytes, rates and shares', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(12.34 * 1024 ** 3), '12.3 GiB');
    assert.equal(formatBytes(null), '–');
    assert.equal(formatBytesRate(2048), '2 KiB/s');
    assert.equal(formatShare(0.25), '25%');
    assert.equal(formatShare(0.075), '7.5%');
    assert.equal(formatShare(1 / 3), '33%');
    assert.equal(formatShare(null), '–');
  });

  it('rates usage', () => {
    assert.deepEqual([usageLevel(0.5), usageLevel(0.85), usageLevel(0.95), usageLevel(null)], ['ok', 'warn', 'bad', 'ok']);
  });

  it('filters by name words and keeps the view in the URL', () => {
    assert.deepEqual(
      filterHosts([host('db-1'), host('web-2'), host('DB-backup')], 'db').map((h) => h.name),
      ['db-1', 'DB-backup'],
    );
    const params = new URLSearchParams('range=1h');
    writeHostsView(params, { filter: 'db', sort: { column: 'cpu', order: 'desc' } });
    assert.deepEqual(readHostsView(params), { filter: 'db', sort: { column: 'cpu', order: 'desc' } });
  });

  it('links a host with the time range', () => {
    assert.equal(hostHref('a b/c', new URLSearchParams('range=1h&q=x')), '/hosts/a%20b%2Fc?range=1h');
  });

  it('asks for whole-minute chart steps', () => {
    assert.equal(hostChartStep({ startMs: 0, endMs: 3_600_000 }), 60);
    assert.equal(hostChartStep({ startMs: 0, endMs: 24 * 3_600_000 }), 720);
  });
});
