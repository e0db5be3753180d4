/** Bytes of telemetry held in memory between admission and commit, with a hard ceiling. */
export class PendingBudget {
  private used = 0;

  constructor(private readonly limit: number) {}

  get bytes(): number {
    return this.used;
  }

  /** Reserves `bytes` unless that would pass the limit. A lone request is always let in. */
  tryReserve(bytes: number): boolean {
    if (this.used > 0 && this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  /** Changes a reservation once its real size is known (it may pass the limit; new ones then wait). */
  resize(from: number, to: number): void {
    this.used += to - from;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}
