import { MAX_TAIL_MESSAGE_LOGS, type LogRecord } from '@sightline/contract';
import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { allOf } from '../attribute-filters.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { logFilterConditions, type LogFilters } from './log-filters.ts';
import { decodeLog, LOG_ROW_HASH, selectLogColumns, type LogDbRow } from './log-row.ts';

/**
 * How far behind the newest ingestion time seen each poll looks again: a batch's `ingested_at` is
 * set when its insert starts, and it becomes visible only when the insert commits, possibly after a
 * later batch. Records seen already are recognised by id.
 */
export const TAIL_OVERLAP_MS = 5_000;

export interface TailBatch {
  /** New matching records, oldest first (by timestamp, then id). */
  readonly logs: LogRecord[];
  /** More new records matched than one batch carries; the most recently ingested were kept, the rest dropped. */
  readonly truncated: boolean;
}

interface TailRow extends LogDbRow {
  readonly ingested_ms: string;
}

function byTimeThenId(a: LogRecord, b: LogRecord): number {
  const [timeA, timeB] = [BigInt(a.timestampUnixNano), BigInt(b.timestampUnixNano)];
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  const [idA, idB] = [BigInt(a.id), BigInt(b.id)];
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/**
 * Follows the logs table in ingestion order for one live-tail client: each `next()` returns the
 * matching records stored since the previous call, each record once. It starts at the engine's
 * current time (no backlog).
 */
export class LogTail {
  /** Newest `ingested_at` seen (unix ms). */
  private newestMs: number;
  /** Ids already returned, with their ingestion time, for records inside the overlap window. */
  private readonly seen = new Map<string, number>();
  /** After a truncated batch, records ingested at or before this time (unix ms) are skipped, not sent late. */
  private floorMs = Number.NEGATIVE_INFINITY;

  private constructor(
    private readonly store: Store,
    private readonly limits: ReadLimits,
    private readonly filters: LogFilters,
    /** Records ingested before this time (unix ms) predate the tail. */
    private readonly openedMs: number,
  ) {
    this.newestMs = openedMs;
  }

  static async open(store: Store, limits: ReadLimits, filters: LogFilters): Promise<LogTail> {
    const [row] = await store.query<{ now_ms: string }>(sql`SELECT toString(toUnixTimestamp64Milli(now64(3))) AS now_ms`, storeLimits(limits));
    return new LogTail(store, limits, filters, Number(row?.now_ms ?? Date.now()));
  }

  /** The lowest ingestion time (unix ms, inclusive) the next poll reads. */
  private lowerBoundMs(): number {
    return Math.max(this.openedMs, this.newestMs - TAIL_OVERLAP_MS, this.floorMs + 1);
  }

  async next(): Promise<TailBatch> {
    const fromMs = this.lowerBoundMs();
    for (const [id, ms] of this.seen) if (ms < fromMs) this.seen.delete(id);
    const conditions = [sql`ingested_at >= fromUnixTimestamp64Milli(${param('Int64', fromMs)})`, ...logFilterConditions(this.filters)];
    // Newest first, enough to hold every record already seen in the window plus one message and one more.
    const limit = this.seen.size + MAX_TAIL_MESSAGE_LOGS + 1;
    const rows = await this.store.query<TailRow>(
      sql`SELECT ${selectLogColumns()}, toString(toUnixTimestamp64Milli(ingested_at)) AS ingested_ms
          FROM logs
          WHERE ${allOf(conditions)}
          ORDER BY ingested_at DESC, timestamp DESC, ${LOG_ROW_HASH} DESC
          LIMIT ${param('UInt32', limit)}`,
      storeLimits(this.limits),
    );
    const fresh: TailRow[] = [];
    for (const row of rows) {
      const ms = Number(row.ingested_ms);
      if (ms > this.newestMs) this.newestMs = ms;
      if (this.seen.has(row.row_hash)) continue;
      fresh.push(row);
    }
    for (const row of fresh) this.seen.set(row.row_hash, Number(row.ingested_ms));
    const kept = fresh.slice(0, MAX_TAIL_MESSAGE_LOGS);
    // More matched than one message holds (or than the query returned): the rest are dropped, not
    // sent later, since a tail shows what arrives now. Later polls start after the newest record.
    const truncated = fresh.length > kept.length || rows.length === limit;
    if (truncated) this.floorMs = this.newestMs;
    return { logs: kept.map(decodeLog).sort(byTimeThenId), truncated };
  }
}
