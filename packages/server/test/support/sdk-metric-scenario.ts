/**
 * Metrics made by the real SDK for the end-to-end metric tests: every instrument the SDK has
 * (counter, up-down counter, gauge, explicit and exponential histograms), collected twice by
 * manual readers and pushed through real exporters with cumulative and delta temporality.
 */
import { ValueType, type Attributes } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { OTLPMetricExporterBase } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationType, MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { setTimeout as sleep } from 'node:timers/promises';
import { exportThrough } from './sdk-transports.ts';

const BETWEEN_GAP_MS = 60;

/** A reader that collects only when asked, as a PeriodicExportingMetricReader does on each tick. */
class ManualReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export const LATENCY_BOUNDS = [5, 10, 25, 100];
/** Observations of the explicit-bucket histograms (both phases together): buckets [1, 3, 0, 1, 1]. */
export const LATENCY_VALUES = [1, 7, 7, 30, 250, 8];
/**
 * Observations of the exponential histogram: zero, 1..100 and, last, 100 000 (which makes the SDK
 * lower the scale between the two collections). The SDK's histogram instrument drops negative
 * values, so no negative bucket can be produced through it.
 */
export const PAYLOAD_VALUES = [0, ...Array.from({ length: 100 }, (_, i) => i + 1), 100_000];

export interface MetricNames {
  readonly requests: string;
  readonly requestsDelta: string;
  readonly active: string;
  readonly temperature: string;
  readonly latency: string;
  readonly latencyDelta: string;
  readonly payload: string;
  readonly payloadDelta: string;
}

export function metricNames(prefix: string): MetricNames {
  return {
    requests: `${prefix}.http.server.requests`,
    requestsDelta: `${prefix}.http.server.requests.delta`,
    active: `${prefix}.http.server.active_requests`,
    temperature: `${prefix}.cpu.temperature`,
    latency: `${prefix}.http.server.duration`,
    latencyDelta: `${prefix}.http.server.duration.delta`,
    payload: `${prefix}.rpc.payload.size`,
    payloadDelta: `${prefix}.rpc.payload.size.delta`,
  };
}

export function metricResourceAttributes(service: string): Attributes {
  return { 'service.name': service, 'service.version': '2.3.1', 'host.name': 'e2e-host', 'host.cores': 8 };
}

export interface MetricRun {
  /** The result of every export, in order. */
  readonly results: ExportResult[];
  /** What the readers collected and the exporters sent. */
  readonly collected: ResourceMetrics[];
  /** Unix ms well after the first collection's points and well before the second's. */
  readonly betweenMs: number;
}

/**
 * Records in two phases with a collect-and-export after each, through a cumulative exporter (every
 * instrument) and a delta exporter (a counter and both kinds of histogram).
 */
export async function runMetricScenario(service: string, names: MetricNames, cumulativeExporter: OTLPMetricExporterBase, deltaExporter: OTLPMetricExporterBase): Promise<MetricRun> {
  const resource = resourceFromAttributes(metricResourceAttributes(service));
  const reader = (exporter: OTLPMetricExporterBase): ManualReader =>
    new ManualReader({ aggregationTemporalitySelector: (type) => exporter.selectAggregationTemporality(type) });
  const cumulativeReader = reader(cumulativeExporter);
  const deltaReader = reader(deltaExporter);
  const cumulative = new MeterProvider({
    resource,
    readers: [cumulativeReader],
    views: [{ instrumentName: names.payload, aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
  }).getMeter('@shop/metrics', '1.0.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.21.0' });
  const delta = new MeterProvider({
    resource,
    readers: [deltaReader],
    views: [{ instrumentName: names.payloadDelta, aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
  }).getMeter('@shop/metrics-delta', '1.0.0');

  const requests = cumulative.createCounter(names.requests, { description: 'Requests served', unit: '{request}', valueType: ValueType.INT });
  const requestsDelta = delta.createCounter(names.requestsDelta, { description: 'Requests served (delta)', unit: '{request}', valueType: ValueType.INT });
  const active = cumulative.createUpDownCounter(names.active, { description: 'Requests in flight', unit: '{request}', valueType: ValueType.INT });
  const temperature = cumulative.createGauge(names.temperature, { description: 'CPU temperature', unit: 'Cel' });
  const histogram = { unit: 'ms', description: 'Request duration', advice: { explicitBucketBoundaries: LATENCY_BOUNDS } };
  const latency = cumulative.createHistogram(names.latency, histogram);
  const latencyDelta = delta.createHistogram(names.latencyDelta, histogram);
  const payload = cumulative.createHistogram(names.payload, { unit: 'By', description: 'Payload size' });
  const payloadDelta = delta.createHistogram(names.payloadDelta, { unit: 'By', description: 'Payload size' });

  const results: ExportResult[] = [];
  const collected: ResourceMetrics[] = [];
  const flush = async (): Promise<void> => {
    for (const [metricReader, exporter] of [[cumulativeReader, cumulativeExporter], [deltaReader, deltaExporter]] as const) {
      const { resourceMetrics, errors } = await metricReader.collect();
      if (errors.length > 0) throw new Error(`collect failed: ${errors.map(String).join('; ')}`);
      collected.push(resourceMetrics);
      results.push(await exportThrough(exporter, resourceMetrics));
    }
  };

  const checkout = { 'http.route': '/checkout' };
  const cart = { 'http.route': '/cart' };
  requests.add(3, checkout);
  requests.add(1, cart);
  requestsDelta.add(3, checkout);
  active.add(5);
  active.add(-7);
  temperature.record(71.5, { cpu: 0 });
  temperature.record(65.25, { cpu: 1 });
  for (const value of LATENCY_VALUES.slice(0, 5)) latency.record(value, checkout);
  for (const value of LATENCY_VALUES.slice(0, 2)) latencyDelta.record(value, checkout);
  for (const value of PAYLOAD_VALUES.slice(0, 52)) {
    payload.record(value);
    payloadDelta.record(value);
  }
  await flush();
  // Clear of both collections' point times (the SDK's clock and Date.now() may differ by a little).
  await sleep(BETWEEN_GAP_MS);
  const betweenMs = Date.now();
  await sleep(BETWEEN_GAP_MS);

  requests.add(5, checkout);
  requestsDelta.add(4, checkout);
  requestsDelta.add(2, cart);
  active.add(10);
  temperature.record(80.125, { cpu: 0 });
  latency.record(LATENCY_VALUES[5]!, checkout);
  for (const value of LATENCY_VALUES.slice(2)) latencyDelta.record(value, checkout);
  for (const value of PAYLOAD_VALUES.slice(52)) {
    payload.record(value);
    payloadDelta.record(value);
  }
  await flush();
  return { results, collected, betweenMs };
}

export interface SummaryPointSpec {
  readonly timeUnixNano: bigint;
  readonly count: number;
  readonly sum: number;
  /** quantile → value */
  readonly quantiles: readonly (readonly [number, number])[];
}

/**
 * An OTLP/JSON ExportMetricsServiceRequest with one Summary metric, written by hand: the JS SDK has
 * no instrument that produces Summary points (only bridges from Prometheus or Dropwizard do).
 */
export function summaryRequestJson(service: string, name: string, startTimeUnixNano: bigint, points: readonly SummaryPointSpec[]): string {
  return JSON.stringify({
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }, { key: 'host.cores', value: { intValue: '8' } }] },
        scopeMetrics: [
          {
            scope: { name: 'prometheus-bridge', version: '0.9.0' },
            metrics: [
              {
                name,
                description: 'RPC latency quantiles from a Prometheus summary',
                unit: 's',
                summary: {
                  dataPoints: points.map((point) => ({
                    attributes: [{ key: 'rpc.method', value: { stringValue: 'GetOrder' } }],
                    startTimeUnixNano: startTimeUnixNano.toString(),
                    timeUnixNano: point.timeUnixNano.toString(),
                    count: String(point.count),
                    sum: point.sum,
                    quantileValues: point.quantiles.map(([quantile, value]) => ({ quantile, value })),
                  })),
                },
              },
            ],
          },
        ],
      },
    ],
  });
}
