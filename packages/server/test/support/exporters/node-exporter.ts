/**
 * prometheus-node-exporter 1.5.0 (Debian bookworm) as a plain child process on a free loopback port.
 *
 * Metric names a host dashboard needs (all present in 1.5.0, checked by exporters-harness.test.ts):
 *   node_cpu_seconds_total{cpu,mode}                       counter (mode: idle iowait irq nice softirq steal system user)
 *   node_load1, node_load5, node_load15                    gauge
 *   node_memory_MemTotal_bytes, node_memory_MemAvailable_bytes, node_memory_MemFree_bytes,
 *   node_memory_Buffers_bytes, node_memory_Cached_bytes, node_memory_SwapTotal_bytes, node_memory_SwapFree_bytes  gauge
 *   node_filesystem_size_bytes{device,fstype,mountpoint}, node_filesystem_avail_bytes{…}, node_filesystem_free_bytes{…}  gauge
 *   node_network_receive_bytes_total{device}, node_network_transmit_bytes_total{device}  counter
 *   node_network_receive_errs_total{device}, node_network_transmit_errs_total{device}    counter
 *   node_disk_read_bytes_total{device}, node_disk_written_bytes_total{device}, node_disk_io_time_seconds_total{device}  counter
 *   node_boot_time_seconds, node_time_seconds              gauge
 *   node_uname_info{nodename,release,machine,…} 1          gauge (info)
 *
 * Debian enables the systemd collector by default; it fails without systemd (no D-Bus), so it is off here.
 */
import { BINARIES, requireBinary } from './binaries.ts';
import { startExporter, type RunningExporter } from './exporter-process.ts';

export interface NodeExporterOptions {
  /** More flags, e.g. `--no-collector.hwmon`. */
  readonly extraArgs?: readonly string[];
}

export function startNodeExporter(options: NodeExporterOptions = {}): Promise<RunningExporter> {
  return startExporter({
    name: 'node-exporter',
    binary: requireBinary(BINARIES.nodeExporter),
    args: ['--no-collector.systemd', '--log.level=error', ...(options.extraArgs ?? [])],
  });
}
