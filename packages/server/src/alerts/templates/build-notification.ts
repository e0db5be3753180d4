import type { AlertInstance, AlertRule, AlertSeverity } from '@sightline/contract';
import type { AlertNotification, NotifiedAlert } from '../ports.ts';
import { renderTemplate } from './render-template.ts';

const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { info: 1, warning: 2, critical: 3 };

function rank(severity: AlertSeverity | null): number {
  return severity === null ? 0 : SEVERITY_RANK[severity];
}

/** The rule's page in the UI: `publicUrl` + `/alerts/rules/<id>`. */
export function ruleLink(publicUrl: string, ruleId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/alerts/rules/${encodeURIComponent(ruleId)}`;
}

/** One instance as an alert of a notification, its texts rendered from the rule's templates. */
export function notifiedAlert(rule: Pick<AlertRule, 'name' | 'title' | 'description'>, instance: AlertInstance, status: 'firing' | 'resolved', link: string): NotifiedAlert {
  const context = {
    rule: rule.name,
    severity: instance.severity,
    state: status,
    value: instance.value,
    threshold: instance.threshold,
    labels: instance.labels,
    link,
  };
  return {
    fingerprint: instance.fingerprint,
    labels: instance.labels,
    status,
    reason: instance.reason,
    severity: instance.severity,
    value: instance.value,
    threshold: instance.threshold,
    startsAtMs: instance.firedAtMs,
    endsAtMs: status === 'resolved' ? instance.resolvedAtMs : 0,
    title: renderTemplate(rule.title, context),
    description: renderTemplate(rule.description, context),
  };
}

/** Most severe first, then by labels (a stable order, so the group's title does not jump between repeats). */
function byImportance(a: AlertInstance, b: AlertInstance): number {
  const labelsA = JSON.stringify(Object.entries(a.labels).sort());
  const labelsB = JSON.stringify(Object.entries(b.labels).sort());
  return rank(b.severity) - rank(a.severity) || (labelsA < labelsB ? -1 : labelsA > labelsB ? 1 : 0);
}

/**
 * The one message for a rule's instances that need telling at one evaluation, all firing or all
 * resolved: its title is the first (most severe) alert's title with ` (+N more)` when grouped, its
 * description the first alert's, its severity the most severe one. Undefined for no instances.
 */
export function buildNotification(
  rule: Pick<AlertRule, 'id' | 'name' | 'title' | 'description'>,
  kind: 'firing' | 'resolved',
  instances: readonly AlertInstance[],
  options: { readonly publicUrl: string; readonly nowMs: number },
): AlertNotification | undefined {
  if (instances.length === 0) return undefined;
  const link = ruleLink(options.publicUrl, rule.id);
  const alerts = [...instances].sort(byImportance).map((instance) => notifiedAlert(rule, instance, kind, link));
  const first = alerts[0] as NotifiedAlert;
  const more = alerts.length - 1;
  return {
    kind,
    ruleId: rule.id,
    ruleName: rule.name,
    title: more > 0 ? `${first.title} (+${more} more)` : first.title,
    description: first.description,
    severity: first.severity,
    link,
    alerts,
    sentAtMs: options.nowMs,
  };
}
