/**
 * Remembers which series were written lately so each batch does not write every series again.
 * A series is rewritten once per `refreshMs` to move its `last_seen` (which drives its TTL).
 * Bounded: past `capacity` the oldest entries are forgotten (they are simply written again).
 */
export class SeenSeries {
  private readonly writtenAt = new Map<bigint, number>();

  constructor(
    private readonly capacity = 200_000,
    private readonly refreshMs = 60 * 60 * 1000,
  ) {}

  shouldWrite(fingerprint: bigint, nowMs: number): boolean {
    const last = this.writtenAt.get(fingerprint);
    if (last !== undefined && nowMs - last < this.refreshMs) return false;
    this.writtenAt.delete(fingerprint);
    this.writtenAt.set(fingerprint, nowMs);
    if (this.writtenAt.size > this.capacity) {
      const oldest = this.writtenAt.keys().next();
      if (oldest.done !== true) this.writtenAt.delete(oldest.value);
    }
    return true;
  }

  clear(): void {
    this.writtenAt.clear();
  }
}
