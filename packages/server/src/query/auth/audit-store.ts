import { auditEntrySchema, type AuditEntry } from '@sightline/contract';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';

/** Append-only audit entries in `audit_log` (kept a year, see auth-tables.ts), read newest first. */

export interface AuditReadQuery {
  /** `[startMs, endMs)`, unix milliseconds. */
  readonly startMs: number;
  readonly endMs: number;
  /** Matches the actor's id or name. */
  readonly actor?: string;
  readonly action?: string;
  readonly limit: number;
}

interface Row {
  readonly at_ms: number | string;
  readonly actor_kind: string;
  readonly actor_id: string;
  readonly actor_name: string;
  readonly action: string;
  readonly target: string;
  readonly outcome: string;
  readonly client_ip: string;
  readonly details: string;
}

/** Appends entries in one insert: each travels as a JSON string, taken apart by the engine. */
async function appendAudit(store: Store, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => JSON.stringify({ ...entry, details: JSON.stringify(entry.details) }));
  await store.command(sql`
    INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, target, outcome, client_ip, details)
    SELECT fromUnixTimestamp64Milli(JSONExtract(j, 'atMs', 'Int64')), JSONExtractString(j, 'actorKind'), JSONExtractString(j, 'actorId'),
           JSONExtractString(j, 'actorName'), JSONExtractString(j, 'action'), JSONExtractString(j, 'target'), JSONExtractString(j, 'outcome'),
           JSONExtractString(j, 'clientIp'), JSONExtractString(j, 'details')
    FROM (SELECT arrayJoin(${param('Array(String)', rows)}) AS j)`);
}

function toEntry(row: Row): AuditEntry | undefined {
  let details: unknown;
  try {
    details = JSON.parse(row.details);
  } catch {
    details = {};
  }
  const parsed = auditEntrySchema.safeParse({
    atMs: Number(row.at_ms),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    clientIp: row.client_ip,
    details,
  });
  return parsed.success ? parsed.data : undefined;
}

async function readAudit(store: Store, query: AuditReadQuery): Promise<AuditEntry[]> {
  const start = param('Int64', Math.floor(query.startMs));
  const end = param('Int64', Math.ceil(query.endMs));
  const byActor: SqlFragment = query.actor === undefined ? sql`` : sql` AND (actor_id = ${query.actor} OR actor_name = ${query.actor})`;
  const byAction: SqlFragment = query.action === undefined ? sql`` : sql` AND action = ${query.action}`;
  const rows = await store.query<Row>(
    sql`SELECT toUnixTimestamp64Milli(at) AS at_ms, actor_kind, actor_id, actor_name, action, target, outcome, client_ip, details
        FROM audit_log
        WHERE at >= fromUnixTimestamp64Milli(${start}) AND at < fromUnixTimestamp64Milli(${end})${byActor}${byAction}
        ORDER BY at DESC
        LIMIT ${param('UInt32', Math.max(1, Math.floor(query.limit)))}`,
  );
  return rows.map(toEntry).filter((entry) => entry !== undefined);
}

export class AuditStore {
  constructor(private readonly store: Store) {}

  append(entries: readonly AuditEntry[]): Promise<void> {
    return appendAudit(this.store, entries);
  }

  read(query: AuditReadQuery): Promise<AuditEntry[]> {
    return readAudit(this.store, query);
  }
}
