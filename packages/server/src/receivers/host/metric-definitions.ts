import { AggregationTemporality, type MetricInfo } from '../../signals/metric-point.ts';

/**
 * The catalogue of host metrics, named, typed and described as the OpenTelemetry Collector's
 * `hostmetrics` receiver does (semantic conventions for system metrics), so a Sightline host and
 * hosts running a Collector land in the same views.
 */
export type ValueType = 'int' | 'double';

export interface HostMetricDef {
  readonly info: MetricInfo;
  readonly valueType: ValueType;
}

type Kind = 'counter' | 'updown' | 'gauge';

interface NamedDef<N extends string> extends HostMetricDef {
  readonly info: MetricInfo & { readonly name: N };
}

function def<N extends string>(name: N, kind: Kind, unit: string, valueType: ValueType, description: string): NamedDef<N> {
  return {
    valueType,
    info: {
      name,
      description,
      unit,
      type: kind === 'gauge' ? 'gauge' : 'sum',
      temporality: kind === 'gauge' ? AggregationTemporality.UNSPECIFIED : AggregationTemporality.CUMULATIVE,
      isMonotonic: kind === 'counter',
      metadata: [],
    },
  };
}

const DEFS = [
  def('system.cpu.time', 'counter', 's', 'double', 'Total seconds each logical CPU spent on each mode.'),
  def('system.cpu.utilization', 'gauge', '1', 'double', 'Difference in system.cpu.time since the last measurement per logical CPU, divided by the elapsed time (value in interval [0,1]).'),
  def('system.cpu.logical.count', 'updown', '{cpu}', 'int', 'Number of available logical CPUs.'),
  def('system.cpu.frequency', 'gauge', 'Hz', 'double', 'Current frequency of the CPU core in Hz.'),
  def('system.cpu.load_average.1m', 'gauge', '{thread}', 'double', 'Average CPU Load over 1 minute.'),
  def('system.cpu.load_average.5m', 'gauge', '{thread}', 'double', 'Average CPU Load over 5 minutes.'),
  def('system.cpu.load_average.15m', 'gauge', '{thread}', 'double', 'Average CPU Load over 15 minutes.'),
  def('system.memory.usage', 'updown', 'By', 'int', 'Bytes of memory in use.'),
  def('system.memory.utilization', 'gauge', '1', 'double', 'Percentage of memory bytes in use.'),
  def('system.paging.usage', 'updown', 'By', 'int', 'Swap (unix) or pagefile (windows) usage.'),
  def('system.paging.utilization', 'gauge', '1', 'double', 'Swap (unix) or pagefile (windows) utilization.'),
  def('system.paging.operations', 'counter', '{operations}', 'int', 'The number of paging operations.'),
  def('system.paging.faults', 'counter', '{faults}', 'int', 'The number of page faults.'),
  def('system.filesystem.usage', 'updown', 'By', 'int', 'Filesystem bytes used.'),
  def('system.filesystem.inodes.usage', 'updown', '{inodes}', 'int', 'FileSystem inodes used.'),
  def('system.filesystem.utilization', 'gauge', '1', 'double', 'Fraction of filesystem bytes used.'),
  def('system.disk.io', 'counter', 'By', 'int', 'Disk bytes transferred.'),
  def('system.disk.operations', 'counter', '{operations}', 'int', 'Disk operations count.'),
  def('system.disk.io_time', 'counter', 's', 'double', 'Time disk spent activated.'),
  def('system.disk.operation_time', 'counter', 's', 'double', 'Time spent in disk operations.'),
  def('system.disk.weighted_io_time', 'counter', 's', 'double', 'Time disk spent activated multiplied by the queue length.'),
  def('system.disk.pending_operations', 'updown', '{operations}', 'int', 'The queue size of pending I/O operations.'),
  def('system.disk.merged', 'counter', '{operations}', 'int', 'The number of disk reads/writes merged into single physical disk access operations.'),
  def('system.network.io', 'counter', 'By', 'int', 'The number of bytes transmitted and received.'),
  def('system.network.packets', 'counter', '{packets}', 'int', 'The number of packets transferred.'),
  def('system.network.errors', 'counter', '{errors}', 'int', 'The number of errors encountered.'),
  def('system.network.dropped', 'counter', '{packets}', 'int', 'The number of packets dropped.'),
  def('system.network.connections', 'updown', '{connections}', 'int', 'The number of connections.'),
  def('system.processes.count', 'updown', '{processes}', 'int', 'Total number of processes in each state.'),
  def('system.processes.created', 'counter', '{processes}', 'int', 'Total number of created processes.'),
] as const;

export type HostMetricName = (typeof DEFS)[number]['info']['name'];

export const HOST_METRICS: ReadonlyMap<string, HostMetricDef> = new Map(DEFS.map((d) => [d.info.name, d]));

export function hostMetric(name: HostMetricName): HostMetricDef {
  const found = HOST_METRICS.get(name);
  if (found === undefined) throw new Error(`unknown host metric ${name}`);
  return found;
}
