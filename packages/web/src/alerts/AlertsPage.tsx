import { alertSeverities, type AlertRuleSummary } from '@sightline/contract';
import { useEffect, useId, useMemo, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals } from '../router/routes.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { deleteRule, listRules, updateRule } from './alerts-api.ts';
import {
  DISPLAY_STATES,
  filterRules,
  readRulesView,
  ruleDefinitionOf,
  ruleHref,
  rulesSummary,
  writeRuleFilter,
  writeRuleSort,
  type RuleFilter,
} from './alerts-view.ts';
import { AlertRulesTable } from './AlertRulesTable.tsx';
import { usePoll } from './use-poll.ts';
import './rules.css';

/** The alert rules with their state now, filtered in the URL; rules are enabled, disabled and deleted here. */
export function AlertsPage() {
  const id = useId();
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { filter, sort } = useMemo(() => readRulesView(params), [params]);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<{ readonly title: string; readonly error: unknown } | undefined>(undefined);
  useEffect(() => {
    document.title = 'Alerts · Sightline';
  }, []);

  const rules = useApi('alert-rules', listRules);
  const nowMs = usePoll(rules.reload);
  // A toggled rule shows its new `enabled` at once, until the list loaded after the change says so too.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  useEffect(() => {
    setToggled((current) => new Map([...current].filter(([id, enabled]) => rules.data?.rules.find((r) => r.id === id)?.enabled !== enabled)));
  }, [rules.data]);
  const all = useMemo(
    () => (rules.data?.rules ?? []).map((rule) => (toggled.has(rule.id) ? { ...rule, enabled: toggled.get(rule.id) === true } : rule)),
    [rules.data, toggled],
  );
  const shown = useMemo(() => filterRules(all, filter), [all, filter]);
  const setFilter = (next: RuleFilter): void => updateParams((p) => writeRuleFilter(p, next), { replace: true });

  const act = (rule: AlertRuleSummary, title: string, work: () => Promise<unknown>, undo?: () => void): void => {
    setBusy(rule.id);
    setActionError(undefined);
    work().then(
      () => {
        setBusy(undefined);
        setConfirming(undefined);
        rules.reload();
      },
      (error: unknown) => {
        setBusy(undefined);
        setConfirming(undefined);
        undo?.();
        setActionError({ title, error });
      },
    );
  };

  const toggle = (rule: AlertRuleSummary): void => {
    const enabled = !rule.enabled;
    const forget = (): void => setToggled((current) => new Map([...current].filter(([id]) => id !== rule.id)));
    setToggled((current) => new Map(current).set(rule.id, enabled));
    act(rule, `Could not ${enabled ? 'enable' : 'disable'} ${rule.name}`, () => updateRule(rule.id, { ...ruleDefinitionOf(rule), enabled }), forget);
  };

  return (
    <div className="page-body alerts-page">
      <div className="toolbar alerts-filters" role="search" aria-label="Filter rules">
        <div className="inline-field">
          <label htmlFor={`${id}-q`}>Find</label>
          <input
            id={`${id}-q`}
            type="search"
            value={filter.text}
            placeholder="name, metric, service, label"
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </div>
        <div className="inline-field">
          <label htmlFor={`${id}-state`}>State</label>
          <select
            id={`${id}-state`}
            value={filter.state}
            className={filter.state === '' ? undefined : 'is-active'}
            onChange={(e) => setFilter({ ...filter, state: e.target.value as RuleFilter['state'] })}
          >
            <option value="">any</option>
            {DISPLAY_STATES.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor={`${id}-severity`}>Severity</label>
          <select
            id={`${id}-severity`}
            value={filter.severity}
            className={filter.severity === '' ? undefined : 'is-active'}
            onChange={(e) => setFilter({ ...filter, severity: e.target.value as RuleFilter['severity'] })}
          >
            <option value="">any</option>
            {alertSeverities.map((severity) => (
              <option key={severity} value={severity}>
                {severity}
              </option>
            ))}
          </select>
        </div>
        <span role="status" className="alerts-summary">
          {rules.data !== undefined && rulesSummary(all)}
          {rules.data !== undefined && shown.length !== all.length && <span className="muted"> · {shown.length} shown</span>}
        </span>
        {rules.loading && rules.data === undefined && <LoadingNote />}
        <Link to={pathWithGlobals('/alerts/rules/new', params)} className="btn btn-primary alerts-new">
          New rule
        </Link>
      </div>

      {rules.error !== undefined && <ErrorNotice error={rules.error} title="Could not load the alert rules" onRetry={rules.reload} />}
      {actionError !== undefined && <ErrorNotice error={actionError.error} title={actionError.title} />}

      <section className="panel" aria-label="Rules">
        {rules.data !== undefined && all.length === 0 && (
          <p className="empty">
            No alert rules yet. Start with <Link to={pathWithGlobals('/alerts/rules/new', params)}>New rule</Link>, or use “Create alert” on a dashboard panel
            or a service’s page.
          </p>
        )}
        {all.length > 0 && shown.length === 0 && <p className="empty">No rule matches these filters.</p>}
        {shown.length > 0 && (
          <AlertRulesTable
            rules={shown}
            nowMs={nowMs}
            sort={sort}
            onSort={(next) => updateParams((p) => writeRuleSort(p, next))}
            href={(rule) => ruleHref(rule.id, params)}
            onOpen={(rule) => navigate(ruleHref(rule.id, params))}
            busy={busy}
            confirming={confirming}
            onToggle={toggle}
            onAskDelete={(rule) => setConfirming(rule?.id)}
            onDelete={(rule) => act(rule, `Could not delete ${rule.name}`, () => deleteRule(rule.id))}
          />
        )}
      </section>
    </div>
  );
}
