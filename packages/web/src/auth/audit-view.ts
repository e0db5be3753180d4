/** The audit log page's query, export links and cell texts. Pure. */
import type { AuditEntry, AuditOutcome } from '@sightline/contract';
import type { QueryValue } from '../api/http-client.ts';

export const AUDIT_LIMIT = 500;

export interface AuditFilters {
  readonly actor: string;
  readonly action: string;
}

/** The URL parameters the page keeps its filters in. */
export function readAuditFilters(params: URLSearchParams): AuditFilters {
  return { actor: params.get('actor') ?? '', action: params.get('action') ?? '' };
}

export function writeAuditFilters(params: URLSearchParams, filters: AuditFilters): void {
  for (const key of ['actor', 'action'] as const) {
    const value = filters[key].trim();
    if (value === '') params.delete(key);
    else params.set(key, value);
  }
}

export type AuditExportFormat = 'csv' | 'jsonl';

/** The API query for a range and filters; `format` for the export links. */
export function auditQuery(
  range: { readonly startMs: number; readonly endMs: number },
  filters: AuditFilters,
  format?: AuditExportFormat,
): Record<string, QueryValue> {
  const actor = filters.actor.trim();
  const action = filters.action.trim();
  return {
    start: range.startMs,
    end: range.endMs,
    actor: actor === '' ? undefined : actor,
    action: action === '' ? undefined : action,
    limit: format === undefined ? AUDIT_LIMIT : undefined,
    format,
  };
}

export const OUTCOME_LABELS: Readonly<Record<AuditOutcome, string>> = { success: 'Success', failure: 'Failed', denied: 'Denied' };

/** Who did it: the name, or what kind of actor it was when it has none. */
export function actorText(entry: Pick<AuditEntry, 'actorKind' | 'actorName' | 'actorId'>): string {
  const kind = entry.actorKind === 'api_key' ? 'API key' : entry.actorKind;
  if (entry.actorKind === 'anonymous') return entry.actorName === '' ? 'anonymous' : `${entry.actorName} (not signed in)`;
  if (entry.actorKind === 'system') return 'system';
  const name = entry.actorName === '' ? entry.actorId : entry.actorName;
  return entry.actorKind === 'user' ? name : `${name} (${kind})`;
}

/** The details as `key=value` pairs, strings unquoted, other values as JSON; long output shortened. */
export function detailsText(details: Readonly<Record<string, unknown>>, max = 200): string {
  const text = Object.entries(details)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
