import type { DashboardDefinitionInput, LabelFilter } from '@sightline/contract';

/**
 * Sightline itself, from the metrics its self-monitoring writes into its own store (the names
 * /metrics shows; histograms under their family name). Every series is Sightline's own
 * (`service.name=sightline`), per node through `service.instance.id`.
 */
const own: LabelFilter[] = [
  { label: 'service.name', op: 'equals', value: 'sightline' },
  { label: 'service.instance.id', op: 'equals', value: '$instance' },
];

function gauge(id: string, metric: string, legend: string, groupBy: string[] = []) {
  return { id, metric, filters: own, groupBy, aggregation: 'max' as const, legend };
}

function rate(id: string, metric: string, groupBy: string[], legend: string, filters: LabelFilter[] = []) {
  return { id, metric, filters: [...own, ...filters], groupBy, function: 'rate' as const, legend };
}

const REFUSED_OUTCOMES: LabelFilter = { label: 'outcome', op: 'regex', value: 'overloaded|store_failed|malformed|too_large|unsupported' };

export const SIGHTLINE_HEALTH_DASHBOARD: DashboardDefinitionInput = {
  title: 'Sightline health',
  description: 'Ingest, back-pressure, store inserts, data freshness, event loop, memory and CPU of Sightline itself, from its own self-monitoring metrics.',
  tags: ['sightline', 'self-monitoring'],
  variables: [{ name: 'instance', label: 'Instance', metric: 'sightline_process_resident_memory_bytes', labelKey: 'service.instance.id' }],
  panels: [
    {
      id: 'accepted',
      title: 'Accepted items',
      description: 'Spans, log records and metric points stored per second, by signal and protocol.',
      type: 'timeseries',
      unit: 'per_second',
      queries: [rate('accepted', 'sightline_ingest_items_accepted_total', ['signal', 'protocol'], '{{signal}} {{protocol}}')],
    },
    {
      id: 'refused',
      title: 'Refused items and requests',
      description: 'Items refused as invalid inside accepted requests, and whole requests refused (overloaded, store failed, malformed, too large, unsupported).',
      type: 'timeseries',
      unit: 'per_second',
      queries: [
        rate('invalid_items', 'sightline_ingest_items_rejected_total', ['signal', 'protocol'], 'invalid items {{signal}} {{protocol}}'),
        rate('refused_requests', 'sightline_ingest_requests_total', ['signal', 'protocol', 'outcome'], '{{outcome}} {{signal}} {{protocol}}', [REFUSED_OUTCOMES]),
      ],
    },
    {
      id: 'pending_bytes',
      title: 'Pending bytes',
      description: 'Telemetry admitted and not yet committed; new requests are refused while it is at the budget.',
      type: 'timeseries',
      unit: 'bytes',
      queries: [gauge('pending', 'sightline_pipeline_pending_bytes', '{{service.instance.id}}', ['service.instance.id'])],
    },
    {
      id: 'insert_latency',
      title: 'Insert latency (p99)',
      description: '99th percentile of the time to commit one insert batch, by table.',
      type: 'timeseries',
      unit: 'seconds',
      queries: [{ id: 'p99', metric: 'sightline_store_insert_duration_seconds', filters: own, groupBy: ['table'], quantile: 0.99, legend: '{{table}}' }],
    },
    {
      id: 'batch_size',
      title: 'Rows per insert batch',
      description: 'Average rows of the committed batches, by table.',
      type: 'timeseries',
      unit: 'count',
      queries: [
        { ...rate('rows', 'sightline_store_insert_rows_total', ['table'], 'rows'), hidden: true },
        { ...rate('batches', 'sightline_store_insert_batches_total', ['table'], 'batches', [{ label: 'outcome', op: 'equals', value: 'committed' }]), hidden: true },
      ],
      formula: 'rows / batches',
      formulaLegend: '{{table}}',
    },
    {
      id: 'newest_row_age',
      title: 'Newest row age',
      description: "Seconds since the newest stored span, log record and metric point (Sightline's own left out); no line when none arrived lately.",
      type: 'timeseries',
      unit: 'seconds',
      queries: [gauge('age', 'sightline_selfmon_newest_row_age_seconds', '{{signal}}', ['signal'])],
    },
    {
      id: 'event_loop_lag',
      title: 'Event-loop lag',
      description: 'Delay of the event loop over each self-monitoring interval: 99th percentile and longest.',
      type: 'timeseries',
      unit: 'seconds',
      queries: [
        gauge('p99', 'sightline_selfmon_event_loop_lag_p99_seconds', 'p99'),
        gauge('max', 'sightline_selfmon_event_loop_lag_max_seconds', 'max'),
      ],
    },
    {
      id: 'queries',
      title: 'API queries',
      description: 'Latency of API reads (99th percentile, by outcome) and reads stopped by a guardrail or the concurrency cap.',
      type: 'timeseries',
      unit: 'seconds',
      queries: [
        { id: 'p99', metric: 'sightline_query_seconds', filters: own, groupBy: ['outcome'], quantile: 0.99, legend: 'p99 {{outcome}}' },
        { id: 'guardrails', metric: 'sightline_query_guardrail_hits_total', filters: own, groupBy: ['code'], function: 'increase', legend: 'stopped: {{code}}' },
      ],
    },
    {
      id: 'cpu',
      title: 'CPU',
      description: 'CPU time used (user + system) as a share of one core.',
      type: 'timeseries',
      unit: 'percent',
      queries: [{ ...rate('cpu', 'sightline_process_cpu_seconds_total', ['service.instance.id'], 'cpu'), hidden: true }],
      formula: '100 * cpu',
      formulaLegend: '{{service.instance.id}}',
    },
    {
      id: 'memory',
      title: 'Memory',
      description: "Resident memory of the process, the JavaScript heap in use, and the memory the storage engine tracks (part of the resident memory).",
      type: 'timeseries',
      unit: 'bytes',
      queries: [
        gauge('rss', 'sightline_process_resident_memory_bytes', 'resident'),
        gauge('heap', 'sightline_nodejs_heap_size_used_bytes', 'JS heap used'),
        gauge('engine', 'sightline_store_memory_bytes', 'storage engine'),
      ],
    },
    {
      id: 'engine_parts',
      title: 'Storage parts and merges',
      description: 'Active data parts per table (many small parts mean inserts outpace merges) and merges running.',
      type: 'timeseries',
      unit: 'count',
      queries: [gauge('parts', 'sightline_store_active_parts', '{{table}}', ['table']), gauge('merges', 'sightline_store_running_merges', 'running merges')],
    },
    {
      id: 'scrape_up',
      title: 'Scrape targets up',
      description: '1 when the Prometheus target answered its last scrape, by job and instance.',
      type: 'timeseries',
      unit: 'none',
      queries: [{ id: 'up', metric: 'up', groupBy: ['job', 'instance'], aggregation: 'min', legend: '{{job}} {{instance}}' }],
    },
    {
      id: 'selfmon_gaps',
      title: 'Self-monitoring gaps',
      description: 'Intervals whose own metrics were not written (by reason), and own log records not stored.',
      type: 'timeseries',
      unit: 'count',
      queries: [
        { id: 'skipped', metric: 'sightline_selfmon_skipped_total', filters: own, groupBy: ['reason'], function: 'increase', legend: 'skipped: {{reason}}' },
        { id: 'logs_dropped', metric: 'sightline_selfmon_log_records_dropped_total', filters: own, groupBy: ['reason'], function: 'increase', legend: 'log records dropped: {{reason}}' },
      ],
    },
    {
      id: 'log_lines',
      title: 'Log lines by level',
      type: 'timeseries',
      unit: 'per_second',
      queries: [rate('lines', 'sightline_log_messages_total', ['level'], '{{level}}')],
    },
  ],
};
