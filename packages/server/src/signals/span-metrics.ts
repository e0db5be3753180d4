/**
 * Span metrics ("RED") pre-aggregated from one export request by the decode worker, before the
 * pipeline applies cardinality caps and stores them. Plain data: it crosses the worker boundary.
 */

/** What all aggregate groups count. Durations in nanoseconds. */
export interface LatencyStats {
  calls: number;
  errors: number;
  durationSumNs: number;
  durationMinNs: number;
  durationMaxNs: number;
  /** Bucket index (see latency-buckets.ts) → spans in it. */
  readonly latency: Map<number, number>;
  /** The same for the failed spans only (apdex counts them as frustrated, whatever their duration). */
  readonly errorLatency: Map<number, number>;
}

/** Spans of one service and operation in one minute. */
export interface SpanMetricGroup extends LatencyStats {
  /** Start of the minute the spans started in, unix seconds. */
  readonly minute: number;
  readonly service: string;
  /** The span name, normalized when it carries ids (e.g. `GET /users/{id}`). */
  readonly operation: string;
  readonly spanKind: number;
  /** Root spans and spans whose parent is in another service (or remote): the service's requests. */
  readonly isEntry: boolean;
  /** `deployment.environment.name` (or the older `deployment.environment`) of the resource; '' if none. */
  readonly environment: string;
}

export type DependencyType = 'db' | 'external' | 'messaging';

/** Calls one service made to a database, another host, or a messaging system, in one minute. */
export interface DependencyGroup extends LatencyStats {
  readonly minute: number;
  readonly service: string;
  readonly environment: string;
  readonly dependencyType: DependencyType;
  /** db: `db.system.name`; messaging: `messaging.system`; external: `http`, `grpc`, … (rpc.system) */
  readonly system: string;
  /** db: the database (namespace); messaging: the destination; external: host[:port] or peer.service. */
  readonly target: string;
  /** db: the operation (SELECT, find, …); messaging: publish/receive/process; external: method. */
  readonly operation: string;
  readonly spanKind: number;
}

export interface SpanMetricsDigest {
  readonly spans: readonly SpanMetricGroup[];
  readonly dependencies: readonly DependencyGroup[];
}
