import { alertRuleDefinitionSchema, type AlertRuleDefinition, type AlertRuleDefinitionInput } from '@sightline/contract';

/**
 * Rules the server creates on first start, over its own metrics (self-monitoring) and the Prometheus
 * scrapes. They are ordinary rules afterwards: users edit, disable or delete them, and a deleted one is
 * not created again.
 */
export const BUILTIN_RULES: readonly { readonly id: string; readonly definition: AlertRuleDefinitionInput }[] = [
  {
    id: 'builtin-disk-soft-watermark',
    definition: {
      name: 'Data volume above the disk watermark',
      query: { kind: 'metric', metric: 'sightline_disk_watermark_state', aggregation: 'max' },
      // 1: above the soft mark (warning, old data may be dropped); 2: above the hard mark (ingest refused).
      condition: {
        comparison: 'above_or_equal',
        match: 'last',
        windowSeconds: 300,
        thresholds: [
          { severity: 'warning', value: 1 },
          { severity: 'critical', value: 2 },
        ],
      },
      labels: { category: 'sightline' },
      title: 'Sightline data volume is above its {{severity}} disk watermark',
      description:
        'The disk holding the Sightline data directory is above its watermark (state {{value}}: 1 = soft, 2 = hard, ingest refused). Free space, shorten retention, or grow the volume. {{link}}',
    },
  },
  {
    id: 'builtin-ingest-refusals',
    definition: {
      name: 'Ingest refused or failing',
      query: {
        kind: 'metric',
        metric: 'sightline_ingest_requests_total',
        filters: [{ label: 'outcome', op: 'regex', value: 'overloaded|store_failed' }],
        groupBy: ['signal', 'outcome'],
        aggregation: 'sum',
        function: 'rate',
      },
      condition: { comparison: 'above', match: 'at_least_once', windowSeconds: 120, thresholds: [{ severity: 'warning', value: 0 }] },
      forSeconds: 300,
      labels: { category: 'sightline' },
      title: 'Sightline is refusing {{labels.signal}} ({{labels.outcome}})',
      description:
        'For 5 minutes Sightline has answered {{labels.signal}} export requests with "{{labels.outcome}}" ({{value}} requests/s). Senders retry, but data waits in their buffers. See the Sightline health dashboard. {{link}}',
    },
  },
  {
    id: 'builtin-ingest-stalled',
    definition: {
      name: 'Ingest stalled: newest data too old',
      query: { kind: 'metric', metric: 'sightline_selfmon_newest_row_age_seconds', groupBy: ['signal'], aggregation: 'max' },
      condition: {
        comparison: 'above',
        match: 'last',
        windowSeconds: 300,
        thresholds: [
          { severity: 'warning', value: 900 },
          { severity: 'critical', value: 3600 },
        ],
      },
      labels: { category: 'sightline' },
      title: 'No new {{labels.signal}} for {{value}} s',
      description: 'The newest stored {{labels.signal}} row is {{value}} seconds old (threshold {{threshold}} s): senders or the ingest path may be stuck. {{link}}',
    },
  },
  {
    id: 'builtin-scrape-target-down',
    definition: {
      name: 'Scrape target down',
      query: { kind: 'metric', metric: 'up', groupBy: ['job', 'instance'], aggregation: 'min' },
      condition: { comparison: 'below', match: 'all_the_time', windowSeconds: 120, thresholds: [{ severity: 'critical', value: 1 }] },
      forSeconds: 60,
      labels: { category: 'sightline' },
      title: 'Scrape target {{labels.instance}} ({{labels.job}}) is down',
      description: 'Sightline could not scrape {{labels.instance}} of job {{labels.job}} for the last 2 minutes. The Targets page shows the error. {{link}}',
    },
  },
];

/** What seeding needs from the rules table. */
export interface BuiltinRuleTable {
  everWritten(id: string): Promise<boolean>;
  write(id: string, definition: AlertRuleDefinition, options: { readonly builtin: boolean }): Promise<unknown>;
}

/** Creates the built-in rules that were never created before; returns the ids created. */
export async function seedBuiltinRules(table: BuiltinRuleTable): Promise<string[]> {
  const created: string[] = [];
  for (const rule of BUILTIN_RULES) {
    if (await table.everWritten(rule.id)) continue;
    await table.write(rule.id, alertRuleDefinitionSchema.parse(rule.definition), { builtin: true });
    created.push(rule.id);
  }
  return created;
}
