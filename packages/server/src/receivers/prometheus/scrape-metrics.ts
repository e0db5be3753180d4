import { Counter, type Registry } from 'prom-client';

/** The scraper's own counters (self-monitoring). */
export interface ScrapeMetrics {
  /** Scrapes whose points the store refused (e.g. INGEST_OVERLOADED): those points are not stored. */
  readonly writeFailures: Counter<'job'>;
  /** Points that could not be stored, by job. */
  readonly pointsNotStored: Counter<'job'>;
}

export function createScrapeMetrics(registry: Registry): ScrapeMetrics {
  return {
    writeFailures: new Counter({
      name: 'sightline_scrape_write_failures_total',
      help: 'Prometheus scrapes whose points the store refused (overloaded or failed); those points were not stored.',
      labelNames: ['job'],
      registers: [registry],
    }),
    pointsNotStored: new Counter({
      name: 'sightline_scrape_points_not_stored_total',
      help: 'Points of Prometheus scrapes that were not stored because the store refused the write.',
      labelNames: ['job'],
      registers: [registry],
    }),
  };
}
