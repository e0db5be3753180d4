import type { AuditEntry, AuditOutcome } from '@sightline/contract';
import type { AuditReadQuery, AuditStore } from '../query/auth/audit-store.ts';
import type { AuditActor } from './request-context.ts';

export interface AuditRecord {
  readonly actor: AuditActor;
  readonly action: string;
  readonly target?: string;
  readonly outcome: AuditOutcome;
  readonly clientIp?: string;
  /** Never a secret: no passwords, tokens or hashes. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The audit log: security-relevant events (logins, user/key/retention/settings changes), append-only. */
export class AuditLog {
  constructor(
    private readonly store: AuditStore,
    private readonly now: () => number = Date.now,
  ) {}

  async record(record: AuditRecord): Promise<void> {
    const entry: AuditEntry = {
      atMs: this.now(),
      actorKind: record.actor.kind,
      actorId: record.actor.id,
      actorName: record.actor.name,
      action: record.action,
      target: record.target ?? '',
      outcome: record.outcome,
      clientIp: record.clientIp ?? '',
      details: { ...(record.details ?? {}) },
    };
    await this.store.append([entry]);
  }

  /** Entries in `[startMs, endMs)`, newest first, optionally of one actor (id or name) and/or action. */
  read(query: AuditReadQuery): Promise<AuditEntry[]> {
    return this.store.read(query);
  }
}
