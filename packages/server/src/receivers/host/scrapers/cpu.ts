import { doubleSample, intSample, type HostSample } from '../host-sample.ts';
import { CPU_STATES, type CpuTicks } from './proc-stat.ts';
import { fieldsOf } from './proc-text.ts';

/** USER_HZ: the unit of /proc/stat times, 100 on every Linux architecture's user-space ABI. */
export const TICKS_PER_SECOND = 100;

/** `system.cpu.time` per logical CPU and state, and `system.cpu.logical.count`. */
export function cpuTimeSamples(cpus: readonly CpuTicks[]): HostSample[] {
  const samples: HostSample[] = [];
  for (const { cpu, ticks } of cpus) {
    for (const state of CPU_STATES) {
      samples.push(doubleSample('system.cpu.time', [['cpu', cpu], ['state', state]], Number(ticks[state]) / TICKS_PER_SECOND));
    }
  }
  if (cpus.length > 0) samples.push(intSample('system.cpu.logical.count', [], BigInt(cpus.length)));
  return samples;
}

/**
 * `system.cpu.utilization`: each state's share of the time that passed on that CPU between two
 * readings (the sum over states is 1). Nothing for a CPU without a previous reading or progress.
 */
export function cpuUtilizationSamples(previous: readonly CpuTicks[], current: readonly CpuTicks[]): HostSample[] {
  const before = new Map(previous.map((cpu) => [cpu.cpu, cpu.ticks]));
  const samples: HostSample[] = [];
  for (const { cpu, ticks } of current) {
    const old = before.get(cpu);
    if (old === undefined) continue;
    const deltas = CPU_STATES.map((state) => ticks[state] - old[state]);
    // A counter going backwards (CPU hot-plugged) makes the interval meaningless.
    if (deltas.some((delta) => delta < 0n)) continue;
    const total = deltas.reduce((sum, delta) => sum + delta, 0n);
    if (total === 0n) continue;
    CPU_STATES.forEach((state, index) => {
      samples.push(doubleSample('system.cpu.utilization', [['cpu', cpu], ['state', state]], Number(deltas[index]) / Number(total)));
    });
  }
  return samples;
}

const LOAD_METRICS = ['system.cpu.load_average.1m', 'system.cpu.load_average.5m', 'system.cpu.load_average.15m'] as const;

/** Parses /proc/loadavg into the three load average gauges. */
export function loadAverageSamples(text: string): HostSample[] {
  const fields = fieldsOf(text);
  const samples: HostSample[] = [];
  LOAD_METRICS.forEach((name, index) => {
    const value = Number(fields[index]);
    if (fields[index] !== undefined && Number.isFinite(value)) samples.push(doubleSample(name, [], value));
  });
  return samples;
}

/** `system.cpu.frequency` from a cpufreq `scaling_cur_freq` file (kHz). */
export function cpuFrequencySample(cpu: string, text: string): HostSample | undefined {
  const khz = Number(text.trim());
  return text.trim().length > 0 && Number.isFinite(khz) ? doubleSample('system.cpu.frequency', [['cpu', cpu]], khz * 1000) : undefined;
}
