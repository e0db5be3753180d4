import { createHash } from 'node:crypto';
import type { RowSink } from '../../pipeline/row-sink.ts';
import type { PrometheusScrapeConfig } from './scrape-config.ts';
import type { ScrapeMetrics } from './scrape-metrics.ts';
import { activeTargets, targetSignature, type RuntimeScrapeTarget } from './scrape-targets.ts';
import { TargetScraper, type ScrapeTargetHealth } from './target-scraper.ts';

export interface ScrapeManagerOptions {
  readonly config: PrometheusScrapeConfig;
  readonly sink: RowSink;
  readonly metrics: ScrapeMetrics;
  /** Targets added at runtime (e.g. read from the store); read at start and on every `changed()`. */
  readonly runtimeTargets?: () => Promise<readonly RuntimeScrapeTarget[]>;
  /** Told when reading the runtime targets failed (the previous list stays in use). */
  readonly onError?: (message: string, error: unknown) => void;
  readonly now?: () => number;
}

/** Where in its interval a target is scraped: fixed per target, so load spreads over the interval. */
function offsetOf(id: string, intervalMs: number): number {
  return createHash('sha256').update(id).digest().readUInt32LE(0) % intervalMs;
}

/**
 * Scrapes the configured and runtime Prometheus targets, each on its own interval (spread by a
 * per-target offset), into the RowSink. `changed()` re-reads the runtime targets; `stop()` waits for
 * scrapes in flight. `health()` and `changed()` are what the API's target routes need.
 */
export class PrometheusScrapeManager {
  private readonly scrapers = new Map<string, { scraper: TargetScraper; signature: string }>();
  private runtime: readonly RuntimeScrapeTarget[] = [];
  private state: 'new' | 'running' | 'stopped' = 'new';
  private reconciling: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: ScrapeManagerOptions) {
    this.now = options.now ?? Date.now;
  }

  async start(): Promise<void> {
    if (this.state !== 'new') return;
    this.state = 'running';
    await this.changed();
  }

  /** Re-reads the runtime targets and starts, restarts or stops scrapers to match. Never rejects. */
  changed(): Promise<void> {
    const next = this.reconciling
      .then(() => this.reconcile())
      .catch((error: unknown) => this.options.onError?.('updating the Prometheus scrape targets failed', error));
    this.reconciling = next;
    return next;
  }

  private async reconcile(): Promise<void> {
    if (this.state !== 'running') return;
    if (this.options.runtimeTargets !== undefined) {
      try {
        this.runtime = await this.options.runtimeTargets();
      } catch (error) {
        this.options.onError?.('reading the runtime Prometheus targets failed; keeping the previous list', error);
      }
    }
    if (this.state !== 'running') return;
    const wanted = new Map(activeTargets(this.options.config, this.runtime).map((target) => [target.id, target]));
    const stopping: Promise<void>[] = [];
    for (const [id, entry] of this.scrapers) {
      const target = wanted.get(id);
      if (target !== undefined && targetSignature(target) === entry.signature) continue;
      stopping.push(entry.scraper.stop());
      this.scrapers.delete(id);
    }
    await Promise.all(stopping);
    for (const [id, target] of wanted) {
      if (this.scrapers.has(id)) continue;
      const scraper = new TargetScraper(target, { sink: this.options.sink, metrics: this.options.metrics, now: this.now });
      this.scrapers.set(id, { scraper, signature: targetSignature(target) });
      scraper.start(offsetOf(id, target.intervalMs));
    }
  }

  /** Every target with its last scrape's outcome, config targets first, in a stable order. */
  health(): ScrapeTargetHealth[] {
    return [...this.scrapers.values()]
      .map((entry) => entry.scraper.health())
      .sort((a, b) => (a.source === b.source ? 0 : a.source === 'config' ? -1 : 1) || a.job.localeCompare(b.job) || a.url.localeCompare(b.url));
  }

  /** Scrapes every target once now (waits for scrapes already running instead); for tests and tools. */
  async scrapeAll(): Promise<void> {
    await this.reconciling;
    await Promise.all([...this.scrapers.values()].map((entry) => entry.scraper.scrape()));
  }

  /** Stops every schedule and waits for scrapes in flight. Idempotent. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    await this.reconciling;
    const scrapers = [...this.scrapers.values()];
    this.scrapers.clear();
    await Promise.all(scrapers.map((entry) => entry.scraper.stop()));
  }
}
