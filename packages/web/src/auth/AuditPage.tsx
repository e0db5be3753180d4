import { useEffect, useId, useState, type FormEvent } from 'react';
import { apiUrl } from '../api/http-client.ts';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { formatDateTime } from '../time/time-format.ts';
import { AUDIT_PATH, listAudit } from './auth-api.ts';
import { actorText, AUDIT_LIMIT, auditQuery, detailsText, OUTCOME_LABELS, writeAuditFilters, type AuditFilters } from './audit-view.ts';

/** Who did what and when over the global time range, filtered by actor and action; exported as CSV or JSON lines. */
export function AuditPage() {
  useEffect(() => {
    document.title = 'Audit log · Sightline';
  }, []);
  const id = useId();
  const { resolved } = useTimeRange();
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const actor = params.get('actor') ?? '';
  const action = params.get('action') ?? '';
  const filters: AuditFilters = { actor, action };
  const [draft, setDraft] = useState<AuditFilters>(filters);
  useEffect(() => setDraft({ actor, action }), [actor, action]);

  const query = auditQuery(resolved, filters);
  const key = JSON.stringify(query);
  const entries = useApi(key, (signal) => listAudit(query, signal));

  const apply = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    updateParams((p) => writeAuditFilters(p, draft));
  };
  const exportHref = (format: 'csv' | 'jsonl'): string => apiUrl(AUDIT_PATH, auditQuery(resolved, filters, format)).toString();
  const rows = entries.data ?? [];

  return (
    <div className="page-body auth-admin-page">
      <form className="filter-bar" aria-label="Audit filters" onSubmit={apply}>
        <div className="filter-row">
          <div className="field">
            <label htmlFor={`${id}-actor`}>Actor</label>
            <input
              id={`${id}-actor`}
              value={draft.actor}
              placeholder="username or key name"
              spellCheck={false}
              onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-action`}>Action</label>
            <input
              id={`${id}-action`}
              value={draft.action}
              placeholder="login, user.create…"
              spellCheck={false}
              onChange={(e) => setDraft({ ...draft, action: e.target.value })}
            />
          </div>
          <button type="submit" className="btn btn-primary">
            Apply
          </button>
          <span className="audit-exports">
            <a className="btn" href={exportHref('csv')} download>
              Export CSV
            </a>
            <a className="btn" href={exportHref('jsonl')} download>
              Export JSON lines
            </a>
          </span>
        </div>
      </form>
      {entries.error !== undefined && <ErrorNotice error={entries.error} title="Could not load the audit log" onRetry={entries.reload} />}
      <section className={`panel${entries.loading && entries.data !== undefined ? ' is-stale' : ''}`} aria-label="Audit entries">
        <div className="panel-header">
          <span className="muted small" role="status">
            {entries.data === undefined
              ? ''
              : rows.length >= AUDIT_LIMIT
                ? `The newest ${AUDIT_LIMIT} entries; narrow the range or export for all.`
                : `${rows.length} entries`}
          </span>
          {entries.loading && <LoadingNote />}
        </div>
        {entries.data !== undefined && rows.length === 0 && (
          <p className="empty">Nothing was recorded in this time range{actor !== '' || action !== '' ? ' for these filters' : ''}.</p>
        )}
        {rows.length > 0 && (
          <table className="data-table audit-table" aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Outcome</th>
                <th scope="col">Client</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry, index) => (
                <tr key={`${entry.atMs}-${index}`}>
                  <td className="small audit-time">
                    <time dateTime={new Date(entry.atMs).toISOString()}>{formatDateTime(entry.atMs)}</time>
                  </td>
                  <td>{actorText(entry)}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.target}</td>
                  <td>
                    <span className={`outcome outcome-${entry.outcome}`}>{OUTCOME_LABELS[entry.outcome]}</span>
                  </td>
                  <td className="small">{entry.clientIp}</td>
                  <td className="small audit-details">{detailsText(entry.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
