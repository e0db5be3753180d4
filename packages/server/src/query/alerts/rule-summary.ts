import type { AlertInstance, AlertRule, AlertRuleSummary, AlertSeverity, AlertState } from '@sightline/contract';

const STATE_RANK: Readonly<Record<AlertState, number>> = { inactive: 0, resolved: 1, pending: 2, firing: 3 };
const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { info: 1, warning: 2, critical: 3 };

export function severityRank(severity: AlertSeverity | null): number {
  return severity === null ? 0 : SEVERITY_RANK[severity];
}

/** The most severe severity among instances in `state`. */
function topSeverity(instances: readonly AlertInstance[], state: AlertState): AlertSeverity | null {
  let top: AlertSeverity | null = null;
  for (const instance of instances) {
    if (instance.state === state && severityRank(instance.severity) > severityRank(top)) top = instance.severity;
  }
  return top;
}

/** A rule with the state of its instances, for the alerts list. */
export function summarizeRule(
  rule: AlertRule,
  instances: readonly AlertInstance[],
  status: { readonly lastEvaluatedMs: number; readonly lastError: string },
  silencedByRule: boolean,
): AlertRuleSummary {
  let state: AlertState = 'inactive';
  for (const instance of instances) if (STATE_RANK[instance.state] > STATE_RANK[state]) state = instance.state;
  const firing = instances.filter((instance) => instance.state === 'firing');
  const severity = topSeverity(instances, 'firing') ?? topSeverity(instances, 'pending');
  return {
    ...rule,
    state,
    severity,
    firingCount: firing.length,
    pendingCount: instances.filter((instance) => instance.state === 'pending').length,
    lastFiredMs: instances.reduce((latest, instance) => Math.max(latest, instance.firedAtMs), 0),
    lastEvaluatedMs: status.lastEvaluatedMs,
    lastError: status.lastError,
    silenced: silencedByRule || (firing.length > 0 && firing.every((instance) => instance.silenced)),
  };
}

/** Instances worth listing (not inactive): firing before pending before resolved, then most severe, then newest. */
export function orderInstances(instances: readonly AlertInstance[]): AlertInstance[] {
  return instances
    .filter((instance) => instance.state !== 'inactive')
    .sort(
      (a, b) =>
        STATE_RANK[b.state] - STATE_RANK[a.state] ||
        severityRank(b.severity) - severityRank(a.severity) ||
        b.activeSinceMs - a.activeSinceMs ||
        a.fingerprint.localeCompare(b.fingerprint),
    );
}
