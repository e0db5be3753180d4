/**
 * Start times of cumulative series (counters, histograms, summaries) that expose no `_created`: the
 * time this scraper first saw the series, moved to the previous scrape's time when the value drops
 * (the process restarted in between). Series missing from a scrape are forgotten at `commit()`.
 */
export class CumulativeStarts {
  private previous = new Map<string, { start: bigint; value: number; time: bigint }>();
  private next = new Map<string, { start: bigint; value: number; time: bigint }>();

  startOf(key: string, value: number, timeNs: bigint): bigint {
    const prior = this.next.get(key) ?? this.previous.get(key);
    let start = prior?.start ?? timeNs;
    if (prior !== undefined && value < prior.value) start = prior.time < timeNs ? prior.time : timeNs;
    this.next.set(key, { start, value, time: timeNs });
    return start;
  }

  /** Ends one scrape: only the series it saw are remembered. */
  commit(): void {
    this.previous = this.next;
    this.next = new Map();
  }

  get size(): number {
    return this.previous.size;
  }
}
