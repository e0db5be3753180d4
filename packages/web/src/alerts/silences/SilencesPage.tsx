import { browserTimeZone, type Silence } from '@sightline/contract';
import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useAppLocation, useUpdateParams } from '../../router/use-location.ts';
import { listRules } from '../alerts-api.ts';
import { ListPage } from '../ListPage.tsx';
import { usePolledApi } from '../use-poll.ts';
import { SilenceForm } from './SilenceForm.tsx';
import { SilenceRow } from './SilenceRow.tsx';
import { clearSilencePrefill, readSilencePrefill, type SilencePrefill } from './silence-prefill.ts';
import { silencesSummary, sortSilences } from './silence-view.ts';
import { listSilences } from './silences-api.ts';
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
  useEffect(() => {
    document.title = 'Silences · Sightline';
  }, []);

  // A link with a prefill opens the form; the parameters go, so a reload or Back does not reopen it.
  useEffect(() => {
    if (linkPrefill === undefined) return;
    setEditing({ mode: 'create', prefill: linkPrefill });
    updateParams(clearSilencePrefill, { replace: true });
  }, [linkPrefill, updateParams]);

  const silences = usePolledApi('alert-silences', listSilences, SILENCES_REFRESH_MS);
  const rules = useApi('alert-rules', listRules);
  const { reload, nowMs } = silences;

  const ruleChoices = useMemo(() => rules.data?.rules.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name)), [rules.data]);
  const ruleNames = useMemo(() => (ruleChoices === undefined ? undefined : new Map(ruleChoices.map((r) => [r.id, r.name]))), [ruleChoices]);
  const all = useMemo(() => sortSilences(silences.data?.silences ?? []), [silences.data]);
  const saved = (): void => {
    setEditing(undefined);
    reload();
  };

  return (
    <ListPage
      className="silences-page"
      list={silences}
      summary={silences.data === undefined ? undefined : silencesSummary(all)}
      note={<span className="muted small">One-off times in {viewerZone}</span>}
      newLabel="New silence"
      onNew={editing === undefined ? () => setEditing({ mode: 'create', prefill: undefined }) : undefined}
      form={
        editing !== undefined && (
          <SilenceForm
            key={editing.mode === 'edit' ? editing.silence.id : `new-${JSON.stringify(editing.prefill ?? {})}`}
            silence={editing.mode === 'edit' ? editing.silence : undefined}
            prefill={editing.mode === 'create' ? editing.prefill : undefined}
            rules={ruleChoices}
            viewerZone={viewerZone}
            onSaved={saved}
            onCancel={() => setEditing(undefined)}
          />
        )
      }
      errorTitle="Could not load the silences"
      notices={
        rules.error !== undefined && <ErrorNotice error={rules.error} title="Could not load the rules (silences show rule ids)" onRetry={rules.reload} />
      }
      label="Silences"
      empty="No silences. Add one to mute a rule’s notifications for a while or on a schedule."
      tableLabel="Silences"
      tableClassName="silences-table"
      columns={COLUMNS}
      count={all.length}
    >
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
    </ListPage>
  );
}
