/**
 * Host telemetry for the Hosts browser test, sent as OTLP/HTTP JSON to a running server:
 * - web-vm: OpenTelemetry hostmetrics — CPU 25% busy, memory 75%, `/` 90% full, eth0 1 KiB/s in,
 *   load 0.42 — and the spans of service `checkout` (instance ck-1) naming it;
 * - db-vm: node_exporter series as a Collector forwards them (resource service.name = job,
 *   service.instance.id = instance; node_uname_info names the node) — CPU 50%, memory 25%, `/` 20%.
 * Ten points per series, one a minute, the newest half a minute old.
 */
const POINTS = 10;
const GIB = 1024 ** 3;

type Attr = { key: string; value: { stringValue: string } };
const attrs = (entries: Record<string, string>): Attr[] =>
  Object.entries(entries).map(([key, value]) => ({
    key,
    value: { stringValue: value },
  }));

interface Series {
  readonly name: string;
  readonly kind: 'counter' | 'updown' | 'gauge';
  readonly labels: Record<string, string>;
  /** Value of point i. */
  readonly value: (i: number) => number;
}

function timeNs(nowMs: number, i: number): string {
  return (BigInt(nowMs - 30_000 - (POINTS - 1 - i) * 60_000) * 1_000_000n).toString();
}

function metric(series: Series, nowMs: number, startNs: string): object {
  const dataPoints = Array.from({ length: POINTS }, (_, i) => ({
    attributes: attrs(series.labels),
    ...(series.kind === 'gauge' ? {} : { startTimeUnixNano: startNs }),
    timeUnixNano: timeNs(nowMs, i),
    asDouble: series.value(i),
  }));
  if (series.kind === 'gauge') return { name: series.name, gauge: { dataPoints } };
  return {
    name: series.name,
    sum: {
      aggregationTemporality: 2,
      isMonotonic: series.kind === 'counter',
      dataPoints,
    },
  };
}

function resourceMetrics(resource: Record<string, string>, series: readonly Series[], nowMs: number): object {
  const startNs = (BigInt(nowMs - 86_400_000) * 1_000_000n).toString();
  return {
    resource: { attributes: attrs(resource) },
    scopeMetrics: [
      {
        scope: { name: 'sightline-hosts-test' },
        metrics: series.map((s) => metric(s, nowMs, startNs)),
      },
    ],
  };
}

function webVm(): Series[] {
  const fs = (state: string, gib: number): Series => ({
    name: 'system.filesystem.usage',
    kind: 'updown',
    labels: {
      device: '/dev/sda1',
      mountpoint: '/',
      type: 'ext4',
      mode: 'rw',
      state,
    },
    value: () => gib * GIB,
  });
  return [
    {
      name: 'system.cpu.time',
      kind: 'counter',
      labels: { cpu: 'cpu0', state: 'idle' },
      value: (i) => 9000 + 45 * i,
    },
    {
      name: 'system.cpu.time',
      kind: 'counter',
      labels: { cpu: 'cpu0', state: 'user' },
      value: (i) => 800 + 10 * i,
    },
    {
      name: 'system.cpu.time',
      kind: 'counter',
      labels: { cpu: 'cpu0', state: 'system' },
      value: (i) => 300 + 5 * i,
    },
    {
      name: 'system.memory.usage',
      kind: 'updown',
      labels: { state: 'used' },
      value: () => 6 * GIB,
    },
    {
      name: 'system.memory.usage',
      kind: 'updown',
      labels: { state: 'free' },
      value: () => 2 * GIB,
    },
    fs('used', 45),
    fs('free', 5),
    {
      name: 'system.network.io',
      kind: 'counter',
      labels: { device: 'eth0', direction: 'receive' },
      value: (i) => 1e9 + 61_440 * i,
    },
    {
      name: 'system.network.io',
      kind: 'counter',
      labels: { device: 'eth0', direction: 'transmit' },
      value: (i) => 2e8 + 30_720 * i,
    },
    {
      name: 'system.cpu.load_average.1m',
      kind: 'gauge',
      labels: {},
      value: (i) => (i === POINTS - 1 ? 0.42 : 0.3 + 0.01 * i),
    },
  ];
}

function dbVm(): Series[] {
  const target = { job: 'node', instance: '10.1.2.3:9100' };
  const fs = {
    ...target,
    device: '/dev/vda1',
    mountpoint: '/',
    fstype: 'ext4',
  };
  return [
    {
      name: 'node_uname_info',
      kind: 'gauge',
      labels: { ...target, nodename: 'db-vm', sysname: 'Linux' },
      value: () => 1,
    },
    {
      name: 'node_cpu_seconds_total',
      kind: 'counter',
      labels: { ...target, cpu: '0', mode: 'idle' },
      value: (i) => 500 + 30 * i,
    },
    {
      name: 'node_cpu_seconds_total',
      kind: 'counter',
      labels: { ...target, cpu: '0', mode: 'user' },
      value: (i) => 400 + 30 * i,
    },
    {
      name: 'node_memory_MemTotal_bytes',
      kind: 'gauge',
      labels: target,
      value: () => 8 * GIB,
    },
    {
      name: 'node_memory_MemAvailable_bytes',
      kind: 'gauge',
      labels: target,
      value: () => 6 * GIB,
    },
    {
      name: 'node_filesystem_size_bytes',
      kind: 'gauge',
      labels: fs,
      value: () => 50 * GIB,
    },
    {
      name: 'node_filesystem_avail_bytes',
      kind: 'gauge',
      labels: fs,
      value: () => 40 * GIB,
    },
    {
      name: 'node_network_receive_bytes_total',
      kind: 'counter',
      labels: { ...target, device: 'ens3' },
      value: (i) => 122_880 * i,
    },
    { name: 'node_load1', kind: 'gauge', labels: target, value: () => 1.1 },
  ];
}

export function hostMetricsRequest(nowMs: number): object {
  return {
    resourceMetrics: [
      resourceMetrics({ 'host.name': 'web-vm', 'os.type': 'linux' }, webVm(), nowMs),
      resourceMetrics({ 'service.name': 'node', 'service.instance.id': '10.1.2.3:9100' }, dbVm(), nowMs),
    ],
  };
}

/** Four `checkout` server spans on web-vm, a few minutes old. */
export function hostSpansRequest(nowMs: number): object {
  const spans = Array.from({ length: 4 }, (_, i) => {
    const startNs = BigInt(nowMs - 5 * 60_000 + i * 1000) * 1_000_000n;
    return {
      traceId: `${'5a'.repeat(15)}${String(10 + i)}`,
      spanId: `${'6b'.repeat(7)}${String(10 + i)}`,
      name: 'GET /cart',
      kind: 2,
      startTimeUnixNano: startNs.toString(),
      endTimeUnixNano: (startNs + 12_000_000n).toString(),
      status: { code: i === 3 ? 2 : 0 },
    };
  });
  return {
    resourceSpans: [
      {
        resource: {
          attributes: attrs({
            'service.name': 'checkout',
            'service.instance.id': 'ck-1',
            'host.name': 'web-vm',
          }),
        },
        scopeSpans: [{ scope: { name: 'sightline-hosts-test' }, spans }],
      },
    ],
  };
}

/** POSTs an OTLP/HTTP JSON body; throws unless the server accepts all of it. */
export async function postOtlpJson(httpPort: number, signal: 'metrics' | 'traces', body: object): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${httpPort}/v1/${signal}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok || /"rejected/.test(text)) throw new Error(`OTLP ${signal}: ${response.status} ${text}`);
}
