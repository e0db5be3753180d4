import type { AlertRuleSummary } from '@sightline/contract';
import type { SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { Link } from '../router/Link.tsx';
import { BuiltinMark, SeverityBadge, SilencedMark, StateBadge } from './AlertBadges.tsx';
import { byRuleName, displayState, queryText, ruleSortValue, type RuleColumn } from './alerts-view.ts';
import { TimeAgo } from './TimeAgo.tsx';

export interface AlertRulesTableProps {
  readonly rules: readonly AlertRuleSummary[];
  readonly nowMs: number;
  readonly sort: SortState<RuleColumn>;
  readonly onSort: (sort: SortState<RuleColumn>) => void;
  readonly href: (rule: AlertRuleSummary) => string;
  readonly onOpen: (rule: AlertRuleSummary) => void;
  /** The id of the rule being changed (toggled or deleted), if any. */
  readonly busy: string | undefined;
  readonly confirming: string | undefined;
  readonly onToggle: (rule: AlertRuleSummary) => void;
  readonly onAskDelete: (rule: AlertRuleSummary | undefined) => void;
  readonly onDelete: (rule: AlertRuleSummary) => void;
}

function Ago({ ms, nowMs }: { readonly ms: number; readonly nowMs: number }) {
  return ms <= 0 ? <span className="muted">never</span> : <TimeAgo ms={ms} nowMs={nowMs} />;
}

function Actions({ rule, props }: { readonly rule: AlertRuleSummary; readonly props: AlertRulesTableProps }) {
  const busy = props.busy === rule.id;
  if (props.confirming === rule.id) {
    return (
      <span className="alert-confirm" role="group" aria-label={`Confirm deleting ${rule.name}`}>
        <button type="button" className="btn btn-small btn-live" disabled={busy} onClick={() => props.onDelete(rule)}>
          {busy ? 'Deleting…' : 'Delete rule'}
        </button>
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => props.onAskDelete(undefined)}>
          Keep
        </button>
      </span>
    );
  }
  return (
    <span className="alert-row-actions">
      <input
        type="checkbox"
        checked={rule.enabled}
        disabled={busy}
        onChange={() => props.onToggle(rule)}
        aria-label={`Enabled: ${rule.name}`}
        title={rule.enabled ? 'Evaluated on its interval: uncheck to disable' : 'Not evaluated: check to enable'}
      />
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => props.onAskDelete(rule)} aria-label={`Delete ${rule.name}`}>
        Delete
      </button>
    </span>
  );
}

function columns(props: AlertRulesTableProps): Column<AlertRuleSummary, RuleColumn>[] {
  return [
    {
      key: 'name',
      label: 'Rule',
      sortValue: ruleSortValue('name'),
      render: (rule) => (
        <div className="alert-rule-cell">
          <div>
            <Link to={props.href(rule)} className="alert-rule-name">
              {rule.name}
            </Link>
            {rule.builtin && <BuiltinMark />}
            {rule.silenced && <SilencedMark />}
          </div>
          <div className="muted small alert-rule-query">{queryText(rule.query)}</div>
        </div>
      ),
    },
    { key: 'state', label: 'State', sortValue: ruleSortValue('state'), render: (rule) => <StateBadge state={displayState(rule)} /> },
    { key: 'severity', label: 'Severity', sortValue: ruleSortValue('severity'), render: (rule) => <SeverityBadge severity={rule.severity} /> },
    {
      key: 'firing',
      label: 'Firing',
      numeric: true,
      title: 'Instances (groups) firing now; pending ones in brackets',
      sortValue: ruleSortValue('firing'),
      render: (rule) => (
        <>
          {rule.firingCount}
          {rule.pendingCount > 0 && <span className="muted"> (+{rule.pendingCount} pending)</span>}
        </>
      ),
    },
    {
      key: 'lastFired',
      label: 'Last fired',
      numeric: true,
      sortValue: ruleSortValue('lastFired'),
      render: (rule) => <Ago ms={rule.lastFiredMs} nowMs={props.nowMs} />,
    },
    {
      key: 'lastEvaluated',
      label: 'Evaluated',
      numeric: true,
      title: 'When the rule was last evaluated',
      sortValue: ruleSortValue('lastEvaluated'),
      render: (rule) => <Ago ms={rule.lastEvaluatedMs} nowMs={props.nowMs} />,
      cellClass: (rule) => (rule.lastError === '' ? '' : 'text-danger'),
    },
    {
      key: 'enabled',
      label: 'Enabled',
      title: 'Disabled rules are not evaluated; sort by enabled',
      sortValue: ruleSortValue('enabled'),
      render: (rule) => <Actions rule={rule} props={props} />,
    },
  ];
}

/** The rules with their state now; a rule whose last evaluation failed shows the error under its row. */
export function AlertRulesTable(props: AlertRulesTableProps) {
  return (
    <SortableTable
      label="Alert rules"
      className="alert-rules-table"
      columns={columns(props)}
      rows={props.rules}
      rowKey={(rule) => rule.id}
      sort={props.sort}
      onSort={props.onSort}
      tieBreak={byRuleName}
      onRowClick={props.onOpen}
      rowClass={(rule) => `alert-row-${displayState(rule)}${rule.lastError === '' ? '' : ' has-error'}`}
      expanded={(rule) =>
        rule.lastError === '' ? undefined : (
          <div className="alert-error">
            <span className="strong">Last evaluation failed:</span> {rule.lastError}
          </div>
        )
      }
    />
  );
}
