import type {
  AlertCondition,
  AlertInstance,
  AlertPreviewGroup,
  AlertQuery,
  ChannelDefinition,
  ChannelTestResponse,
  ServerInfoResponse,
  SilenceDefinition,
  StorageDiskStatus,
} from '@sightline/contract';
import type { ApmConfig, QueryConfig } from '../config/schema.ts';
import type { ApiAuth } from './auth/auth-hook.ts';
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
  /** The alerting module (evaluator, notifiers, silences); without it the `/api/v1/alerts` routes are not served. */
  readonly alerts?: AlertsControl;
  /** Access control (config `auth.enabled`); without it nothing is enforced, as before. */
  readonly auth?: ApiAuth;
}

/** What the alert routes need from the alerting module (main.ts passes the evaluator's and notifiers' functions). */
export interface AlertsControl {
  /** The evaluator's current instances, of every rule or of one. */
  instances(ruleId?: string): readonly AlertInstance[];
  ruleStatus(ruleId: string): { readonly lastEvaluatedMs: number; readonly lastError: string };
  /** How the evaluator would judge each group of the query at `endMs` (same window and step as a real evaluation). */
  judgeGroups(query: AlertQuery, condition: AlertCondition, endMs: number): Promise<AlertPreviewGroup[]>;
  /** One test notification now; recorded in the channel's deliveries when it has an id. */
  sendTest(channel: { readonly id: string; readonly definition: ChannelDefinition }): Promise<ChannelTestResponse>;
  silenceState(definition: SilenceDefinition, nowMs: number): { readonly status: 'active' | 'scheduled' | 'expired'; readonly nextStartMs: number | null };
  /** Why a silence cannot work (e.g. an invalid regex or time zone), or undefined. */
  validateSilence(definition: SilenceDefinition): string | undefined;
  /** Tells the evaluator rules changed (evaluate a new or edited rule soon). */
  rulesChanged(ruleId: string): void;
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
