import { useEffect, useMemo } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { getRule } from './alerts-api.ts';
import { alertsHref, ruleHref } from './alerts-view.ts';
import { RuleBreadcrumbs } from './RuleBreadcrumbs.tsx';
import { RuleDetail } from './RuleDetail.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { formFromDefinition, newRuleForm } from './rule-form.ts';
import { applyPrefill, decodePrefill, PREFILL_PARAM } from './rule-prefill.ts';
import { usePoll } from './use-poll.ts';
import './rules.css';

const EDIT_PARAM = 'edit';

/** A new rule: the editor, filled from `?prefill=` when a chart or service page sent one. */
function NewRule() {
  const { params } = useAppLocation();
  const prefillText = params.get(PREFILL_PARAM);
  const prefill = useMemo(() => (prefillText === null ? undefined : decodePrefill(prefillText)), [prefillText]);
  const initial = useMemo(() => (prefill === undefined ? newRuleForm() : applyPrefill(newRuleForm(), prefill)), [prefill]);
  useEffect(() => {
    document.title = 'New rule · Alerts · Sightline';
  }, []);
  return (
    <>
      <div className="toolbar">
        <RuleBreadcrumbs />
        <h2 className="service-title">New rule</h2>
      </div>
      {prefillText !== null && prefill === undefined && (
        <div className="notice notice-warn" role="status">
          The link carried a rule this page could not read; starting from an empty rule.
        </div>
      )}
      <RuleEditor
        key={prefillText ?? ''}
        initial={initial}
        ruleId={null}
        onSaved={(rule) => navigate(ruleHref(rule.id, params))}
        onCancel={() => navigate(alertsHref(params))}
      />
    </>
  );
}

/** A stored rule: its detail, or its editor with `?edit=1`. */
function ExistingRule({ id }: { readonly id: string }) {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const editing = params.get(EDIT_PARAM) === '1';
  const detail = useApi(`alert-rule|${id}`, (signal) => getRule(id, signal));
  const nowMs = usePoll(detail.reload);
  const data = detail.dataKey === `alert-rule|${id}` ? detail.data : undefined;
  const setEditing = (on: boolean): void => updateParams((p) => (on ? p.set(EDIT_PARAM, '1') : p.delete(EDIT_PARAM)));
  useEffect(() => {
    document.title = `${data?.rule.name ?? id} · Alerts · Sightline`;
  }, [data?.rule.name, id]);

  if (data === undefined) {
    return (
      <>
        {detail.loading && <LoadingNote />}
        {detail.error !== undefined && <ErrorNotice error={detail.error} title={`Could not load rule ${id}`} onRetry={detail.reload} />}
      </>
    );
  }
  if (editing) {
    return (
      <>
        <div className="toolbar">
          <RuleBreadcrumbs rule={{ id, name: data.rule.name }} />
          <h2 className="service-title">Edit</h2>
        </div>
        <RuleEditor
          key={`${id}|${data.rule.updatedMs}`}
          initial={formFromDefinition(data.rule)}
          ruleId={id}
          onSaved={() => {
            setEditing(false);
            detail.reload();
          }}
          onCancel={() => setEditing(false)}
        />
      </>
    );
  }
  return <RuleDetail detail={data} nowMs={nowMs} onEdit={() => setEditing(true)} onChanged={detail.reload} onDeleted={() => navigate(alertsHref(params))} />;
}

/** `/alerts/rules/new` and `/alerts/rules/<id>`. */
export function RulePage({ id }: { readonly id: string | null }) {
  return <div className="page-body alert-rule-page">{id === null ? <NewRule /> : <ExistingRule id={id} />}</div>;
}
