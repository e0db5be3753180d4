/**
 * The three OTLP transports of the OpenTelemetry JS SDK (gRPC, HTTP protobuf, HTTP JSON) as
 * exporter factories, so one end-to-end test body can run over each of them.
 */
import { diag, DiagLogLevel } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPLogExporter as GrpcLogExporter } from '@opentelemetry/exporter-logs-otlp-grpc';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPMetricExporter as GrpcMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import {
  AggregationTemporalityPreference,
  OTLPMetricExporter as JsonMetricExporter,
  type OTLPMetricExporterBase,
} from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface ServerPorts {
  readonly grpc: number;
  readonly http: number;
}

export type MetricTemporality = 'cumulative' | 'delta';

export interface SdkTransport {
  /** The protocol as OTEL_EXPORTER_OTLP_PROTOCOL names it. */
  readonly protocol: 'grpc' | 'http/protobuf' | 'http/json';
  /** A short id for service and metric names. */
  readonly id: 'grpc' | 'proto' | 'json';
  /** `gzip`: compress requests (both receivers accept gzip). */
  traceExporter(ports: ServerPorts, gzip?: boolean): SpanExporter;
  logExporter(ports: ServerPorts): LogRecordExporter;
  metricExporter(ports: ServerPorts, temporality: MetricTemporality): OTLPMetricExporterBase;
}

function preference(temporality: MetricTemporality): AggregationTemporalityPreference {
  return temporality === 'delta' ? AggregationTemporalityPreference.DELTA : AggregationTemporalityPreference.CUMULATIVE;
}

type Compression = NonNullable<NonNullable<ConstructorParameters<typeof ProtoTraceExporter>[0]>['compression']>;
const compression = (gzip = false): { compression: Compression } => ({ compression: (gzip ? 'gzip' : 'none') as Compression });

const grpcUrl = (ports: ServerPorts): string => `http://127.0.0.1:${ports.grpc}`;
const httpUrl = (ports: ServerPorts, signal: 'traces' | 'logs' | 'metrics'): string => `http://127.0.0.1:${ports.http}/v1/${signal}`;

export const SDK_TRANSPORTS: readonly SdkTransport[] = [
  {
    protocol: 'grpc',
    id: 'grpc',
    traceExporter: (ports, gzip) => new GrpcTraceExporter({ url: grpcUrl(ports), ...compression(gzip) }),
    logExporter: (ports) => new GrpcLogExporter({ url: grpcUrl(ports) }),
    metricExporter: (ports, temporality) => new GrpcMetricExporter({ url: grpcUrl(ports), temporalityPreference: preference(temporality) }),
  },
  {
    protocol: 'http/protobuf',
    id: 'proto',
    traceExporter: (ports, gzip) => new ProtoTraceExporter({ url: httpUrl(ports, 'traces'), ...compression(gzip) }),
    logExporter: (ports) => new ProtoLogExporter({ url: httpUrl(ports, 'logs') }),
    metricExporter: (ports, temporality) => new ProtoMetricExporter({ url: httpUrl(ports, 'metrics'), temporalityPreference: preference(temporality) }),
  },
  {
    protocol: 'http/json',
    id: 'json',
    traceExporter: (ports, gzip) => new JsonTraceExporter({ url: httpUrl(ports, 'traces'), ...compression(gzip) }),
    logExporter: (ports) => new JsonLogExporter({ url: httpUrl(ports, 'logs') }),
    metricExporter: (ports, temporality) => new JsonMetricExporter({ url: httpUrl(ports, 'metrics'), temporalityPreference: preference(temporality) }),
  },
];

interface CallbackExporter<T> {
  export(items: T, resultCallback: (result: ExportResult) => void): void;
}

/** Exports through a real OTLP exporter, as the SDK's processors and readers do; resolves with its result. */
export function exportThrough<T>(exporter: CallbackExporter<T>, items: T): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(items, resolve));
}

/** The result as text for assertion messages ("SUCCESS" or "FAILED: why"). */
export function describeResult(result: ExportResult): string {
  return result.code === ExportResultCode.SUCCESS ? 'SUCCESS' : `FAILED: ${result.error?.message ?? 'no error'}`;
}

/**
 * Records what the SDK reports through its diagnostic logger at WARN and above. The exporters
 * answer SUCCESS even when the server reports a partial success; they only log it there.
 */
export function captureSdkWarnings(): { readonly messages: string[]; stop(): void } {
  const messages: string[] = [];
  const record = (message: string, ...args: unknown[]): void => {
    messages.push([message, ...args.map((arg) => (arg instanceof Error ? arg.message : JSON.stringify(arg)))].join(' '));
  };
  diag.setLogger({ error: record, warn: record, info: () => {}, debug: () => {}, verbose: () => {} }, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  return { messages, stop: () => diag.disable() };
}
