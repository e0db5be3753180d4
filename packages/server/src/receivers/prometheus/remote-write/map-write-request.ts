import type { Attributes, KeyValue } from '../../../signals/any-value.ts';
import { AggregationTemporality, type Exemplar, type MetricPoint } from '../../../signals/metric-point.ts';
import type { ResourceInfo, ScopeInfo } from '../../../signals/resource.ts';
import { seriesKind, type MetadataLookup } from './metric-kind.ts';
import { nativeToExponential } from './native-histogram.ts';
import type { PromExemplar, PromLabel, PromSample, PromTimeSeries, PromWriteRequest } from './write-request.ts';

export const REMOTE_WRITE_SCOPE: ScopeInfo = {
  name: 'sightline/prometheus-remote-write',
  version: '',
  attributes: [],
  droppedAttributesCount: 0,
  schemaUrl: '',
};

/** What a request becomes: the points to store, and what could not be stored and why. */
export interface MappedRequest {
  readonly points: MetricPoint[];
  /** Samples and histograms of series refused for their labels (the sender is told: 400). */
  readonly invalid: number;
  readonly invalidReasons: readonly string[];
  /** Histograms and exemplars that have no faithful stored form, skipped and counted. */
  readonly skipped: number;
  readonly skippedReasons: readonly string[];
  /** Staleness markers, which are not data. */
  readonly staleMarkers: number;
}

const MAX_REASONS = 5;
const NS_PER_MS = 1_000_000n;
const TRACE_ID_LABEL = 'trace_id';
const SPAN_ID_LABEL = 'span_id';

function stringValue(key: string, value: string): KeyValue {
  return { key, value: { kind: 'string', value } };
}

interface SeriesLabels {
  readonly name: string;
  readonly job: string | undefined;
  readonly instance: string | undefined;
  readonly attributes: Attributes;
}

/** A series' labels split into its name and attributes, or why they are invalid. */
function splitLabels(labels: readonly PromLabel[]): SeriesLabels | string {
  let name: string | undefined;
  let job: string | undefined;
  let instance: string | undefined;
  const attributes: KeyValue[] = [];
  const seen = new Set<string>();
  for (const label of labels) {
    if (label.name === '') return 'a label has an empty name';
    if (seen.has(label.name)) return `label "${label.name}" appears twice`;
    seen.add(label.name);
    // Prometheus treats a label with an empty value as absent.
    if (label.value === '') continue;
    if (label.name === '__name__') name = label.value;
    else {
      if (label.name === 'job') job = label.value;
      else if (label.name === 'instance') instance = label.value;
      attributes.push(stringValue(label.name, label.value));
    }
  }
  if (name === undefined) return 'a series has no metric name (__name__ label)';
  return { name, job, instance, attributes };
}

function hexId(value: string | undefined, bytes: number): Uint8Array {
  if (value === undefined || value.length !== bytes * 2 || !/^[0-9a-fA-F]+$/.test(value)) return new Uint8Array(0);
  return new Uint8Array(Buffer.from(value, 'hex'));
}

function toExemplar(exemplar: PromExemplar): Exemplar {
  let traceId: string | undefined;
  let spanId: string | undefined;
  const filteredAttributes: KeyValue[] = [];
  for (const label of exemplar.labels) {
    if (label.name === TRACE_ID_LABEL) traceId = label.value;
    else if (label.name === SPAN_ID_LABEL) spanId = label.value;
    else filteredAttributes.push(stringValue(label.name, label.value));
  }
  const trace = hexId(traceId, 16);
  const span = hexId(spanId, 8);
  // An id that is not hex of the right length is kept as a label rather than lost.
  if (traceId !== undefined && trace.byteLength === 0) filteredAttributes.push(stringValue(TRACE_ID_LABEL, traceId));
  if (spanId !== undefined && span.byteLength === 0) filteredAttributes.push(stringValue(SPAN_ID_LABEL, spanId));
  return {
    filteredAttributes,
    timeUnixNano: exemplar.timestampMs * NS_PER_MS,
    value: { kind: 'double', value: exemplar.value },
    traceId: trace,
    spanId: span,
  };
}

/** Exemplars per sample index: each goes to the first sample at or after its time, else to the last one. */
function exemplarsBySample(samples: readonly PromSample[], exemplars: readonly PromExemplar[]): Map<number, Exemplar[]> {
  const bySample = new Map<number, Exemplar[]>();
  for (const exemplar of exemplars) {
    let index = samples.findIndex((sample) => !sample.stale && sample.timestampMs >= exemplar.timestampMs);
    if (index < 0) index = samples.length - 1;
    const list = bySample.get(index) ?? [];
    list.push(toExemplar(exemplar));
    bySample.set(index, list);
  }
  return bySample;
}

class RequestMapper {
  readonly points: MetricPoint[] = [];
  invalid = 0;
  skipped = 0;
  staleMarkers = 0;
  readonly invalidReasons = new Set<string>();
  readonly skippedReasons = new Set<string>();
  private readonly resources = new Map<string, ResourceInfo>();

  constructor(private readonly lookup: MetadataLookup) {}

  series(series: PromTimeSeries): void {
    const labels = splitLabels(series.labels);
    if (typeof labels === 'string') {
      this.invalid += series.samples.length + series.histograms.length;
      this.note(this.invalidReasons, labels);
      return;
    }
    const resource = this.resource(labels.job, labels.instance);
    this.samples(series, labels, resource);
    this.histograms(series, labels, resource);
  }

  private samples(series: PromTimeSeries, labels: SeriesLabels, resource: ResourceInfo): void {
    const live = series.samples.filter((sample) => !sample.stale);
    this.staleMarkers += series.samples.length - live.length;
    if (series.exemplars.length > 0 && live.length === 0) {
      this.skipped += series.exemplars.length;
      this.note(this.skippedReasons, 'exemplars sent without samples of their series are not stored');
    }
    if (live.length === 0) return;
    const kind = seriesKind(labels.name, this.lookup);
    const metric = { name: labels.name, ...kind, metadata: [] };
    const exemplars = series.exemplars.length > 0 ? exemplarsBySample(live, series.exemplars) : undefined;
    for (const [index, sample] of live.entries()) {
      this.points.push({
        kind: 'number',
        metric,
        resource,
        scope: REMOTE_WRITE_SCOPE,
        attributes: labels.attributes,
        startTimeUnixNano: 0n,
        timeUnixNano: sample.timestampMs * NS_PER_MS,
        flags: 0,
        value: { kind: 'double', value: sample.value },
        exemplars: exemplars?.get(index) ?? [],
      });
    }
  }

  private histograms(series: PromTimeSeries, labels: SeriesLabels, resource: ResourceInfo): void {
    if (series.histograms.length === 0) return;
    const family = this.lookup(labels.name);
    const metric = {
      name: labels.name,
      description: family?.help ?? '',
      unit: family?.unit ?? '',
      type: 'exponential_histogram',
      temporality: AggregationTemporality.CUMULATIVE,
      isMonotonic: false,
      metadata: [],
    } as const;
    for (const histogram of series.histograms) {
      const converted = nativeToExponential(histogram);
      if (!converted.ok) {
        this.skipped += 1;
        this.note(this.skippedReasons, `native histogram ${labels.name}: ${converted.reason}`);
        continue;
      }
      this.points.push({
        kind: 'exponential_histogram',
        metric,
        resource,
        scope: REMOTE_WRITE_SCOPE,
        attributes: labels.attributes,
        startTimeUnixNano: 0n,
        timeUnixNano: histogram.timestampMs * NS_PER_MS,
        flags: 0,
        ...converted.fields,
        min: undefined,
        max: undefined,
        exemplars: [],
      });
    }
  }

  /** The resource of a job/instance pair, shared by all its points. */
  private resource(job: string | undefined, instance: string | undefined): ResourceInfo {
    const key = JSON.stringify([job ?? null, instance ?? null]);
    let resource = this.resources.get(key);
    if (resource === undefined) {
      const attributes: KeyValue[] = [];
      if (job !== undefined) attributes.push(stringValue('service.name', job));
      if (instance !== undefined) attributes.push(stringValue('service.instance.id', instance));
      resource = { attributes, droppedAttributesCount: 0, schemaUrl: '' };
      this.resources.set(key, resource);
    }
    return resource;
  }

  private note(reasons: Set<string>, reason: string): void {
    if (reasons.size < MAX_REASONS) reasons.add(reason);
  }
}

/**
 * Remote-write series as metric points: `__name__` is the metric name, every other label a point
 * attribute; `job` and `instance` also name the resource (`service.name`, `service.instance.id`),
 * as the scrape receiver does. Staleness markers are skipped; timestamps go from ms to ns.
 */
export function mapWriteRequest(request: PromWriteRequest, lookup: MetadataLookup): MappedRequest {
  const mapper = new RequestMapper(lookup);
  for (const series of request.timeseries) mapper.series(series);
  return {
    points: mapper.points,
    invalid: mapper.invalid,
    invalidReasons: [...mapper.invalidReasons],
    skipped: mapper.skipped,
    skippedReasons: [...mapper.skippedReasons],
    staleMarkers: mapper.staleMarkers,
  };
}
