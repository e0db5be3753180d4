import type { AlertRuleDetailResponse } from '@sightline/contract';
import { useMemo, useState } from 'react';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation } from '../router/use-location.ts';
import { formatAgo } from '../targets/targets-view.ts';
import { alertHistory, deleteRule, updateRule } from './alerts-api.ts';
import { conditionText, displayState, groupLabelsOf, historyHref, queryText, ruleDefinitionOf } from './alerts-view.ts';
import { BuiltinMark, SeverityBadge, SilencedMark, StateBadge } from './AlertBadges.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { describeDuration } from './duration-text.ts';
import { InstancesTable } from './InstancesTable.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { RuleBreadcrumbs } from './RuleBreadcrumbs.tsx';
import { RuleTimeline } from './RuleTimeline.tsx';
import { SilenceControl } from './SilenceControl.tsx';
import { TransitionsTable } from './TransitionsTable.tsx';

const HISTORY_ROWS = 50;

/** A stored rule: what it watches, its instances now, its timeline over the range, and actions on it. */
export function RuleDetail({
  detail,
  nowMs,
  onEdit,
  onChanged,
  onDeleted,
}: {
  readonly detail: AlertRuleDetailResponse;
  readonly nowMs: number;
  readonly onEdit: () => void;
  readonly onChanged: () => void;
  readonly onDeleted: () => void;
}) {
  const { params } = useAppLocation();
  const { range, resolved } = useTimeRange();
  const { rule, instances } = detail;
  // A relative range moves with the page's refresh, so changes since the page opened show up.
  const live = useMemo(
    () => (range.kind === 'relative' ? { startMs: nowMs - range.durationMs, endMs: nowMs } : { startMs: resolved.startMs, endMs: resolved.endMs }),
    [range, resolved, nowMs],
  );
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<{ readonly title: string; readonly error: unknown } | undefined>(undefined);
  const history = useApi(`alert-history|${rule.id}|${live.startMs}|${live.endMs}`, (signal) => alertHistory({ ...live, ruleId: rule.id }, signal));
  const transitions = useMemo(
    () => (history.data?.transitions ?? []).map((t) => ({ ...t, labels: groupLabelsOf(t.labels, rule.labels) })),
    [history.data, rule.labels],
  );
  const shownInstances = useMemo(() => instances.map((i) => ({ ...i, labels: groupLabelsOf(i.labels, rule.labels) })), [instances, rule.labels]);
  const previewInput = useMemo(() => ({ query: rule.query, condition: rule.condition, judged: true }), [rule.query, rule.condition]);

  const act = (title: string, work: () => Promise<unknown>, done: () => void): void => {
    setBusy(true);
    setError(undefined);
    work().then(
      () => {
        setBusy(false);
        done();
      },
      (failure: unknown) => {
        setBusy(false);
        setConfirming(false);
        setError({ title, error: failure });
      },
    );
  };

  return (
    <>
      <div className="toolbar alert-rule-header">
        <RuleBreadcrumbs />
        <h2 className="service-title">{rule.name}</h2>
        <StateBadge state={displayState(rule)} />
        <SeverityBadge severity={rule.severity} />
        {rule.builtin && <BuiltinMark />}
        {rule.silenced && <SilencedMark />}
        <span className="alert-actions">
          <button type="button" className="btn btn-primary" onClick={onEdit} disabled={busy}>
            Edit
          </button>
          <SilenceControl ruleId={rule.id} ruleName={rule.name} onSilenced={onChanged} />
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              act(
                `Could not ${rule.enabled ? 'disable' : 'enable'} the rule`,
                () => updateRule(rule.id, { ...ruleDefinitionOf(rule), enabled: !rule.enabled }),
                onChanged,
              )
            }
          >
            {rule.enabled ? 'Disable' : 'Enable'}
          </button>
          {!confirming && (
            <button type="button" className="btn" disabled={busy} onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
          {confirming && (
            <ConfirmDelete
              className="alert-confirm"
              small={false}
              question={`Delete “${rule.name}”? Its history stays.`}
              confirmLabel="Delete rule"
              deleting={busy}
              disabled={busy}
              onConfirm={() => act('Could not delete the rule', () => deleteRule(rule.id), onDeleted)}
              onKeep={() => setConfirming(false)}
            />
          )}
        </span>
      </div>
      {error !== undefined && <ErrorNotice error={error.error} title={error.title} />}
      {rule.lastError !== '' && (
        <div className="notice notice-error" role="alert">
          <div className="notice-title">The last evaluation failed</div>
          <div className="notice-message">{rule.lastError}</div>
        </div>
      )}

      <section className="panel" aria-label="Rule">
        <dl className="facts alert-facts">
          <dt>Watches</dt>
          <dd>{queryText(rule.query)}</dd>
          <dt>Fires when</dt>
          <dd>{conditionText(rule)}</dd>
          <dt>Evaluated</dt>
          <dd>
            every {describeDuration(rule.intervalSeconds)} · last {rule.lastEvaluatedMs > 0 ? formatAgo(rule.lastEvaluatedMs, nowMs) : 'never'}
            {!rule.enabled && <span className="muted"> (disabled)</span>}
          </dd>
          <dt>No data</dt>
          <dd>{rule.noData.enabled ? `alerts (${rule.noData.severity}) after ${describeDuration(rule.noData.afterSeconds)} without data` : 'ignored'}</dd>
          <dt>Notifies</dt>
          <dd>
            {rule.notify.channels.length === 0 ? 'no channels' : `${rule.notify.channels.length} channel${rule.notify.channels.length === 1 ? '' : 's'}`},
            repeats every {describeDuration(rule.notify.repeatIntervalSeconds)}
            {rule.notify.sendResolved ? ', and when resolved' : ''}
          </dd>
          {Object.keys(rule.labels).length > 0 && (
            <>
              <dt>Labels</dt>
              <dd>
                {Object.entries(rule.labels)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')}
              </dd>
            </>
          )}
        </dl>
      </section>

      <section className="panel" aria-label="Current instances">
        <div className="panel-header">
          <h3>Instances</h3>
          <span className="muted small">
            {rule.firingCount} firing · {rule.pendingCount} pending
          </span>
        </div>
        {instances.length === 0 ? (
          <p className="empty">No instances yet: the rule has not found a group breaching or with data.</p>
        ) : (
          <InstancesTable instances={shownInstances} nowMs={nowMs} />
        )}
      </section>

      <section className="panel" aria-label="Timeline">
        <div className="panel-header">
          <h3>Timeline</h3>
          {history.loading && <LoadingNote />}
          <Link to={historyHref(params, rule.id)} className="small">
            All history
          </Link>
        </div>
        {history.error !== undefined && <ErrorNotice error={history.error} title="Could not load the rule's history" onRetry={history.reload} />}
        {history.data !== undefined && <RuleTimeline transitions={transitions} instances={shownInstances} range={live} />}
        {transitions.length > 0 && (
          <details className="alert-transitions-list" open={transitions.length <= 10}>
            <summary>
              {transitions.length} state change{transitions.length === 1 ? '' : 's'} in the range
            </summary>
            <TransitionsTable transitions={transitions.slice(0, HISTORY_ROWS)} />
          </details>
        )}
      </section>

      <PreviewPanel input={previewInput} title="Query over the range" />
    </>
  );
}
