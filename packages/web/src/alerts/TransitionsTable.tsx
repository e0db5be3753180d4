import type { AlertTransition } from '@sightline/contract';
import { formatNumber } from '../dashboards/panel-units.ts';
import { Link } from '../router/Link.tsx';
import { formatDateTime } from '../time/time-format.ts';
import { SeverityBadge, StateBadge } from './AlertBadges.tsx';
import { groupName } from './preview-chart.ts';

/** State changes, newest first: when, (which rule,) which instance, from → to, severity, value. */
export function TransitionsTable({
  transitions,
  ruleName,
  ruleLink,
}: {
  readonly transitions: readonly AlertTransition[];
  /** With these, a Rule column names and links each transition's rule. */
  readonly ruleName?: (ruleId: string) => string;
  readonly ruleLink?: (ruleId: string) => string;
}) {
  return (
    <table className="data-table alert-transitions" aria-label="Transitions">
      <thead>
        <tr>
          <th scope="col">Time</th>
          {ruleName !== undefined && <th scope="col">Rule</th>}
          <th scope="col">Labels</th>
          <th scope="col">Change</th>
          <th scope="col">Severity</th>
          <th scope="col" className="num">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {transitions.map((t, i) => (
          <tr key={`${t.atMs}-${t.fingerprint}-${i}`}>
            <td className="nowrap">
              <time dateTime={new Date(t.atMs).toISOString()}>{formatDateTime(t.atMs)}</time>
            </td>
            {ruleName !== undefined && <td>{ruleLink === undefined ? ruleName(t.ruleId) : <Link to={ruleLink(t.ruleId)}>{ruleName(t.ruleId)}</Link>}</td>}
            <td>
              <code className="alert-labels-text">{groupName(t.labels)}</code>
            </td>
            <td className="nowrap">
              <StateBadge state={t.from} /> <span aria-label="to">→</span> <StateBadge state={t.to} />
              {t.reason === 'no_data' && <span className="muted small"> no data</span>}
            </td>
            <td>
              <SeverityBadge severity={t.severity} />
            </td>
            <td className="num">{t.value === null ? '–' : formatNumber(t.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
