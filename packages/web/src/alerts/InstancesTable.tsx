import type { AlertInstance } from '@sightline/contract';
import { formatNumber } from '../dashboards/panel-units.ts';
import { formatAgo } from '../targets/targets-view.ts';
import { SeverityBadge, SilencedMark, StateBadge } from './AlertBadges.tsx';
import { groupName } from './preview-chart.ts';
import { TimeAgo } from './TimeAgo.tsx';

const RANK: Readonly<Record<AlertInstance['state'], number>> = { firing: 0, pending: 1, resolved: 2, inactive: 3 };

/** A rule's instances (one per group of labels): state, severity, value and since when. */
export function InstancesTable({ instances, nowMs }: { readonly instances: readonly AlertInstance[]; readonly nowMs: number }) {
  const rows = [...instances].sort((a, b) => RANK[a.state] - RANK[b.state] || (groupName(a.labels) < groupName(b.labels) ? -1 : 1));
  return (
    <table className="data-table alert-instances" aria-label="Instances">
      <thead>
        <tr>
          <th scope="col">Labels</th>
          <th scope="col">State</th>
          <th scope="col">Severity</th>
          <th scope="col" className="num">
            Value
          </th>
          <th scope="col" className="num">
            Since
          </th>
          <th scope="col" className="num">
            Evaluated
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((instance) => {
          const since = instance.state === 'resolved' ? instance.resolvedAtMs : instance.activeSinceMs;
          return (
            <tr key={instance.fingerprint} className={`alert-row-${instance.state}`}>
              <td>
                <code className="alert-labels-text">{groupName(instance.labels)}</code>
                {instance.silenced && <SilencedMark />}
              </td>
              <td>
                <StateBadge state={instance.state} />
                {instance.reason === 'no_data' && <span className="muted small"> no data</span>}
              </td>
              <td>
                <SeverityBadge severity={instance.severity} />
              </td>
              <td className="num">
                {instance.value === null ? '–' : formatNumber(instance.value)}
                {instance.threshold !== null && <span className="muted small"> / {formatNumber(instance.threshold)}</span>}
              </td>
              <td className="num">{since > 0 ? <TimeAgo ms={since} nowMs={nowMs} /> : '–'}</td>
              <td className="num">{instance.lastEvaluatedMs > 0 ? formatAgo(instance.lastEvaluatedMs, nowMs) : 'never'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
