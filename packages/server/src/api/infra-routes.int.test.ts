import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { HostSummary, InfraHostDetailResponse, InfraHostsResponse } from '@sightline/contract';
import { call, getOk, testApp } from '../../test/support/api-app.ts';
import { insertSpans } from '../../test/support/api-insert.ts';
import { GIB } from '../../test/support/infra-host-metrics.ts';
import { E, hostPoints, hostSpans, POINTS, S } from '../../test/support/infra-host-scenario.ts';
import { openRowSinkStore, type RowSinkStore } from '../../test/support/row-sink-store.ts';

const range = `start=${S * 1000}&end=${E * 1000}`;
const repeat = <T>(value: T, times = POINTS - 1): T[] => Array.from({ length: times }, () => value);

describe('Hosts API over host metrics of both sources', () => {
  let temp: RowSinkStore;
  let app: FastifyInstance;
  let hosts: Map<string, HostSummary>;
  before(async () => {
    temp = await openRowSinkStore();
    await temp.sink.write('metrics', 'prometheus_scrape', hostPoints());
    await insertSpans(temp.store, hostSpans());
    app = testApp(temp.store);
    const body = await getOk<InfraHostsResponse>(app, `/api/v1/infra/hosts?${range}`);
    hosts = new Map(body.hosts.map((h) => [h.name, h]));
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const host = (name: string): HostSummary => {
    const found = hosts.get(name);
    assert.ok(found !== undefined, `host ${name} is listed (${[...hosts.keys()].join(', ')})`);
    return found;
  };

  it('lists every host by name, OpenTelemetry and node_exporter alike', () => {
    assert.deepEqual([...hosts.keys()], ['db-1', 'gone-d', 'old-c', 'otel-a', 'web-2.example']);
  });

  it('computes an OpenTelemetry host: CPU from cpu time (across a restart), memory, real disks, network without loopback', () => {
    assert.deepEqual(host('otel-a'), {
      name: 'otel-a',
      sources: ['node_exporter', 'otel'],
      os: 'linux',
      active: true,
      lastSeenMs: (S + 30 + 60 * (POINTS - 1)) * 1000,
      intervalSeconds: 60,
      cpu: 0.25,
      memory: 0.5,
      disk: 0.75,
      diskMountpoint: '/',
      load1: 1.5,
      networkInBytesPerSecond: 1000,
      networkOutBytesPerSecond: 500,
    });
  });

  it('computes a node_exporter host named by node_uname_info', () => {
    assert.deepEqual(host('db-1'), {
      name: 'db-1',
      sources: ['node_exporter'],
      os: 'linux',
      active: true,
      lastSeenMs: (S + 15 + 60 * (POINTS - 1)) * 1000,
      intervalSeconds: 60,
      cpu: 1 / 3,
      memory: 0.75,
      disk: 60 / 95,
      diskMountpoint: '/',
      load1: 2.25,
      networkInBytesPerSecond: 2000,
      networkOutBytesPerSecond: 4000,
    });
    const web = host('web-2.example');
    assert.deepEqual([web.sources, web.load1, web.cpu, web.memory, web.networkInBytesPerSecond], [['node_exporter'], 0.75, null, null, null]);
  });

  it('keeps hosts quiet at the end of the range, or in all of it, as inactive', () => {
    const old = host('old-c');
    assert.deepEqual([old.active, old.lastSeenMs, old.cpu], [false, (S + 30 + 60 * 4) * 1000, 0.5]);
    const gone = host('gone-d');
    assert.deepEqual([gone.active, gone.lastSeenMs, gone.cpu, gone.load1, gone.intervalSeconds], [false, (S - 7200) * 1000, null, null, null]);
  });

  it('charts an OpenTelemetry host per step and lists the services on it', async () => {
    const detail = await getOk<InfraHostDetailResponse>(app, `/api/v1/infra/hosts/otel-a?${range}&step=60`);
    assert.equal(detail.startMs, S * 1000);
    assert.equal(detail.stepSeconds, 60);
    assert.equal(detail.host.cpu, 0.25);
    // Step 0 holds each series' first point: no increase is known there.
    assert.deepEqual(detail.cpuBusy, [null, ...repeat(0.25)]);
    assert.deepEqual(
      detail.cpuStates.map((s) => [s.name, s.values]),
      [
        ['user', [null, ...repeat(0.15)]],
        ['system', [null, ...repeat(0.1)]],
      ],
    );
    assert.deepEqual(detail.memoryUsed, [...repeat(0.375, 10), ...repeat(0.5, 10)]);
    assert.deepEqual(detail.memoryStates.find((s) => s.name === 'used')?.values, [...repeat(3 * GIB, 10), ...repeat(4 * GIB, 10)]);
    assert.deepEqual(
      detail.diskUsed.map((s) => [s.name, s.values]),
      [
        ['/', repeat(0.75, POINTS)],
        ['/data', repeat(0.1, POINTS)],
      ],
    );
    assert.deepEqual(detail.filesystems, [
      {
        mountpoint: '/',
        device: '/dev/vda1',
        type: 'ext4',
        usedBytes: 30 * GIB,
        sizeBytes: 40 * GIB,
        used: 0.75,
      },
      {
        mountpoint: '/data',
        device: '/dev/vdb',
        type: 'xfs',
        usedBytes: 10 * GIB,
        sizeBytes: 100 * GIB,
        used: 0.1,
      },
    ]);
    assert.deepEqual(
      detail.network.map((s) => [s.name, s.values]),
      [
        ['eth0 in', [null, ...repeat(1000)]],
        ['eth0 out', [null, ...repeat(500)]],
      ],
    );
    assert.deepEqual(detail.diskIo, [{ name: 'read', values: [null, ...repeat(100)] }]);
    assert.deepEqual(detail.load, [{ name: '1m', values: [...repeat(0.5), 1.5] }]);
    assert.deepEqual(detail.services, [
      {
        service: 'checkout',
        instanceId: 'ck-1',
        spans: 3,
        errors: 1,
        firstSeenMs: (S + 601) * 1000,
        lastSeenMs: (S + 603) * 1000,
      },
      {
        service: 'cart',
        instanceId: 'cart-1',
        spans: 1,
        errors: 0,
        firstSeenMs: (S + 604) * 1000,
        lastSeenMs: (S + 604) * 1000,
      },
    ]);
  });

  it('charts a node_exporter host: memory used and available, df-style disk use', async () => {
    const detail = await getOk<InfraHostDetailResponse>(app, `/api/v1/infra/hosts/db-1?${range}&step=60`);
    assert.deepEqual(detail.cpuBusy, [null, ...repeat(1 / 3)]);
    assert.deepEqual(
      detail.cpuStates.map((s) => s.name),
      ['user', 'system', 'iowait'],
    );
    assert.deepEqual(detail.cpuStates[2]?.values, [null, ...repeat(0)]);
    assert.deepEqual(
      detail.memoryStates.map((s) => [s.name, s.values[5]]),
      [
        ['used', 12 * GIB],
        ['available', 4 * GIB],
      ],
    );
    assert.deepEqual(detail.memoryUsed, repeat(0.75, POINTS));
    assert.deepEqual(
      detail.diskUsed.map((s) => [s.name, s.values[3]]),
      [
        ['/', 60 / 95],
        ['/boot', 0.5],
      ],
    );
    assert.deepEqual(
      detail.network.map((s) => [s.name, s.values[1]]),
      [
        ['eth0 in', 2000],
        ['eth0 out', 4000],
      ],
    );
    assert.deepEqual(
      detail.services.map((s) => [s.service, s.spans]),
      [['orders', 2]],
    );
  });

  it('answers 404 for an unknown host and 400 without a range', async () => {
    const missing = await call<{ error: { code: string } }>(app, 'GET', `/api/v1/infra/hosts/nowhere?${range}`);
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'NOT_FOUND']);
    const noRange = await call<{ error: { code: string; message: string } }>(app, 'GET', '/api/v1/infra/hosts');
    assert.equal(noRange.status, 400);
    assert.match(noRange.body.error.message, /start/);
  });
});
