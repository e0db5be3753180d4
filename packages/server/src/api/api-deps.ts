import type { QueryConfig } from '../config/schema.ts';
import type { Store } from '../storage/store.ts';

export interface ApiDeps {
  readonly store: Store;
  readonly query: QueryConfig;
  /** The process's own metrics in Prometheus text format (e.g. prom-client's `registry.metrics()`). */
  readonly selfMetrics: () => string | Promise<string>;
  /** Directory of the built web UI (index.html and assets); a placeholder page without it. */
  readonly webRoot?: string;
  readonly logger?: boolean;
}
