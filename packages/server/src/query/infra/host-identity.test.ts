import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instanceHost, resolveHosts, type HostSeriesRow } from './host-identity.ts';
import { isRealFilesystem, seriesMeaning } from './host-metric-catalog.ts';

const row = (metricName: string, labels: Record<string, string>, fingerprint = String(Math.random()).slice(2)): HostSeriesRow => ({
  metricName,
  fingerprint,
  labels,
  seenMs: 1000,
});

describe('host identity', () => {
  it('takes the host part of an instance', () => {
    assert.equal(instanceHost('db-1:9100'), 'db-1');
    assert.equal(instanceHost('[::1]:9100'), '::1');
    assert.equal(instanceHost('fe80::1'), 'fe80::1');
    assert.equal(instanceHost('plain'), 'plain');
  });

  it('names node_exporter targets by node_uname_info, also when a Collector moved job/instance to the resource', () => {
    const { hosts, series } = resolveHosts([
      row('node_uname_info', {
        'service.name': 'node',
        'service.instance.id': '10.0.0.7:9100',
        nodename: 'db-1',
        sysname: 'Linux',
      }),
      row('node_load1', { 'service.name': 'node', 'service.instance.id': '10.0.0.7:9100' }, 'a'),
      row('node_load1', { job: 'node', instance: 'web:9100' }, 'b'),
      row('system.cpu.time', { 'host.name': 'vm', state: 'idle', cpu: 'cpu0' }, 'c'),
      row('system.cpu.time', { state: 'idle' }, 'd'),
    ]);
    assert.deepEqual([...hosts.keys()].sort(), ['db-1', 'vm', 'web']);
    assert.equal(hosts.get('db-1')?.os, 'linux');
    assert.deepEqual(
      series.map((s) => [s.fingerprint, s.host, s.role]),
      [
        ['a', 'db-1', 'load1'],
        ['b', 'web', 'load1'],
        ['c', 'vm', 'cpu'],
      ],
    );
  });

  it('keeps the OpenTelemetry series of a figure a host reports through both sources', () => {
    const { series, hosts } = resolveHosts([
      row('system.cpu.load_average.1m', { 'host.name': 'vm' }, 'otel'),
      row('node_load1', { job: 'node', instance: 'vm:9100' }, 'node-load'),
      row('node_memory_MemTotal_bytes', { job: 'node', instance: 'vm:9100' }, 'node-mem'),
    ]);
    assert.deepEqual(hosts.get('vm')?.sources, ['node_exporter', 'otel']);
    assert.deepEqual(
      series.map((s) => s.fingerprint),
      ['otel', 'node-mem'],
    );
  });

  it('reads both generations of semantic-convention attribute names', () => {
    assert.equal(seriesMeaning('system.cpu.time', { 'cpu.mode': 'user' })?.state, 'user');
    assert.equal(
      seriesMeaning('system.network.io', {
        'network.interface.name': 'eth0',
        'network.io.direction': 'transmit',
      })?.direction,
      'out',
    );
    assert.equal(
      seriesMeaning('system.filesystem.usage', {
        'system.filesystem.mountpoint': '/',
        'system.filesystem.state': 'used',
      })?.mountpoint,
      '/',
    );
    assert.equal(seriesMeaning('node_cpu_seconds_total', { mode: 'idle' })?.state, 'idle');
    assert.equal(seriesMeaning('system.filesystem.usage', { mode: 'rw', state: 'free' })?.state, 'free');
    assert.equal(seriesMeaning('http.server.duration', {}), undefined);
  });

  it('tells real filesystems from virtual ones', () => {
    assert.equal(isRealFilesystem('ext4', '/'), true);
    assert.equal(isRealFilesystem('tmpfs', '/run'), false);
    assert.equal(isRealFilesystem('overlay', '/var/lib/docker/x'), false);
    assert.equal(isRealFilesystem('ext4', '/dev/shm'), false);
  });
});
