import { intSample, type HostSample } from '../host-sample.ts';
import type { ProcStat } from './proc-stat.ts';

/** `system.processes.count` (running, blocked: what Linux counts in /proc/stat) and `system.processes.created`. */
export function processesSamples(stat: ProcStat): HostSample[] {
  const samples: HostSample[] = [];
  if (stat.procsRunning !== undefined) samples.push(intSample('system.processes.count', [['status', 'running']], stat.procsRunning));
  if (stat.procsBlocked !== undefined) samples.push(intSample('system.processes.count', [['status', 'blocked']], stat.procsBlocked));
  if (stat.processesCreated !== undefined) samples.push(intSample('system.processes.created', [], stat.processesCreated));
  return samples;
}
