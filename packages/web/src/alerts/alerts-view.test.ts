import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertRuleDefinitionSchema, alertRuleSummarySchema, type AlertRuleDefinitionInput, type AlertRuleSummary } from '@sightline/contract';
import {
  conditionText,
  displayState,
  filterRules,
  groupLabelsOf,
  queryText,
  readRulesView,
  ruleDefinitionOf,
  ruleHref,
  rulesSummary,
  ruleSortValue,
  writeRuleFilter,
  writeRuleSort,
} from './alerts-view.ts';

function summary(id: string, extra: Partial<AlertRuleSummary> & { readonly definition?: Partial<AlertRuleDefinitionInput> } = {}): AlertRuleSummary {
  const { definition, ...rest } = extra;
  return alertRuleSummarySchema.parse({
    ...alertRuleDefinitionSchema.parse({
      name: `rule ${id}`,
      query: { kind: 'metric', metric: 'checkout.queue.depth' },
      condition: { comparison: 'above', thresholds: [{ severity: 'critical', value: 90 }] },
      ...definition,
    }),
    id,
    builtin: false,
    updatedMs: 1,
    state: 'inactive',
    severity: null,
    firingCount: 0,
    pendingCount: 0,
    lastFiredMs: 0,
    lastEvaluatedMs: 0,
    lastError: '',
    silenced: false,
    ...rest,
  });
}

describe('alerts list', () => {
  const rules = [
    summary('a', { state: 'firing', severity: 'critical', firingCount: 2, definition: { name: 'Queue deep', labels: { team: 'payments' } } }),
    summary('b', { state: 'pending', severity: 'warning', definition: { name: 'Errors', query: { kind: 'apm', measure: 'error_rate', service: 'checkout' } } }),
    summary('c', { state: 'firing', enabled: false, definition: { name: 'Off' } }),
    summary('d', { state: 'resolved' }),
  ];

  it('shows a disabled rule as disabled whatever its instances', () => {
    assert.deepEqual(rules.map(displayState), ['firing', 'pending', 'disabled', 'resolved']);
    assert.equal(rulesSummary(rules), '4 rules · 1 firing · 1 pending · 1 disabled');
    assert.equal(rulesSummary([]), '0 rules');
  });

  it('filters by text (name, query, labels), state and severity', () => {
    const ids = (filter: Parameters<typeof filterRules>[1]) => filterRules(rules, filter).map((r) => r.id);
    assert.deepEqual(ids({ text: '', state: '', severity: '' }), ['a', 'b', 'c', 'd']);
    assert.deepEqual(ids({ text: 'QUEUE', state: '', severity: '' }), ['a', 'c', 'd']);
    assert.deepEqual(ids({ text: 'team=pay', state: '', severity: '' }), ['a']);
    assert.deepEqual(ids({ text: 'checkout', state: 'pending', severity: '' }), ['b']);
    assert.deepEqual(ids({ text: '', state: 'disabled', severity: '' }), ['c']);
    assert.deepEqual(ids({ text: '', state: '', severity: 'critical' }), ['a']);
  });

  it('keeps filters and sort in the URL, defaults left out', () => {
    const params = new URLSearchParams('range=1h');
    writeRuleFilter(params, { text: 'queue', state: 'firing', severity: '' });
    writeRuleSort(params, { column: 'name', order: 'asc' });
    assert.equal(params.toString(), 'range=1h&q=queue&state=firing&sort=name');
    assert.deepEqual(readRulesView(params), { filter: { text: 'queue', state: 'firing', severity: '' }, sort: { column: 'name', order: 'asc' } });
    writeRuleSort(params, { column: 'state', order: 'desc' });
    writeRuleFilter(params, { text: ' ', state: '', severity: 'info' });
    assert.equal(params.toString(), 'range=1h&severity=info');
    assert.deepEqual(readRulesView(new URLSearchParams('state=bogus&severity=x&sort=nope')), {
      filter: { text: '', state: '', severity: '' },
      sort: { column: 'state', order: 'desc' },
    });
  });

  it('sorts firing rules first and never-fired ones last', () => {
    assert.deepEqual(rules.map(ruleSortValue('state')), [4, 3, 0, 2]);
    assert.deepEqual(rules.map(ruleSortValue('severity')), [3, 2, null, null]);
    assert.equal(ruleSortValue('lastFired')(rules[0]!), null);
  });

  it('links to a rule keeping the time range', () => {
    assert.equal(ruleHref('a/b', new URLSearchParams('range=6h&q=x')), '/alerts/rules/a%2Fb?range=6h');
  });
});

describe('rule texts', () => {
  it('describes each kind of query in a line', () => {
    assert.equal(
      queryText({
        kind: 'metric',
        metric: 'http.requests',
        filters: [
          { label: 'env', op: 'equals', value: 'prod' },
          { label: 'code', op: 'regex', value: '5..' },
          { label: 'host', op: 'exists' },
        ],
        groupBy: ['route'],
        aggregation: 'sum',
        function: 'rate',
        quantile: 0.95,
      }),
      'http.requests where env=prod, code=~5.., host · sum by route, rate, p95',
    );
    assert.equal(
      queryText({
        kind: 'logs',
        service: 'checkout',
        severityMin: 17,
        bodyContains: 'timeout',
        attributes: [{ key: 'a', op: 'exists' }],
        groupBy: ['service'],
      }),
      'logs of checkout ≥ ERROR containing “timeout” · 1 attribute filter by service',
    );
    assert.equal(queryText({ kind: 'apm', measure: 'latency_p95', service: 'checkout', operation: 'GET /', groupBy: [] }), 'latency p95 of checkout · GET /');
    assert.equal(queryText({ kind: 'exceptions', groupBy: ['service'] }), 'exceptions in every service by service');
  });

  it('describes the condition', () => {
    const rule = alertRuleDefinitionSchema.parse({
      name: 'x',
      query: { kind: 'exceptions' },
      condition: {
        comparison: 'above_or_equal',
        match: 'on_average',
        windowSeconds: 600,
        thresholds: [
          { severity: 'critical', value: 90 },
          { severity: 'warning', value: 80.5 },
        ],
      },
      forSeconds: 120,
    });
    assert.equal(conditionText(rule), 'at or above 90 (critical), 80.5 (warning) on average in 10 min; for 2 min');
    assert.equal(conditionText({ ...rule, forSeconds: 0 }), 'at or above 90 (critical), 80.5 (warning) on average in 10 min');
  });

  it('shows an instance’s own labels, not those of its rule', () => {
    assert.deepEqual(groupLabelsOf({ alertname: 'Deep', queue: 'orders', team: 'payments' }, { team: 'payments' }), { queue: 'orders' });
    assert.deepEqual(groupLabelsOf({ alertname: 'Deep', team: 'other' }, { team: 'payments' }), { team: 'other' });
    assert.deepEqual(groupLabelsOf({ alertname: 'Deep' }), {});
  });

  it('takes a stored rule’s definition without its summary fields', () => {
    const rule = summary('a', { state: 'firing', firingCount: 3 });
    const definition = ruleDefinitionOf(rule);
    assert.deepEqual(Object.keys(definition).sort(), Object.keys(alertRuleDefinitionSchema.shape).sort());
    assert.deepEqual(alertRuleDefinitionSchema.parse(definition), alertRuleDefinitionSchema.parse(rule));
  });
});
