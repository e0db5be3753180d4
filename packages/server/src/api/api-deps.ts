import type { ServerInfoResponse, StorageDiskStatus } from '@sightline/contract';
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
  /** The Prometheus scrape manager's targets; without it the target list shows runtime targets with unknown health. */
  readonly scrapeTargets?: ScrapeTargetsControl;
  /** The disk monitor (selfmon/disk): volume and watermark for `/api/v1/admin/storage` and `/readyz`; without it only table sizes and the store are reported. */
  readonly disk?: { status(): StorageDiskStatus };
}

/** One scrape target and its last scrape, as the Prometheus scrape manager reports it. */
export interface ScrapeTargetStatus {
  readonly id: string;
  readonly source: 'config' | 'api';
  readonly job: string;
  readonly url: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly intervalSeconds: number;
  readonly health: 'up' | 'down' | 'unknown';
  readonly lastScrapeMs: number | null;
  readonly lastDurationMs: number | null;
  readonly lastError: string | null;
  readonly samples: number | null;
}

/** What the target routes need from the scrape manager (implemented by receivers/prometheus). */
export interface ScrapeTargetsControl {
  health(): readonly ScrapeTargetStatus[];
  /** Re-reads the runtime targets from the store; resolves once the scrapers match them. */
  changed(): Promise<void>;
}

export interface TailTiming {
  /** Pause between the end of one poll for new records and the start of the next. */
  readonly pollMs: number;
  /** Interval of `: keepalive` comments, so proxies keep an idle stream open. */
  readonly keepaliveMs: number;
}
