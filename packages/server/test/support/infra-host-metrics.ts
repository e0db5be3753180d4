/**
 * Host metric points of both sources with known figures, for the Hosts API test: OpenTelemetry
 * `hostmetrics` (resource `host.name`) and Prometheus node_exporter (`job`/`instance` labels,
 * `node_uname_info` naming the node), one point per series every minute.
 */
import type { Attributes } from '../../src/signals/any-value.ts';
import type { MetricInfo, MetricPoint, NumberPoint } from '../../src/signals/metric-point.ts';
import type { ResourceInfo } from '../../src/signals/resource.ts';
import { sampleScope } from './sample-rows.ts';

export const SEC = 1_000_000_000n;
export const GIB = 1024 ** 3;

const SUM = { type: 'sum', temporality: 2, isMonotonic: true } as const;
const UPDOWN = { type: 'sum', temporality: 2, isMonotonic: false } as const;
const GAUGE = { type: 'gauge', temporality: 0, isMonotonic: false } as const;
type Kind = typeof SUM | typeof UPDOWN | typeof GAUGE;

function metric(name: string, kind: Kind, unit = ''): MetricInfo {
  return { name, description: '', unit, metadata: [], ...kind };
}

function attrs(entries: Record<string, string>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({
    key,
    value: { kind: 'string', value },
  }));
}

function resourceOf(entries: Record<string, string>): ResourceInfo {
  return {
    attributes: attrs(entries),
    droppedAttributesCount: 0,
    schemaUrl: '',
  };
}

/** Collects the points of one resource (integers as int values, others as doubles). */
export class SeriesWriter {
  readonly points: MetricPoint[] = [];
  constructor(
    private readonly resource: ResourceInfo,
    private readonly startNs: bigint,
  ) {}

  add(name: string, kind: Kind, labels: Record<string, string>, timeNs: bigint, value: number, unit = ''): void {
    const point: NumberPoint = {
      metric: metric(name, kind, unit),
      resource: this.resource,
      scope: sampleScope,
      attributes: attrs(labels),
      startTimeUnixNano: kind === GAUGE ? 0n : this.startNs,
      timeUnixNano: timeNs,
      flags: 0,
      kind: 'number',
      value: Number.isSafeInteger(value) ? { kind: 'int', value: BigInt(value) } : { kind: 'double', value },
      exemplars: [],
    };
    this.points.push(point);
  }
}

export const KINDS = { SUM, UPDOWN, GAUGE };

export function otelResource(host: string, extra: Record<string, string> = {}): ResourceInfo {
  return resourceOf({ 'host.name': host, 'os.type': 'linux', ...extra });
}

/** The resource an OpenTelemetry Collector gives scraped Prometheus series (job/instance). */
export function scrapeResource(job: string, instance: string): ResourceInfo {
  return resourceOf({ 'service.name': job, 'service.instance.id': instance });
}
