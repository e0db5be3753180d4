/**
 * The rule editor's state and its mapping to and from a rule definition. Numbers and durations stay
 * text while typed; each query kind keeps its own fields, so switching kinds loses nothing. Pure.
 */

import {
  alertRuleDefinitionSchema,
  type AlertRuleDefinition,
  type AlertSeverity,
  type ApmAlertQuery,
  type AttributeFilter,
  type ExceptionsAlertQuery,
  type LabelFilter,
  type MetricAlertQuery,
} from '@sightline/contract';
import { formatDurationText, parseDurationText } from './duration-text.ts';
import { issueProblems, type FieldProblem } from './form-problems.ts';
import { parseNameList } from './label-filter-text.ts';

export const QUERY_KINDS = ['metric', 'logs', 'apm', 'exceptions'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface MetricForm {
  readonly metric: string;
  readonly filters: readonly LabelFilter[];
  /** Comma-separated label names. */
  readonly groupBy: string;
  readonly aggregation: MetricAlertQuery['aggregation'];
  readonly fn: '' | 'rate' | 'increase';
  /** 0..1 for histograms and summaries; '' for none. */
  readonly quantile: string;
}

export interface LogsForm {
  readonly service: string;
  /** OTLP severity number the records must reach, null for any. */
  readonly severityMin: number | null;
  readonly bodyContains: string;
  readonly attributes: readonly AttributeFilter[];
  readonly resourceAttributes: readonly AttributeFilter[];
  readonly groupBy: string;
}

export interface ApmForm {
  readonly measure: ApmAlertQuery['measure'];
  readonly service: string;
  readonly operation: string;
  readonly environment: string;
  readonly groupBy: readonly ApmAlertQuery['groupBy'][number][];
}

export interface ExceptionsForm {
  readonly service: string;
  readonly exceptionType: string;
  readonly groupBy: readonly ExceptionsAlertQuery['groupBy'][number][];
}

export interface ThresholdRow {
  readonly severity: AlertSeverity;
  readonly value: string;
}

export interface LabelRow {
  readonly key: string;
  readonly value: string;
}

export interface RuleForm {
  readonly name: string;
  readonly enabled: boolean;
  readonly kind: QueryKind;
  readonly metric: MetricForm;
  readonly logs: LogsForm;
  readonly apm: ApmForm;
  readonly exceptions: ExceptionsForm;
  readonly comparison: AlertRuleDefinition['condition']['comparison'];
  readonly match: AlertRuleDefinition['condition']['match'];
  readonly window: string;
  readonly thresholds: readonly ThresholdRow[];
  readonly forText: string;
  readonly interval: string;
  readonly noDataEnabled: boolean;
  readonly noDataAfter: string;
  readonly noDataSeverity: AlertSeverity;
  readonly labels: readonly LabelRow[];
  readonly title: string;
  readonly description: string;
  readonly channels: readonly string[];
  readonly repeat: string;
  readonly sendResolved: boolean;
}

/** A new rule's form: the contract's defaults. */
export function newRuleForm(): RuleForm {
  const defaults = alertRuleDefinitionSchema.parse({
    name: 'new',
    query: { kind: 'metric', metric: 'm' },
    condition: { comparison: 'above', thresholds: [{ severity: 'critical', value: 0 }] },
  });
  return { ...formFromDefinition(defaults), name: '', metric: { ...EMPTY_METRIC }, thresholds: [{ severity: 'critical', value: '' }] };
}

const EMPTY_METRIC: MetricForm = { metric: '', filters: [], groupBy: '', aggregation: 'sum', fn: '', quantile: '' };
const EMPTY_LOGS: LogsForm = { service: '', severityMin: null, bodyContains: '', attributes: [], resourceAttributes: [], groupBy: '' };
const EMPTY_APM: ApmForm = { measure: 'error_rate', service: '', operation: '', environment: '', groupBy: [] };
const EMPTY_EXCEPTIONS: ExceptionsForm = { service: '', exceptionType: '', groupBy: [] };

/** The form's fields for one query (the other kinds' fields empty). */
export function queryForm(query: AlertRuleDefinition['query']): Pick<RuleForm, 'kind' | 'metric' | 'logs' | 'apm' | 'exceptions'> {
  const base = { metric: EMPTY_METRIC, logs: EMPTY_LOGS, apm: EMPTY_APM, exceptions: EMPTY_EXCEPTIONS };
  switch (query.kind) {
    case 'metric':
      return {
        ...base,
        kind: 'metric',
        metric: {
          metric: query.metric,
          filters: query.filters,
          groupBy: query.groupBy.join(', '),
          aggregation: query.aggregation,
          fn: query.function ?? '',
          quantile: query.quantile === undefined ? '' : String(query.quantile),
        },
      };
    case 'logs':
      return {
        ...base,
        kind: 'logs',
        logs: {
          service: query.service ?? '',
          severityMin: query.severityMin ?? null,
          bodyContains: query.bodyContains ?? '',
          attributes: query.attributes ?? [],
          resourceAttributes: query.resourceAttributes ?? [],
          groupBy: query.groupBy.join(', '),
        },
      };
    case 'apm':
      return {
        ...base,
        kind: 'apm',
        apm: {
          measure: query.measure,
          service: query.service ?? '',
          operation: query.operation ?? '',
          environment: query.environment ?? '',
          groupBy: query.groupBy,
        },
      };
    case 'exceptions':
      return { ...base, kind: 'exceptions', exceptions: { service: query.service ?? '', exceptionType: query.exceptionType ?? '', groupBy: query.groupBy } };
  }
}

export function formFromDefinition(definition: AlertRuleDefinition): RuleForm {
  const { condition, noData, notify } = definition;
  return {
    name: definition.name,
    enabled: definition.enabled,
    ...queryForm(definition.query),
    comparison: condition.comparison,
    match: condition.match,
    window: formatDurationText(condition.windowSeconds),
    thresholds: condition.thresholds.map((t) => ({ severity: t.severity, value: String(t.value) })),
    forText: formatDurationText(definition.forSeconds),
    interval: formatDurationText(definition.intervalSeconds),
    noDataEnabled: noData.enabled,
    noDataAfter: formatDurationText(noData.afterSeconds),
    noDataSeverity: noData.severity,
    labels: Object.entries(definition.labels).map(([key, value]) => ({ key, value })),
    title: definition.title,
    description: definition.description,
    channels: notify.channels,
    repeat: formatDurationText(notify.repeatIntervalSeconds),
    sendResolved: notify.sendResolved,
  };
}

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** `object` without its undefined members (absent fields, not fields holding undefined). */
function compact(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** The query of the selected kind, as the contract's input (not checked yet). */
export function queryInput(form: RuleForm): Record<string, unknown> {
  return compact(queryFields(form));
}

function queryFields(form: RuleForm): Record<string, unknown> {
  switch (form.kind) {
    case 'metric': {
      const m = form.metric;
      const quantile = m.quantile.trim() === '' ? undefined : Number(m.quantile);
      return {
        kind: 'metric',
        metric: m.metric.trim(),
        filters: m.filters,
        groupBy: parseNameList(m.groupBy),
        aggregation: m.aggregation,
        ...(m.fn === '' ? {} : { function: m.fn }),
        ...(quantile === undefined ? {} : { quantile }),
      };
    }
    case 'logs': {
      const l = form.logs;
      return {
        kind: 'logs',
        service: optional(l.service),
        severityMin: l.severityMin ?? undefined,
        bodyContains: optional(l.bodyContains),
        ...(l.attributes.length === 0 ? {} : { attributes: l.attributes }),
        ...(l.resourceAttributes.length === 0 ? {} : { resourceAttributes: l.resourceAttributes }),
        groupBy: parseNameList(l.groupBy),
      };
    }
    case 'apm': {
      const a = form.apm;
      const operation = a.service.trim() === '' ? undefined : optional(a.operation);
      return { kind: 'apm', measure: a.measure, service: optional(a.service), operation, environment: optional(a.environment), groupBy: a.groupBy };
    }
    case 'exceptions': {
      const e = form.exceptions;
      return { kind: 'exceptions', service: optional(e.service), exceptionType: optional(e.exceptionType), groupBy: e.groupBy };
    }
  }
}

interface Draft {
  readonly input: Record<string, unknown>;
  /** Problems found while reading the form's text (bad numbers and durations, label rows). */
  readonly problems: FieldProblem[];
}

function seconds(text: string, path: string, problems: FieldProblem[]): number | undefined {
  const value = parseDurationText(text);
  if (value === undefined) problems.push({ path, message: 'enter a duration such as 90s, 5m, 1h or 1d' });
  return value;
}

/** The condition's thresholds: rows with a number (an empty row is a problem unless `skipEmpty`). */
export function thresholdsInput(form: RuleForm, problems: FieldProblem[], skipEmpty = false): { severity: AlertSeverity; value: number }[] {
  const thresholds: { severity: AlertSeverity; value: number }[] = [];
  form.thresholds.forEach((row, i) => {
    const text = row.value.trim();
    const value = Number(text);
    if (text === '' && skipEmpty) return;
    if (text === '' || !Number.isFinite(value)) problems.push({ path: `condition.thresholds.${i}.value`, message: 'enter a number' });
    else thresholds.push({ severity: row.severity, value });
  });
  return thresholds;
}

function labelsInput(rows: readonly LabelRow[], problems: FieldProblem[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '' && row.value.trim() === '') continue;
    if (key === '') problems.push({ path: 'labels', message: `the label with value “${row.value}” needs a name` });
    else if (Object.hasOwn(labels, key)) problems.push({ path: 'labels', message: `label ${key} is listed twice` });
    else labels[key] = row.value;
  }
  return labels;
}

function draft(form: RuleForm): Draft {
  const problems: FieldProblem[] = [];
  const input = {
    name: form.name.trim(),
    enabled: form.enabled,
    query: queryInput(form),
    condition: {
      comparison: form.comparison,
      match: form.match,
      windowSeconds: seconds(form.window, 'condition.windowSeconds', problems),
      thresholds: thresholdsInput(form, problems),
    },
    forSeconds: seconds(form.forText, 'forSeconds', problems),
    intervalSeconds: seconds(form.interval, 'intervalSeconds', problems),
    noData: {
      enabled: form.noDataEnabled,
      afterSeconds: form.noDataEnabled ? seconds(form.noDataAfter, 'noData.afterSeconds', problems) : (parseDurationText(form.noDataAfter) ?? undefined),
      severity: form.noDataSeverity,
    },
    labels: labelsInput(form.labels, problems),
    title: form.title,
    description: form.description,
    notify: { channels: form.channels, repeatIntervalSeconds: seconds(form.repeat, 'notify.repeatIntervalSeconds', problems), sendResolved: form.sendResolved },
  };
  return { input, problems };
}

export type DefinitionCheck =
  { readonly ok: true; readonly definition: AlertRuleDefinition } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/** The form as a definition checked against the contract, or every problem by field. */
export function checkRuleForm(form: RuleForm): DefinitionCheck {
  const { input, problems } = draft(form);
  const parsed = alertRuleDefinitionSchema.safeParse(input);
  if (parsed.success && problems.length === 0) return { ok: true, definition: parsed.data };
  const own = new Set(problems.map((p) => p.path));
  // A threshold row without a number leaves the list short: its own problem says why.
  if (problems.some((p) => p.path.startsWith('condition.thresholds.'))) own.add('condition.thresholds');
  return { ok: false, problems: [...problems, ...(parsed.success ? [] : issueProblems(parsed.error.issues, own))] };
}
