import { isAppError } from '../../errors.ts';
import type { RowSink } from '../../pipeline/row-sink.ts';
import type { MetricPoint } from '../../signals/metric-point.ts';
import { ExpositionParseError, type MetricFamily } from './exposition-types.ts';
import { fetchExposition } from './fetch-exposition.ts';
import { formatOf, parseExposition } from './parse-exposition.ts';
import { labelFamilies } from './sample-labels.ts';
import { familiesToPoints } from './scrape-mapping.ts';
import type { ScrapeMetrics } from './scrape-metrics.ts';
import type { ActiveTarget } from './scrape-targets.ts';

/** One target as the health list shows it (the API's target list is built from these). */
export interface ScrapeTargetHealth {
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
  /** Samples stored by the last scrape (after metric_relabel_configs). */
  readonly samples: number | null;
}

export interface ScraperDeps {
  readonly sink: RowSink;
  readonly metrics: ScrapeMetrics;
  readonly now: () => number;
}

const REPORT_HELP: Readonly<Record<string, string>> = {
  up: '1 if the target was scraped successfully, 0 otherwise.',
  scrape_duration_seconds: 'Duration of the scrape.',
  scrape_samples_scraped: 'Samples the target exposed.',
  scrape_samples_post_metric_relabeling: 'Samples left after metric_relabel_configs.',
};

/** The `up` & co. gauges Prometheus writes for every scrape, with the target's labels. */
function reportFamilies(target: ActiveTarget, values: Readonly<Record<keyof typeof REPORT_HELP, number>>): MetricFamily[] {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type: 'gauge',
    help: REPORT_HELP[name] ?? '',
    unit: name === 'scrape_duration_seconds' ? 's' : '',
    samples: [{ name, labels: target.labels, value, timestampMs: undefined, exemplar: undefined, line: 0 }],
  }));
}

/** Scrapes one target on its interval, writes the points through the RowSink and keeps its health. */
export class TargetScraper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private state: Pick<ScrapeTargetHealth, 'health' | 'lastScrapeMs' | 'lastDurationMs' | 'lastError' | 'samples'> = {
    health: 'unknown',
    lastScrapeMs: null,
    lastDurationMs: null,
    lastError: null,
    samples: null,
  };

  constructor(
    readonly target: ActiveTarget,
    private readonly deps: ScraperDeps,
  ) {}

  health(): ScrapeTargetHealth {
    const { target } = this;
    return {
      id: target.id,
      source: target.source,
      job: target.job,
      url: target.url,
      labels: Object.fromEntries(target.labels),
      intervalSeconds: target.intervalMs / 1000,
      ...this.state,
    };
  }

  /** Starts scraping after `offsetMs`, then every interval (ticks that find a scrape running are skipped). */
  start(offsetMs: number): void {
    let next = this.deps.now() + offsetMs;
    const tick = () => {
      if (this.stopped) return;
      if (this.running === undefined) void this.scrape();
      const now = this.deps.now();
      while (next <= now) next += this.target.intervalMs;
      this.timer = setTimeout(tick, next - now);
    };
    this.timer = setTimeout(tick, offsetMs);
  }

  /** Stops the schedule and waits for a scrape in flight (bounded by the scrape timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One scrape now; resolves when its points are stored or refused. Never rejects. */
  scrape(): Promise<void> {
    if (this.running !== undefined) return this.running;
    this.running = this.scrapeOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async scrapeOnce(): Promise<void> {
    const { target, deps } = this;
    const startedMs = deps.now();
    const timeNs = BigInt(startedMs) * 1_000_000n;
    let points: MetricPoint[] = [];
    let scraped = 0;
    let kept = 0;
    let error: string | null = null;
    try {
      const fetched = await fetchExposition(target);
      const parsed = parseExposition(fetched.text, formatOf(fetched.contentType));
      scraped = parsed.families.reduce((total, family) => total + family.samples.length, 0);
      const labeled = labelFamilies(parsed.families, target.labels, target.honorLabels, target.metricRelabel);
      kept = labeled.samples;
      points = familiesToPoints(labeled.families, { timeNs, scheme: target.scheme }).points;
    } catch (failure) {
      error = failure instanceof ExpositionParseError ? `parse error: ${failure.message}` : failure instanceof Error ? failure.message : String(failure);
      points = [];
      scraped = 0;
      kept = 0;
    }
    const up = error === null;
    const durationMs = deps.now() - startedMs;
    const report = reportFamilies(target, {
      up: up ? 1 : 0,
      scrape_duration_seconds: durationMs / 1000,
      scrape_samples_scraped: scraped,
      scrape_samples_post_metric_relabeling: kept,
    });
    // The report is never relabeled and needs no start times.
    points.push(...familiesToPoints(report, { timeNs, scheme: target.scheme }).points);
    try {
      await deps.sink.write('metrics', 'prometheus_scrape', points);
    } catch (failure) {
      deps.metrics.writeFailures.inc({ job: target.job });
      deps.metrics.pointsNotStored.inc({ job: target.job }, points.length);
      const reason = isAppError(failure) ? `${failure.code}: ${failure.message}` : failure instanceof Error ? failure.message : String(failure);
      error = `${error === null ? '' : `${error}; `}the store refused the scrape's ${points.length} points (${reason})`;
    }
    this.state = { health: up ? 'up' : 'down', lastScrapeMs: startedMs, lastDurationMs: durationMs, lastError: error, samples: kept };
  }
}
