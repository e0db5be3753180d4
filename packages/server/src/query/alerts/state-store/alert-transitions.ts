import { alertTransitionSchema, type AlertTransition } from '@sightline/contract';
import { param, sql, type SqlFragment } from '../../../storage/sql.ts';
import type { Store } from '../../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../../read-limits.ts';

/**
 * The history of alert instances: state transitions appended to `alert_transitions` (expiring with the
 * metrics), read newest first.
 */

export interface TransitionQuery {
  /** `[startMs, endMs)`, unix milliseconds. */
  readonly startMs: number;
  readonly endMs: number;
  readonly ruleId?: string;
  readonly limit: number;
}

interface Row {
  readonly at_ms: string | number;
  readonly rule_id: string;
  readonly fingerprint: string;
  readonly labels: Record<string, string>;
  readonly from_state: string;
  readonly to_state: string;
  readonly reason: string;
  readonly severity: string;
  readonly value: number | null;
}

/** Appends transitions in one insert: each travels as a JSON string, taken apart by the engine. */
export async function appendTransitions(store: Store, transitions: readonly AlertTransition[]): Promise<void> {
  if (transitions.length === 0) return;
  const rows = transitions.map((transition) => JSON.stringify({ ...transition, severity: transition.severity ?? '' }));
  await store.command(sql`
    INSERT INTO alert_transitions (at, rule_id, fingerprint, labels, from_state, to_state, reason, severity, value)
    SELECT fromUnixTimestamp64Milli(JSONExtract(j, 'atMs', 'Int64')), JSONExtractString(j, 'ruleId'), JSONExtractString(j, 'fingerprint'),
           JSONExtract(j, 'labels', 'Map(String, String)'), JSONExtractString(j, 'from'), JSONExtractString(j, 'to'),
           JSONExtractString(j, 'reason'), JSONExtractString(j, 'severity'), JSONExtract(j, 'value', 'Nullable(Float64)')
    FROM (SELECT arrayJoin(${param('Array(String)', rows)}) AS j)`);
}

function toTransition(row: Row): AlertTransition | undefined {
  const parsed = alertTransitionSchema.safeParse({
    ruleId: row.rule_id,
    fingerprint: row.fingerprint,
    labels: row.labels,
    from: row.from_state,
    to: row.to_state,
    reason: row.reason,
    severity: row.severity === '' ? null : row.severity,
    value: row.value === null ? null : Number(row.value),
    atMs: Number(row.at_ms),
  });
  return parsed.success ? parsed.data : undefined;
}

/** Transitions in a time range (of one rule, or all), newest first, at most `limit`. */
export async function readTransitions(store: Store, limits: ReadLimits, query: TransitionQuery): Promise<AlertTransition[]> {
  const start = param('Int64', Math.floor(query.startMs));
  const end = param('Int64', Math.ceil(query.endMs));
  const byRule: SqlFragment = query.ruleId === undefined ? sql`` : sql` AND rule_id = ${query.ruleId}`;
  const rows = await store.query<Row>(
    sql`SELECT toUnixTimestamp64Milli(at) AS at_ms, rule_id, fingerprint, labels, from_state, to_state, reason, severity, value
        FROM alert_transitions
        WHERE at >= fromUnixTimestamp64Milli(${start}) AND at < fromUnixTimestamp64Milli(${end})${byRule}
        ORDER BY at DESC, rule_id, fingerprint
        LIMIT ${param('UInt32', Math.max(1, Math.floor(query.limit)))}`,
    storeLimits(limits),
  );
  return rows.map(toTransition).filter((transition) => transition !== undefined);
}
