/**
 * The Hosts API scenario: a 20-minute range [S, S + 20 min) and hosts with known figures.
 * - otel-a (OpenTelemetry, plus a node_exporter target naming the same node): 2 CPUs, busy 25%
 *   (one counter restarts mid-range), memory 50%, fullest real filesystem `/` at 75% (tmpfs and
 *   squashfs left out), eth0 1000 B/s in and 500 B/s out (loopback left out), load 1.5.
 * - db-1 (node_exporter `10.0.0.7:9100`, named by node_uname_info): 4 CPUs busy 1/3, memory 75%,
 *   `/` at 60/95 (df's used / (used + avail)), 2000 B/s in, 4000 B/s out, load 2.25.
 * - web-2.example (node_exporter without node_uname_info): load 0.75 only.
 * - old-c (OpenTelemetry) stops after five minutes: inactive, still listed, CPU 50%.
 * - gone-d reported two hours before the range only: inactive, no figures.
 */
import type { MetricPoint } from '../../src/signals/metric-point.ts';
import type { SpanRow } from '../../src/signals/span.ts';
import { GIB, KINDS, otelResource, scrapeResource, SEC, SeriesWriter } from './infra-host-metrics.ts';
import { idBytes, sampleSpan } from './sample-rows.ts';

const { SUM, UPDOWN, GAUGE } = KINDS;
export const POINTS = 20;
/** Range start, unix seconds: a whole minute about half an hour ago. */
export const S = Math.floor((Date.now() / 1000 - 1800) / 60) * 60;
export const E = S + POINTS * 60;
const at = (seconds: number): bigint => BigInt(S + seconds) * SEC;
const COUNTER_START = at(-86_400);

function otelA(): MetricPoint[] {
  const w = new SeriesWriter(otelResource('otel-a'), COUNTER_START);
  for (let i = 0; i < POINTS; i++) {
    const t = at(30 + 60 * i);
    for (const cpu of ['cpu0', 'cpu1']) {
      w.add('system.cpu.time', SUM, { cpu, state: 'user' }, t, 1000.5 + 9 * i);
      w.add('system.cpu.time', SUM, { cpu, state: 'system' }, t, 500.25 + 6 * i);
      // cpu1's idle counter restarts at point 10: its new value (45) is the increase.
      const idle = cpu === 'cpu1' && i >= 10 ? 45 * (i - 9) : 5000 + 45 * i;
      w.add('system.cpu.time', SUM, { cpu, state: 'idle' }, t, idle);
    }
    const late = i >= 10;
    const memory = {
      used: late ? 4 : 3,
      free: late ? 2 : 3,
      buffered: 0.5,
      cached: 1.5,
      slab_reclaimable: 0.25,
    };
    for (const [state, gib] of Object.entries(memory)) w.add('system.memory.usage', UPDOWN, { state }, t, gib * GIB, 'By');
    const fs = (mountpoint: string, device: string, type: string, used: number, free: number) => {
      const common = { device, mountpoint, type, mode: 'rw' };
      w.add('system.filesystem.usage', UPDOWN, { ...common, state: 'used' }, t, used * GIB);
      w.add('system.filesystem.usage', UPDOWN, { ...common, state: 'free' }, t, free * GIB);
      w.add('system.filesystem.usage', UPDOWN, { ...common, state: 'reserved' }, t, 2 * GIB);
    };
    fs('/', '/dev/vda1', 'ext4', 30, 10);
    fs('/data', '/dev/vdb', 'xfs', 10, 90);
    fs('/run', 'tmpfs', 'tmpfs', 1, 0);
    fs('/snap/core/1', '/dev/loop0', 'squashfs', 1, 0);
    w.add('system.network.io', SUM, { device: 'eth0', direction: 'receive' }, t, 1e9 + 60_000 * i);
    w.add('system.network.io', SUM, { device: 'eth0', direction: 'transmit' }, t, 5e8 + 30_000 * i);
    w.add('system.network.io', SUM, { device: 'lo', direction: 'receive' }, t, 6e6 * i);
    w.add('system.disk.io', SUM, { device: 'vda', direction: 'read' }, t, 6000 * i);
    w.add('system.cpu.load_average.1m', GAUGE, {}, t, i === POINTS - 1 ? 1.5 : 0.5);
  }
  // A node_exporter on the same node: its load is not used, the OpenTelemetry one is.
  const node = new SeriesWriter(scrapeResource('node', 'otel-a:9100'), COUNTER_START);
  const target = { job: 'node', instance: 'otel-a:9100' };
  for (let i = 0; i < POINTS; i++) node.add('node_load1', GAUGE, target, at(30 + 60 * i), 99);
  return [...w.points, ...node.points];
}

function db1(): MetricPoint[] {
  const target = { job: 'node', instance: '10.0.0.7:9100' };
  const w = new SeriesWriter(scrapeResource('node', '10.0.0.7:9100'), COUNTER_START);
  for (let i = 0; i < POINTS; i++) {
    const t = at(15 + 60 * i);
    w.add('node_uname_info', GAUGE, { ...target, nodename: 'db-1', sysname: 'Linux', release: '6.1.0' }, t, 1);
    for (const cpu of ['0', '1', '2', '3']) {
      w.add('node_cpu_seconds_total', SUM, { ...target, cpu, mode: 'idle' }, t, 7000 + 40 * i);
      w.add('node_cpu_seconds_total', SUM, { ...target, cpu, mode: 'user' }, t, 300 + 15 * i);
      w.add('node_cpu_seconds_total', SUM, { ...target, cpu, mode: 'system' }, t, 100 + 5 * i);
      w.add('node_cpu_seconds_total', SUM, { ...target, cpu, mode: 'iowait' }, t, 20);
    }
    w.add('node_memory_MemTotal_bytes', GAUGE, target, t, 16 * GIB);
    w.add('node_memory_MemAvailable_bytes', GAUGE, target, t, 4 * GIB);
    const fs = (mountpoint: string, device: string, fstype: string, size: number, free: number, avail: number) => {
      const labels = { ...target, device, mountpoint, fstype };
      w.add('node_filesystem_size_bytes', GAUGE, labels, t, size * GIB);
      w.add('node_filesystem_free_bytes', GAUGE, labels, t, free * GIB);
      w.add('node_filesystem_avail_bytes', GAUGE, labels, t, avail * GIB);
    };
    fs('/', '/dev/sda1', 'ext4', 100, 40, 35);
    fs('/boot', '/dev/sda2', 'ext4', 1, 0.5, 0.5);
    fs('/run', 'tmpfs', 'tmpfs', 1, 0, 0);
    w.add('node_network_receive_bytes_total', SUM, { ...target, device: 'eth0' }, t, 120_000 * i);
    w.add('node_network_transmit_bytes_total', SUM, { ...target, device: 'eth0' }, t, 240_000 * i);
    w.add('node_network_receive_bytes_total', SUM, { ...target, device: 'lo' }, t, 9e6 * i);
    w.add('node_load1', GAUGE, target, t, 2.25);
  }
  return w.points;
}

function others(): MetricPoint[] {
  const web = new SeriesWriter(scrapeResource('node', 'web-2.example:9100'), COUNTER_START);
  const old = new SeriesWriter(otelResource('old-c'), COUNTER_START);
  const gone = new SeriesWriter(otelResource('gone-d'), COUNTER_START);
  for (let i = 0; i < POINTS; i++) web.add('node_load1', GAUGE, { job: 'node', instance: 'web-2.example:9100' }, at(30 + 60 * i), 0.75);
  for (let i = 0; i < 5; i++) {
    old.add('system.cpu.time', SUM, { cpu: 'cpu0', state: 'user' }, at(30 + 60 * i), 30 * i);
    old.add('system.cpu.time', SUM, { cpu: 'cpu0', state: 'idle' }, at(30 + 60 * i), 30 * i);
  }
  gone.add('system.cpu.load_average.1m', GAUGE, {}, at(-7200), 3);
  return [...web.points, ...old.points, ...gone.points];
}

export function hostPoints(): MetricPoint[] {
  return [...otelA(), ...db1(), ...others()];
}

/** Spans naming hosts in their resource: checkout ×3 (1 error) and cart ×1 on otel-a, orders ×2 on db-1. */
export function hostSpans(): SpanRow[] {
  const span = (i: number, service: string, instance: string, host: string, error = false): SpanRow => {
    const start = at(600 + i);
    return sampleSpan({
      traceId: idBytes(`${'ab'.repeat(15)}${i.toString(16).padStart(2, '0')}`),
      spanId: idBytes(`${'cd'.repeat(7)}${i.toString(16).padStart(2, '0')}`),
      startTimeUnixNano: start,
      endTimeUnixNano: start + 5_000_000n,
      statusCode: error ? 2 : 0,
      resource: {
        attributes: [
          { key: 'service.name', value: { kind: 'string', value: service } },
          {
            key: 'service.instance.id',
            value: { kind: 'string', value: instance },
          },
          { key: 'host.name', value: { kind: 'string', value: host } },
        ],
        droppedAttributesCount: 0,
        schemaUrl: '',
      },
    });
  };
  return [
    span(1, 'checkout', 'ck-1', 'otel-a'),
    span(2, 'checkout', 'ck-1', 'otel-a', true),
    span(3, 'checkout', 'ck-1', 'otel-a'),
    span(4, 'cart', 'cart-1', 'otel-a'),
    span(5, 'orders', 'ord-1', 'db-1'),
    span(6, 'orders', 'ord-1', 'db-1'),
    span(7, 'search', 'se-1', 'elsewhere'),
  ];
}
