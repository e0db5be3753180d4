import { z } from 'zod';
import { apmQuery, seriesStepsSchema } from './apm-common.ts';
import { requireOrderedRange, timeSchema } from './time.ts';

/**
 * Hosts, from host metrics of two kinds stored alike: OpenTelemetry `hostmetrics` (`system.*`
 * metrics, host = resource `host.name`) and Prometheus node_exporter (`node_*` metrics, host = the
 * `nodename` of `node_uname_info`, else the host part of `instance`). A name reported by both is one
 * host; its figures come from the OpenTelemetry metrics where they exist.
 */
export const hostSourceSchema = z.enum(['otel', 'node_exporter']);
export type HostSource = z.infer<typeof hostSourceSchema>;

const ratio = z.number().min(0).max(1).nullable();

/** `GET /api/v1/infra/hosts?start&end`: every host that reported in the range (or within a day before it). */
export const infraHostsQuerySchema = apmQuery(z.object({ start: timeSchema, end: timeSchema }).superRefine(requireOrderedRange));
export type InfraHostsQuery = z.input<typeof infraHostsQuerySchema>;

export const hostSummarySchema = z.object({
  name: z.string(),
  sources: z.array(hostSourceSchema),
  /** `os.type` (OpenTelemetry) or the lower-cased `sysname` of node_uname_info; '' when unknown. */
  os: z.string(),
  /** False when the host sent nothing in the last few collection intervals of the range. */
  active: z.boolean(),
  /**
   * Newest host metric point in the range (unix ms); for a host quiet in the range, when its series
   * were last written (hour resolution); null if unknown.
   */
  lastSeenMs: z.number().nullable(),
  /** Typical time between two points of a series, seconds; null with fewer than two points. */
  intervalSeconds: z.number().positive().nullable(),
  /** Busy share of CPU time over the range: 1 − idle / all CPU time (all CPUs and states). */
  cpu: ratio,
  /** Newest memory use: used / total. */
  memory: ratio,
  /** Newest use of the fullest real filesystem: used / (used + available to users). */
  disk: ratio,
  /** Mount point of that filesystem. */
  diskMountpoint: z.string().nullable(),
  /** Newest 1-minute load average. */
  load1: z.number().nonnegative().nullable(),
  /** Bytes per second over the range, all interfaces but loopback. */
  networkInBytesPerSecond: z.number().nonnegative().nullable(),
  networkOutBytesPerSecond: z.number().nonnegative().nullable(),
});
export type HostSummary = z.infer<typeof hostSummarySchema>;

export const infraHostsResponseSchema = z.object({
  /** Sorted by name; the client sorts by any column. */
  hosts: z.array(hostSummarySchema),
});
export type InfraHostsResponse = z.infer<typeof infraHostsResponseSchema>;

/**
 * `GET /api/v1/infra/hosts/:host?start&end[&step]`: one host's charts and the services whose spans
 * name it (`host.name`). `step` (seconds) is a wish: whole minutes, at most ~240 steps.
 */
export const infraHostDetailQuerySchema = apmQuery(
  z
    .object({
      start: timeSchema,
      end: timeSchema,
      step: z.number().int().positive().optional(),
    })
    .superRefine(requireOrderedRange),
  ['step'],
);
export type InfraHostDetailQuery = z.input<typeof infraHostDetailQuerySchema>;

const stepValues = z.array(z.number().nullable());

/** One line of a chart: a value per step (null: no data in the step). */
export const hostSeriesSchema = z.object({
  name: z.string(),
  values: stepValues,
});
export type HostSeries = z.infer<typeof hostSeriesSchema>;

export const hostFilesystemSchema = z.object({
  mountpoint: z.string(),
  device: z.string(),
  type: z.string(),
  usedBytes: z.number().nonnegative(),
  /** used + available to users (reserved blocks left out, as `df` does). */
  sizeBytes: z.number().nonnegative(),
  used: ratio,
});
export type HostFilesystem = z.infer<typeof hostFilesystemSchema>;

export const hostServiceSchema = z.object({
  service: z.string(),
  /** `service.instance.id`; '' when the resource has none. */
  instanceId: z.string(),
  spans: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  firstSeenMs: z.number(),
  lastSeenMs: z.number(),
});
export type HostService = z.infer<typeof hostServiceSchema>;

export const infraHostDetailResponseSchema = seriesStepsSchema.extend({
  host: hostSummarySchema,
  /** Share of all CPU time per state (user, system, iowait…), 0..1; idle left out. */
  cpuStates: z.array(hostSeriesSchema),
  /** 1 − idle share, 0..1. */
  cpuBusy: stepValues,
  /** Bytes per memory state (used, cached, free… ; node_exporter: used and available). */
  memoryStates: z.array(hostSeriesSchema),
  /** used / total, 0..1. */
  memoryUsed: stepValues,
  /** Used share per real filesystem, named by mount point. */
  diskUsed: z.array(hostSeriesSchema),
  /** Newest figures per real filesystem, fullest first. */
  filesystems: z.array(hostFilesystemSchema),
  /** Bytes per second per interface and direction, named `<device> in|out` (loopback left out). */
  network: z.array(hostSeriesSchema),
  /** Disk bytes per second, `read` and `write`, all devices. */
  diskIo: z.array(hostSeriesSchema),
  /** Load averages `1m`, `5m`, `15m`. */
  load: z.array(hostSeriesSchema),
  /** Services whose spans carry this `host.name` in the range (hourly resolution), busiest first. */
  services: z.array(hostServiceSchema),
});
export type InfraHostDetailResponse = z.infer<typeof infraHostDetailResponseSchema>;
