import type { Silence } from '@sightline/contract';
import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingNote } from '../../components/LoadingNote.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useAppLocation, useUpdateParams } from '../../router/use-location.ts';
import { SilenceForm } from './SilenceForm.tsx';
import { SilenceRow } from './SilenceRow.tsx';
import { clearSilencePrefill, readSilencePrefill, type SilencePrefill } from './silence-prefill.ts';
import { silencesSummary, sortSilences } from './silence-view.ts';
import { listRulesForSilences, listSilences } from './silences-api.ts';
import { browserTimeZone } from './zoned-time.ts';
import './silences.css';

/** Statuses move with the clock (scheduled → active → expired): the list is fetched again this often. */
const SILENCES_REFRESH_MS = 30_000;
const COLUMNS = ['Status', 'Mutes', 'Schedule', 'Comment', 'Created by', 'Actions'] as const;

type Editing = { readonly mode: 'create'; readonly prefill: SilencePrefill | undefined } | { readonly mode: 'edit'; readonly silence: Silence };

/** Silences: what is muted now and when, planned downtime, and the form to add one (also from a rule's link). */
export function SilencesPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const viewerZone = useMemo(browserTimeZone, []);
  const linkPrefill = useMemo(() => readSilencePrefill(params), [params]);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    document.title = 'Silences · Sightline';
  }, []);

  // A link with a prefill opens the form; the parameters go, so a reload or Back does not reopen it.
  useEffect(() => {
    if (linkPrefill === undefined) return;
    setEditing({ mode: 'create', prefill: linkPrefill });
    updateParams(clearSilencePrefill, { replace: true });
  }, [linkPrefill, updateParams]);

  const silences = useApi('alert-silences', listSilences);
  const rules = useApi('alert-rules-for-silences', listRulesForSilences);
  const { reload } = silences;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      reload();
    }, SILENCES_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (silences.data !== undefined) setNowMs(Date.now());
  }, [silences.data]);

  const ruleChoices = useMemo(() => rules.data?.rules.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name)), [rules.data]);
  const ruleNames = useMemo(() => (ruleChoices === undefined ? undefined : new Map(ruleChoices.map((r) => [r.id, r.name]))), [ruleChoices]);
  const all = useMemo(() => sortSilences(silences.data?.silences ?? []), [silences.data]);
  const saved = (): void => {
    setEditing(undefined);
    reload();
  };

  return (
    <div className="page-body silences-page">
      <div className="toolbar">
        <span className="silences-summary" role="status">
          {silences.data !== undefined && silencesSummary(all)}
        </span>
        {silences.loading && silences.data === undefined && <LoadingNote />}
        <span className="muted small">One-off times in {viewerZone}</span>
        {editing === undefined && (
          <button type="button" className="btn btn-primary toolbar-end" onClick={() => setEditing({ mode: 'create', prefill: undefined })}>
            New silence
          </button>
        )}
      </div>

      {editing !== undefined && (
        <SilenceForm
          key={editing.mode === 'edit' ? editing.silence.id : `new-${JSON.stringify(editing.prefill ?? {})}`}
          silence={editing.mode === 'edit' ? editing.silence : undefined}
          prefill={editing.mode === 'create' ? editing.prefill : undefined}
          rules={ruleChoices}
          viewerZone={viewerZone}
          onSaved={saved}
          onCancel={() => setEditing(undefined)}
        />
      )}

      {silences.error !== undefined && <ErrorNotice error={silences.error} title="Could not load the silences" onRetry={reload} />}
      {rules.error !== undefined && <ErrorNotice error={rules.error} title="Could not load the rules (silences show rule ids)" onRetry={rules.reload} />}

      <section className="panel" aria-label="Silences">
        {silences.data !== undefined && all.length === 0 && (
          <p className="empty">No silences. Add one to mute a rule’s notifications for a while or on a schedule.</p>
        )}
        {all.length > 0 && (
          <table className="data-table silences-table" aria-label="Silences">
            <thead>
              <tr>
                {COLUMNS.map((label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {all.map((silence) => (
                <SilenceRow
                  key={silence.id}
                  silence={silence}
                  ruleNames={ruleNames}
                  nowMs={nowMs}
                  viewerZone={viewerZone}
                  columns={COLUMNS.length}
                  onEdit={(s) => setEditing({ mode: 'edit', silence: s })}
                  onChanged={reload}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
