import type { ServerInfoResponse } from '@sightline/contract';
import type { ApmConfig, QueryConfig } from '../config/schema.ts';
import type { Store } from '../storage/store.ts';

export interface ApiDeps {
  readonly store: Store;
  readonly query: QueryConfig;
  /** APM settings (apdex default, service-map window, the caps shown in overflow notices). */
  readonly apm: ApmConfig;
  /** The process's own metrics in Prometheus text format (e.g. prom-client's `registry.metrics()`). */
  readonly selfMetrics: () => string | Promise<string>;
  /** Directory of the built web UI (index.html and assets); a placeholder page without it. */
  readonly webRoot?: string;
  readonly logger?: boolean;
  /** Ports and version, known once the receivers listen. */
  readonly serverInfo?: () => ServerInfoResponse;
  /** Live tail timing (tests shorten it); defaults in log-tail-route.ts. */
  readonly tail?: Partial<TailTiming>;
}

export interface TailTiming {
  /** Pause between the end of one poll for new records and the start of the next. */
  readonly pollMs: number;
  /** Interval of `: keepalive` comments, so proxies keep an idle stream open. */
  readonly keepaliveMs: number;
}
