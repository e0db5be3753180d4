import type { DashboardDefinitionInput, LabelFilter } from '@sightline/contract';

/** Hosts through prometheus-node-exporter (1.x names). */
const onInstance: LabelFilter = { label: 'instance', op: 'equals', value: '$instance' };
const byInstance = ['instance'];
const notLoopback: LabelFilter = { label: 'device', op: 'not_equals', value: 'lo' };

function perDevice(id: string, metric: string, legend: string) {
  return { id, metric, filters: [onInstance, notLoopback], groupBy: ['device'], function: 'rate' as const, legend };
}

function gauge(id: string, metric: string, groupBy: string[], filters: LabelFilter[] = [onInstance]) {
  return { id, metric, filters, groupBy, aggregation: 'max' as const, hidden: true };
}

const realFilesystems: LabelFilter[] = [onInstance, { label: 'fstype', op: 'not_equals', value: 'tmpfs' }];

export const HOST_DASHBOARD: DashboardDefinitionInput = {
  title: 'Host (node_exporter)',
  description: 'CPU, load, memory, filesystems, network and disks of hosts scraped through node_exporter.',
  tags: ['host', 'node_exporter'],
  variables: [{ name: 'instance', label: 'Instance', metric: 'node_load1', labelKey: 'instance' }],
  panels: [
    {
      id: 'cpu_busy',
      title: 'CPU busy',
      description: 'Share of CPU time not idle, all cores.',
      type: 'timeseries',
      unit: 'percent',
      queries: [
        { id: 'busy', metric: 'node_cpu_seconds_total', filters: [onInstance, { label: 'mode', op: 'not_equals', value: 'idle' }], groupBy: byInstance, function: 'rate', hidden: true },
        { id: 'total', metric: 'node_cpu_seconds_total', filters: [onInstance], groupBy: byInstance, function: 'rate', hidden: true },
      ],
      formula: '100 * busy / total',
      formulaLegend: '{{instance}}',
    },
    {
      id: 'load',
      title: 'Load average',
      type: 'timeseries',
      unit: 'none',
      queries: [
        { id: 'load1', metric: 'node_load1', filters: [onInstance], groupBy: byInstance, aggregation: 'max', legend: '1m {{instance}}' },
        { id: 'load5', metric: 'node_load5', filters: [onInstance], groupBy: byInstance, aggregation: 'max', legend: '5m {{instance}}' },
        { id: 'load15', metric: 'node_load15', filters: [onInstance], groupBy: byInstance, aggregation: 'max', legend: '15m {{instance}}' },
      ],
    },
    {
      id: 'memory_used',
      title: 'Memory used',
      description: 'Memory not available to new programs (MemTotal − MemAvailable).',
      type: 'timeseries',
      unit: 'percent',
      queries: [gauge('total', 'node_memory_MemTotal_bytes', byInstance), gauge('available', 'node_memory_MemAvailable_bytes', byInstance)],
      formula: '100 * (total - available) / total',
      formulaLegend: '{{instance}}',
    },
    {
      id: 'filesystem_used',
      title: 'Filesystem used',
      description: 'Space not available to unprivileged users, by mount point.',
      type: 'timeseries',
      unit: 'percent',
      queries: [
        gauge('size', 'node_filesystem_size_bytes', ['instance', 'mountpoint'], realFilesystems),
        gauge('avail', 'node_filesystem_avail_bytes', ['instance', 'mountpoint'], realFilesystems),
      ],
      formula: '100 * (size - avail) / size',
      formulaLegend: '{{mountpoint}} {{instance}}',
    },
    {
      id: 'network',
      title: 'Network traffic',
      type: 'timeseries',
      unit: 'bytes_per_second',
      queries: [
        perDevice('received', 'node_network_receive_bytes_total', 'received {{device}}'),
        perDevice('sent', 'node_network_transmit_bytes_total', 'sent {{device}}'),
      ],
    },
    {
      id: 'disk_io',
      title: 'Disk I/O',
      type: 'timeseries',
      unit: 'bytes_per_second',
      queries: [perDevice('read', 'node_disk_read_bytes_total', 'read {{device}}'), perDevice('written', 'node_disk_written_bytes_total', 'written {{device}}')],
    },
    {
      id: 'disk_busy',
      title: 'Disk busy',
      description: 'Share of time each disk had I/O in flight.',
      type: 'timeseries',
      unit: 'percent',
      queries: [{ ...perDevice('io', 'node_disk_io_time_seconds_total', '{{device}}'), hidden: true }],
      formula: '100 * io',
      formulaLegend: '{{device}}',
    },
  ],
};
