import { createHash } from 'node:crypto';
import type { AlertRule } from '@sightline/contract';

/**
 * An instance is one group of a rule's query. Its fingerprint hashes the group's labels only (sorted
 * key/value pairs, sha256, 16 hex digits): the rule's own labels and name are the same for every
 * instance of the rule, and editing them must not turn the instances into new ones.
 */
export function groupFingerprint(groupLabels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(groupLabels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(pairs)).digest('hex').slice(0, 16);
}

/** The fingerprint of the rule as a whole (a query without groups, or "no series at all"). */
export const RULE_FINGERPRINT = groupFingerprint({});

/**
 * The labels of an instance: the rule's labels, then the group's labels (the group's win: they name
 * the data that breached), then `alertname` = the rule's name (always).
 */
export function instanceLabels(rule: Pick<AlertRule, 'name' | 'labels'>, groupLabels: Readonly<Record<string, string>>): Record<string, string> {
  return { ...rule.labels, ...groupLabels, alertname: rule.name };
}
