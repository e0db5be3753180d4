import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { SignalName } from '../signals/decoded.ts';

export type IngestProtocol =
  | 'grpc'
  | 'http_protobuf'
  | 'http_json'
  /** Receivers that build rows themselves (see pipeline/row-sink.ts). */
  | 'prometheus_scrape'
  | 'prometheus_remote_write'
  | 'host_metrics'
  | 'syslog'
  | 'file_log'
  /** Sightline's own metrics and logs (selfmon/). */
  | 'self_monitoring';

/**
 * Outcome of one export request: stored whole, stored with some items refused as invalid,
 * refused under load (the sender retries), failed in the store (the sender retries), or rejected
 * as malformed / too large / of an unsupported type (not retried).
 */
export type RequestOutcome =
  | 'accepted'
  | 'partial'
  | 'overloaded'
  | 'store_failed'
  | 'malformed'
  | 'too_large'
  | 'unsupported'
  /** Refused for a missing or invalid ingest key (otlp.auth.required). */
  | 'unauthenticated';

/** The ingest path's own metrics: every request and item is counted by outcome; nothing is dropped unseen. */
export class IngestMetrics {
  readonly requests: Counter<'signal' | 'protocol' | 'outcome'>;
  readonly itemsAccepted: Counter<'signal' | 'protocol'>;
  readonly itemsRejected: Counter<'signal' | 'protocol'>;
  readonly pendingBytes: Gauge;
  readonly insertRows: Counter<'table'>;
  readonly insertBatches: Counter<'table' | 'outcome'>;
  readonly insertSeconds: Histogram<'table'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.requests = new Counter({
      name: 'sightline_ingest_requests_total',
      help: 'OTLP export requests by signal, protocol and outcome.',
      labelNames: ['signal', 'protocol', 'outcome'],
      registers,
    });
    this.itemsAccepted = new Counter({
      name: 'sightline_ingest_items_accepted_total',
      help: 'Spans, log records and metric points stored and acknowledged.',
      labelNames: ['signal', 'protocol'],
      registers,
    });
    this.itemsRejected = new Counter({
      name: 'sightline_ingest_items_rejected_total',
      help: 'Items refused as invalid inside otherwise accepted requests (OTLP partial success).',
      labelNames: ['signal', 'protocol'],
      registers,
    });
    this.pendingBytes = new Gauge({
      name: 'sightline_pipeline_pending_bytes',
      help: 'Bytes of telemetry admitted and not yet committed to the store.',
      registers,
    });
    this.insertRows = new Counter({ name: 'sightline_store_insert_rows_total', help: 'Rows committed per table.', labelNames: ['table'], registers });
    this.insertBatches = new Counter({
      name: 'sightline_store_insert_batches_total',
      help: 'Insert batches per table and outcome.',
      labelNames: ['table', 'outcome'],
      registers,
    });
    this.insertSeconds = new Histogram({
      name: 'sightline_store_insert_duration_seconds',
      help: 'Time to commit one insert batch.',
      labelNames: ['table'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }

  countRequest(signal: SignalName, protocol: IngestProtocol, outcome: RequestOutcome, accepted = 0, rejected = 0): void {
    this.requests.inc({ signal, protocol, outcome });
    if (accepted > 0) this.itemsAccepted.inc({ signal, protocol }, accepted);
    if (rejected > 0) this.itemsRejected.inc({ signal, protocol }, rejected);
  }
}
