import type { CatalogSignal } from '@sightline/contract';
import { identifier, param, sql, trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { inRange, type TimeRange } from '../time-range.ts';

/** The table holding a signal's records (both carry `service_name` and the attribute maps). */
export function signalTable(signal: CatalogSignal): string {
  return signal === 'traces' ? 'spans' : 'logs';
}

/** Services with spans (or log records) in the range, sorted; records without a service name are left out. */
export async function listServices(store: Store, limits: ReadLimits, signal: CatalogSignal, range: TimeRange): Promise<string[]> {
  const rows = await store.query<{ service: string }>(
    sql`SELECT DISTINCT service_name AS service FROM ${identifier(signalTable(signal))}
        WHERE ${inRange(sql`timestamp`, range)} AND service_name != ''
        ORDER BY service LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => row.service);
}

/** Span names in the range (of one service, when named), sorted. */
export async function listOperations(store: Store, limits: ReadLimits, range: TimeRange, service?: string): Promise<string[]> {
  const ofService = service === undefined ? trustedSql('1') : sql`service_name = ${service}`;
  const rows = await store.query<{ operation: string }>(
    sql`SELECT DISTINCT name AS operation FROM spans
        WHERE ${ofService} AND ${inRange(sql`timestamp`, range)}
        ORDER BY operation LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => row.operation);
}
