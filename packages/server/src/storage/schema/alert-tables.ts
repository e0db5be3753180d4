import { definitionTable } from './definition-table.ts';
import type { TableDef } from './table-def.ts';

/**
 * Alerting metadata and state. Rules, channels, silences and instance states are small
 * ReplacingMergeTree tables (the newest `version` of a key wins, a `deleted` row hides it; read with
 * FINAL); transitions and delivery attempts are append-only history, expiring with the metrics.
 */

const rulesDefinitions = definitionTable('alert_rules');
export const alertRulesTable: TableDef<never> = { ...rulesDefinitions, columns: [...rulesDefinitions.columns, { name: 'builtin', type: 'UInt8', default: '0' }] };
export const alertChannelsTable = definitionTable('alert_channels');
export const alertSilencesTable = definitionTable('alert_silences');

/** The current state of each alert instance (contract `alertInstanceSchema` as JSON). */
export const alertInstancesTable: TableDef<never> = {
  name: 'alert_instances',
  columns: [
    { name: 'rule_id', type: 'String' },
    { name: 'fingerprint', type: 'String' },
    { name: 'instance', type: 'String' },
    { name: 'version', type: 'UInt64' },
    { name: 'deleted', type: 'UInt8', default: '0' },
  ],
  engine: 'ReplacingMergeTree(version, deleted)',
  orderBy: '(rule_id, fingerprint)',
};

export const alertTransitionsTable: TableDef<never> = {
  name: 'alert_transitions',
  columns: [
    { name: 'at', type: 'DateTime64(3)' },
    { name: 'rule_id', type: 'String' },
    { name: 'fingerprint', type: 'String' },
    { name: 'labels', type: 'Map(String, String)' },
    { name: 'from_state', type: 'LowCardinality(String)' },
    { name: 'to_state', type: 'LowCardinality(String)' },
    { name: 'reason', type: 'LowCardinality(String)' },
    { name: 'severity', type: 'LowCardinality(String)' },
    { name: 'value', type: 'Nullable(Float64)' },
  ],
  engine: 'MergeTree',
  orderBy: '(rule_id, at)',
  ttl: { expression: 'toDateTime(at)', signal: 'metrics' },
};

export const alertDeliveriesTable: TableDef<never> = {
  name: 'alert_deliveries',
  columns: [
    { name: 'at', type: 'DateTime64(3)' },
    { name: 'channel_id', type: 'String' },
    { name: 'rule_id', type: 'String' },
    { name: 'kind', type: 'LowCardinality(String)' },
    { name: 'status', type: 'LowCardinality(String)' },
    { name: 'attempt', type: 'UInt16' },
    { name: 'alert_count', type: 'UInt32' },
    { name: 'error', type: 'String' },
  ],
  engine: 'MergeTree',
  orderBy: '(channel_id, at)',
  ttl: { expression: 'toDateTime(at)', signal: 'metrics' },
};

export const ALERT_TABLES = [alertRulesTable, alertChannelsTable, alertSilencesTable, alertInstancesTable, alertTransitionsTable, alertDeliveriesTable] as const;
