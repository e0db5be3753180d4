/** The alerts list's state (filters, sort in the URL), texts describing a rule, and links. Pure. */

import type { AlertQuery, AlertRule, AlertRuleDefinition, AlertRuleDefinitionInput, AlertRuleSummary, AlertSeverity, AlertState } from '@sightline/contract';
import { alertSeverities } from '@sightline/contract';
import { compareText, readSort, writeSort, type SortState, type SortValue } from '../apm/table-sort.ts';
import { formatNumber } from '../dashboards/panel-units.ts';
import { SEVERITY_LEVELS } from '../logs/severity.ts';
import { pathWithGlobals } from '../router/routes.ts';
import { describeDuration } from './duration-text.ts';

/** A rule's state as the list shows it: a disabled rule is `disabled` whatever its instances. */
export type DisplayState = AlertState | 'disabled';
export const DISPLAY_STATES: readonly DisplayState[] = ['firing', 'pending', 'resolved', 'inactive', 'disabled'];

export function displayState(rule: Pick<AlertRuleSummary, 'enabled' | 'state'>): DisplayState {
  return rule.enabled ? rule.state : 'disabled';
}

const STATE_RANK: Readonly<Record<DisplayState, number>> = { firing: 4, pending: 3, resolved: 2, inactive: 1, disabled: 0 };
const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { critical: 3, warning: 2, info: 1 };

export const RULE_COLUMNS = ['name', 'state', 'severity', 'firing', 'lastFired', 'lastEvaluated', 'enabled'] as const;
export type RuleColumn = (typeof RULE_COLUMNS)[number];
export const DEFAULT_RULE_SORT: SortState<RuleColumn> = { column: 'state', order: 'desc' };

export function ruleSortValue(column: RuleColumn): (rule: AlertRuleSummary) => SortValue {
  switch (column) {
    case 'name':
      return (r) => r.name;
    case 'state':
      return (r) => STATE_RANK[displayState(r)];
    case 'severity':
      return (r) => (r.severity === null ? null : SEVERITY_RANK[r.severity]);
    case 'firing':
      return (r) => r.firingCount;
    case 'lastFired':
      return (r) => (r.lastFiredMs > 0 ? r.lastFiredMs : null);
    case 'lastEvaluated':
      return (r) => (r.lastEvaluatedMs > 0 ? r.lastEvaluatedMs : null);
    case 'enabled':
      return (r) => (r.enabled ? 1 : 0);
  }
}

export const byRuleName = (a: AlertRuleSummary, b: AlertRuleSummary): number => compareText(a.name, b.name) || compareText(a.id, b.id);

export interface RuleFilter {
  readonly text: string;
  readonly state: DisplayState | '';
  readonly severity: AlertSeverity | '';
}

type Params = { get(name: string): string | null };

export function readRulesView(params: Params): { readonly filter: RuleFilter; readonly sort: SortState<RuleColumn> } {
  const state = params.get('state') ?? '';
  const severity = params.get('severity') ?? '';
  return {
    filter: {
      text: params.get('q') ?? '',
      state: (DISPLAY_STATES as readonly string[]).includes(state) ? (state as DisplayState) : '',
      severity: (alertSeverities as readonly string[]).includes(severity) ? (severity as AlertSeverity) : '',
    },
    sort: readSort(params, RULE_COLUMNS, DEFAULT_RULE_SORT),
  };
}

export function writeRuleFilter(params: URLSearchParams, filter: RuleFilter): void {
  const set = (name: string, value: string): void => (value === '' ? params.delete(name) : params.set(name, value));
  set('q', filter.text.trim() === '' ? '' : filter.text);
  set('state', filter.state);
  set('severity', filter.severity);
}

export function writeRuleSort(params: URLSearchParams, sort: SortState<RuleColumn>): void {
  writeSort(params, sort, DEFAULT_RULE_SORT);
}

/** Rules matching the filter: text in the name, the query's description or a label; state; severity now. */
export function filterRules(rules: readonly AlertRuleSummary[], filter: RuleFilter): AlertRuleSummary[] {
  const needle = filter.text.trim().toLowerCase();
  return rules.filter((rule) => {
    if (filter.state !== '' && displayState(rule) !== filter.state) return false;
    if (filter.severity !== '' && rule.severity !== filter.severity) return false;
    if (needle === '') return true;
    const haystack = [rule.name, queryText(rule.query), ...Object.entries(rule.labels).map(([k, v]) => `${k}=${v}`)].join('\n').toLowerCase();
    return haystack.includes(needle);
  });
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `6 rules · 1 firing · 2 pending · 1 disabled`: zero parts left out. */
export function rulesSummary(rules: readonly AlertRuleSummary[]): string {
  const parts = [plural(rules.length, 'rule')];
  for (const state of ['firing', 'pending', 'disabled'] as const) {
    const count = rules.filter((r) => displayState(r) === state).length;
    if (count > 0) parts.push(`${count} ${state}`);
  }
  return parts.join(' · ');
}

const SEVERITY_NAMES = SEVERITY_LEVELS.map((level) => level.toUpperCase());

/** One line for a rule's query, e.g. `checkout.queue.depth max by queue, rate`. */
export function queryText(query: AlertQuery): string {
  const by = (groupBy: readonly string[]): string => (groupBy.length === 0 ? '' : ` by ${groupBy.join(', ')}`);
  switch (query.kind) {
    case 'metric': {
      const filters =
        query.filters.length === 0
          ? ''
          : ` where ${query.filters.map((f) => (f.op === 'exists' ? f.label : `${f.label}${f.op === 'equals' ? '=' : f.op === 'not_equals' ? '!=' : '=~'}${f.value ?? ''}`)).join(', ')}`;
      const fn = query.function === undefined ? '' : `, ${query.function}`;
      const quantile = query.quantile === undefined ? '' : `, p${formatNumber(query.quantile * 100)}`;
      return `${query.metric}${filters} · ${query.aggregation}${by(query.groupBy)}${fn}${quantile}`;
    }
    case 'logs': {
      const level = query.severityMin === undefined ? '' : ` ≥ ${SEVERITY_NAMES[Math.min(5, Math.floor((query.severityMin - 1) / 4))] ?? query.severityMin}`;
      const body = query.bodyContains === undefined ? '' : ` containing “${query.bodyContains}”`;
      const attributes = (query.attributes?.length ?? 0) + (query.resourceAttributes?.length ?? 0);
      return `logs${query.service === undefined ? '' : ` of ${query.service}`}${level}${body}${attributes === 0 ? '' : ` · ${plural(attributes, 'attribute filter')}`}${by(query.groupBy)}`;
    }
    case 'apm':
      return `${query.measure.replace(/_/g, ' ')} of ${query.service ?? 'every service'}${query.operation === undefined ? '' : ` · ${query.operation}`}${query.environment === undefined ? '' : ` (${query.environment})`}${by(query.groupBy)}`;
    case 'exceptions':
      return `exceptions${query.exceptionType === undefined ? '' : ` ${query.exceptionType}`} in ${query.service ?? 'every service'}${by(query.groupBy)}`;
  }
}

const COMPARISON_WORDS: Readonly<Record<AlertRuleDefinition['condition']['comparison'], string>> = {
  above: 'above',
  above_or_equal: 'at or above',
  below: 'below',
  below_or_equal: 'at or below',
  equal: 'equal to',
  not_equal: 'not equal to',
};

export const MATCH_WORDS: Readonly<Record<AlertRuleDefinition['condition']['match'], string>> = {
  at_least_once: 'at least once',
  all_the_time: 'all the time',
  on_average: 'on average',
  in_total: 'in total',
  last: 'at the last point',
};

/** `above 90 (critical), 80 (warning) at least once in 5 min; for 1 min` */
export function conditionText(rule: Pick<AlertRuleDefinition, 'condition' | 'forSeconds'>): string {
  const { comparison, match, windowSeconds, thresholds } = rule.condition;
  const values = thresholds.map((t) => `${formatNumber(t.value)} (${t.severity})`).join(', ');
  const hold = rule.forSeconds > 0 ? `; for ${describeDuration(rule.forSeconds)}` : '';
  return `${COMPARISON_WORDS[comparison]} ${values} ${MATCH_WORDS[match]} in ${describeDuration(windowSeconds)}${hold}`;
}

/**
 * An instance's own labels: without those every instance of its rule carries (`alertname`, the
 * rule's labels), which the rule's page and the history already say.
 */
export function groupLabelsOf(labels: Readonly<Record<string, string>>, ruleLabels: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).filter(([key, value]) => key !== 'alertname' && !(Object.hasOwn(ruleLabels, key) && ruleLabels[key] === value)),
  );
}

/** The editable definition of a stored rule (for a PUT that changes one field, e.g. `enabled`). */
export function ruleDefinitionOf(rule: AlertRule): AlertRuleDefinitionInput {
  const { name, enabled, query, condition, forSeconds, intervalSeconds, noData, labels, title, description, notify } = rule;
  return { name, enabled, query, condition, forSeconds, intervalSeconds, noData, labels, title, description, notify };
}

export const alertsHref = (current: URLSearchParams): string => pathWithGlobals('/alerts', current);
export const ruleHref = (id: string, current: URLSearchParams, extra: Readonly<Record<string, string>> = {}): string =>
  pathWithGlobals(`/alerts/rules/${encodeURIComponent(id)}`, current, extra);
export const historyHref = (current: URLSearchParams, ruleId?: string): string =>
  pathWithGlobals('/alerts/history', current, ruleId === undefined ? {} : { rule: ruleId });
