import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubleSample, intSample } from '../host-sample.ts';
import { cpuFrequencySample, cpuTimeSamples, cpuUtilizationSamples, loadAverageSamples } from './cpu.ts';
import { parseProcStat } from './proc-stat.ts';
import { processesSamples } from './processes.ts';

const PROC_STAT = `cpu  200 10 100 5000 20 0 5 0 0 0
cpu0 120 4 60 2400 10 0 3 0 0 0
cpu1 80 6 40 2600 10 1 2 7 0 0
intr 114930548 113 0 0 0 0 0
ctxt 194933894
btime 1700000000
processes 4242
procs_running 3
procs_blocked 1
softirq 31000 0 1 2 3
`;

const LATER = `cpu  300 10 110 5050 25 0 10 0 0 0
cpu0 150 4 70 2450 15 0 8 0 0 0
cpu1 80 6 40 2600 10 1 2 7 0 0
btime 1700000000
`;

describe('/proc/stat', () => {
  it('reads boot time, per-CPU ticks (not the aggregate line) and process counters', () => {
    const stat = parseProcStat(PROC_STAT);
    assert.equal(stat.bootTimeSeconds, 1_700_000_000n);
    assert.equal(stat.processesCreated, 4242n);
    assert.equal(stat.procsRunning, 3n);
    assert.equal(stat.procsBlocked, 1n);
    assert.deepEqual(stat.cpus.map((cpu) => cpu.cpu), ['cpu0', 'cpu1']);
    assert.deepEqual(stat.cpus[1]?.ticks, { user: 80n, system: 40n, idle: 2600n, interrupt: 1n, nice: 6n, softirq: 2n, steal: 7n, wait: 10n });
  });

  it('gives system.cpu.time in seconds per cpu and state, as the Collector names states', () => {
    const samples = cpuTimeSamples(parseProcStat(PROC_STAT).cpus);
    const cpu0 = (state: string, seconds: number) => doubleSample('system.cpu.time', [['cpu', 'cpu0'], ['state', state]], seconds);
    assert.deepEqual(samples.slice(0, 8), [
      cpu0('user', 1.2),
      cpu0('system', 0.6),
      cpu0('idle', 24),
      cpu0('interrupt', 0),
      cpu0('nice', 0.04),
      cpu0('softirq', 0.03),
      cpu0('steal', 0),
      cpu0('wait', 0.1),
    ]);
    assert.equal(samples.length, 17);
    assert.deepEqual(samples[16], intSample('system.cpu.logical.count', [], 2n));
  });

  it('gives system.cpu.utilization as each state share of the ticks between two readings', () => {
    const samples = cpuUtilizationSamples(parseProcStat(PROC_STAT).cpus, parseProcStat(LATER).cpus);
    const cpu0 = (state: string, share: number) => doubleSample('system.cpu.utilization', [['cpu', 'cpu0'], ['state', state]], share);
    // cpu1 did not move: no utilization for it rather than a division by zero.
    assert.deepEqual(samples, [
      cpu0('user', 0.3),
      cpu0('system', 0.1),
      cpu0('idle', 0.5),
      cpu0('interrupt', 0),
      cpu0('nice', 0),
      cpu0('softirq', 0.05),
      cpu0('steal', 0),
      cpu0('wait', 0.05),
    ]);
    assert.deepEqual(cpuUtilizationSamples([], parseProcStat(LATER).cpus), []);
  });

  it('gives system.processes.count (running, blocked) and system.processes.created', () => {
    assert.deepEqual(processesSamples(parseProcStat(PROC_STAT)), [
      intSample('system.processes.count', [['status', 'running']], 3n),
      intSample('system.processes.count', [['status', 'blocked']], 1n),
      intSample('system.processes.created', [], 4242n),
    ]);
  });
});

describe('/proc/loadavg and cpufreq', () => {
  it('gives the three load averages', () => {
    assert.deepEqual(loadAverageSamples('0.25 1.67 1.97 1/119 29758\n'), [
      doubleSample('system.cpu.load_average.1m', [], 0.25),
      doubleSample('system.cpu.load_average.5m', [], 1.67),
      doubleSample('system.cpu.load_average.15m', [], 1.97),
    ]);
    assert.deepEqual(loadAverageSamples(''), []);
  });

  it('gives the frequency in Hz from kHz', () => {
    assert.deepEqual(cpuFrequencySample('cpu3', '2400000\n'), doubleSample('system.cpu.frequency', [['cpu', 'cpu3']], 2_400_000_000));
    assert.equal(cpuFrequencySample('cpu3', '\n'), undefined);
  });
});
