import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { samplesToPoints } from './host-points.ts';
import { HOST_METRICS_SCOPE, hostResource } from './host-resource.ts';
import { HostSampler } from './host-sampler.ts';
import { HOST_METRICS } from './metric-definitions.ts';

describe('HostSampler', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'sightline-hostproc-'));
    mkdirSync(path.join(root, 'proc'));
    mkdirSync(path.join(root, 'sys/devices/system/cpu/cpu0/cpufreq'), { recursive: true });
    writeFileSync(path.join(root, 'proc/stat'), 'cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nbtime 1700000000\nprocesses 9\n');
    writeFileSync(path.join(root, 'proc/meminfo'), 'MemTotal: 100 kB\nMemFree: 40 kB\n');
    writeFileSync(path.join(root, 'sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq'), '1000\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('leaves out the metrics of files that are missing, without failing', async () => {
    const sampler = new HostSampler({ procRoot: path.join(root, 'proc'), sysRoot: path.join(root, 'sys'), rootPath: '/' });
    const reading = await sampler.read();
    assert.equal(reading.bootTimeSeconds, 1_700_000_000n);
    const names = new Set(reading.samples.map((sample) => sample.name));
    assert.deepEqual([...names].sort(), [
      'system.cpu.frequency',
      'system.cpu.logical.count',
      'system.cpu.time',
      'system.memory.usage',
      'system.memory.utilization',
      'system.processes.created',
    ]);
  });

  it('gives utilization from the second reading on', async () => {
    const sampler = new HostSampler({ procRoot: path.join(root, 'proc'), sysRoot: path.join(root, 'sys'), rootPath: '/' });
    await sampler.read();
    writeFileSync(path.join(root, 'proc/stat'), 'cpu0 11 2 3 4 5 6 7 8 0 0\nbtime 1700000000\n');
    const second = await sampler.read();
    const user = second.samples.find((s) => s.name === 'system.cpu.utilization' && s.attributes.some(([k, v]) => k === 'state' && v === 'user'));
    assert.deepEqual(user?.value, { kind: 'double', value: 1 });
  });

  it('reads this machine: every sample has a catalogued metric and the value type the Collector uses', async () => {
    const sampler = new HostSampler({ procRoot: '/proc', sysRoot: '/sys', rootPath: '/' });
    const { samples } = await sampler.read();
    assert.ok(samples.length > 0);
    for (const sample of samples) {
      assert.equal(sample.value.kind, HOST_METRICS.get(sample.name)?.valueType, sample.name);
    }
  });
});

describe('samplesToPoints', () => {
  it('starts sums at boot time, leaves gauges without a start, and sets resource, scope and string attributes', () => {
    const resource = hostResource({ hostName: 'box', nodeArch: 'x64', machineId: 'abc' });
    const points = samplesToPoints(
      [
        { name: 'system.cpu.time', attributes: [['cpu', 'cpu0'], ['state', 'user']], value: { kind: 'double', value: 1 } },
        { name: 'system.cpu.load_average.1m', attributes: [], value: { kind: 'double', value: 0.5 } },
      ],
      { resource, scope: HOST_METRICS_SCOPE, startTimeUnixNano: 5n, timeUnixNano: 9n },
    );
    assert.deepEqual(
      points.map((point) => [point.metric.type, point.metric.isMonotonic, point.metric.temporality, point.startTimeUnixNano, point.timeUnixNano]),
      [
        ['sum', true, 2, 5n, 9n],
        ['gauge', false, 0, 0n, 9n],
      ],
    );
    assert.deepEqual(points[0]?.attributes, [
      { key: 'cpu', value: { kind: 'string', value: 'cpu0' } },
      { key: 'state', value: { kind: 'string', value: 'user' } },
    ]);
    assert.equal(points[0]?.scope.name, 'sightline/hostmetrics');
    assert.deepEqual(
      resource.attributes.map((attribute) => [attribute.key, attribute.value.kind === 'string' ? attribute.value.value : '']),
      [['host.name', 'box'], ['os.type', 'linux'], ['host.arch', 'amd64'], ['host.id', 'abc']],
    );
  });
});
