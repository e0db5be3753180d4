import type { AuditEntry } from '@sightline/contract';

/** Audit entries as files an admin downloads: CSV (RFC 4180, header row) or JSON lines. */

export const AUDIT_CSV_COLUMNS = ['time', 'actor_kind', 'actor_id', 'actor_name', 'action', 'target', 'outcome', 'client_ip', 'details'] as const;

/** Quotes a CSV field; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditToCsv(entries: readonly AuditEntry[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const fields = [
      new Date(entry.atMs).toISOString(),
      entry.actorKind,
      entry.actorId,
      entry.actorName,
      entry.action,
      entry.target,
      entry.outcome,
      entry.clientIp,
      JSON.stringify(entry.details),
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function auditToJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => `${JSON.stringify({ time: new Date(entry.atMs).toISOString(), ...entry })}\n`).join('');
}
