import { useEffect, useId, useMemo } from 'react';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { alertHistory, listRules } from './alerts-api.ts';
import { groupLabelsOf, ruleHref } from './alerts-view.ts';
import { TransitionsTable } from './TransitionsTable.tsx';
import './rules.css';

const RULE_PARAM = 'rule';
const LIMIT = 1000;

/** Every state change over the selected range, newest first, optionally of one rule. */
export function HistoryPage() {
  const id = useId();
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { resolved } = useTimeRange();
  const ruleId = params.get(RULE_PARAM) ?? '';
  useEffect(() => {
    document.title = 'Alert history · Sightline';
  }, []);
  const rules = useApi('alert-rules', listRules);
  const history = useApi(`alert-history|${ruleId}|${resolved.startMs}|${resolved.endMs}`, (signal) =>
    alertHistory({ startMs: resolved.startMs, endMs: resolved.endMs, ruleId: ruleId === '' ? undefined : ruleId, limit: LIMIT }, signal),
  );
  const names = useMemo(() => new Map((rules.data?.rules ?? []).map((r) => [r.id, r.name])), [rules.data]);
  const ruleLabels = useMemo(() => new Map((rules.data?.rules ?? []).map((r) => [r.id, r.labels])), [rules.data]);
  const ruleOptions = useMemo(() => [...(rules.data?.rules ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [rules.data]);
  const transitions = useMemo(
    () => (history.data?.transitions ?? []).map((t) => ({ ...t, labels: groupLabelsOf(t.labels, ruleLabels.get(t.ruleId)) })),
    [history.data, ruleLabels],
  );
  const firings = transitions.filter((t) => t.to === 'firing').length;

  return (
    <div className="page-body alerts-history-page">
      <div className="toolbar">
        <div className="inline-field">
          <label htmlFor={`${id}-rule`}>Rule</label>
          <select
            id={`${id}-rule`}
            value={ruleId}
            className={ruleId === '' ? undefined : 'is-active'}
            onChange={(e) => updateParams((p) => (e.target.value === '' ? p.delete(RULE_PARAM) : p.set(RULE_PARAM, e.target.value)))}
          >
            <option value="">all rules</option>
            {ruleId !== '' && !names.has(ruleId) && <option value={ruleId}>{ruleId}</option>}
            {ruleOptions.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.name}
              </option>
            ))}
          </select>
        </div>
        <span role="status">
          {history.data !== undefined &&
            `${transitions.length}${transitions.length >= LIMIT ? '+' : ''} state change${transitions.length === 1 ? '' : 's'} · ${firings} fired`}
        </span>
        {history.loading && <LoadingNote />}
      </div>
      {history.error !== undefined && <ErrorNotice error={history.error} title="Could not load the alert history" onRetry={history.reload} />}
      {rules.error !== undefined && <ErrorNotice error={rules.error} title="Could not load the rules' names" onRetry={rules.reload} />}
      <section className="panel" aria-label="History">
        {history.data !== undefined && transitions.length === 0 && <p className="empty">No alert changed state in the selected time range.</p>}
        {transitions.length > 0 && (
          <TransitionsTable transitions={transitions} ruleName={(rule) => names.get(rule) ?? rule} ruleLink={(rule) => ruleHref(rule, params)} />
        )}
      </section>
    </div>
  );
}
