import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertRuleDefinitionSchema, type AlertRuleDefinitionInput } from '@sightline/contract';
import { checkRuleForm, formFromDefinition, newRuleForm, queryInput, type RuleForm } from './rule-form.ts';

const definition = (input: AlertRuleDefinitionInput) => alertRuleDefinitionSchema.parse(input);

const metricRule = definition({
  name: 'Queue too deep',
  query: {
    kind: 'metric',
    metric: 'checkout.queue.depth',
    filters: [{ label: 'env', op: 'equals', value: 'prod' }],
    groupBy: ['queue', 'host'],
    aggregation: 'max',
    function: 'rate',
  },
  condition: {
    comparison: 'above_or_equal',
    match: 'on_average',
    windowSeconds: 600,
    thresholds: [
      { severity: 'critical', value: 90 },
      { severity: 'warning', value: 75.5 },
    ],
  },
  forSeconds: 120,
  intervalSeconds: 30,
  noData: { enabled: true, afterSeconds: 1800, severity: 'info' },
  labels: { team: 'payments' },
  title: '{{rule}} on {{labels.queue}}',
  description: 'Depth {{value}}',
  notify: { channels: ['ch-1'], repeatIntervalSeconds: 3600, sendResolved: false },
});

function check(form: RuleForm) {
  const result = checkRuleForm(form);
  assert.ok(result.ok, JSON.stringify(result));
  return result.definition;
}

function problems(form: RuleForm): [string, string][] {
  const result = checkRuleForm(form);
  assert.ok(!result.ok, 'the form has problems');
  return result.problems.map((p) => [p.path, p.message]);
}

describe('rule form', () => {
  it('round-trips a definition of each query kind', () => {
    assert.deepEqual(check(formFromDefinition(metricRule)), metricRule);
    const others: AlertRuleDefinitionInput['query'][] = [
      {
        kind: 'logs',
        service: 'checkout',
        severityMin: 17,
        bodyContains: 'timeout',
        attributes: [{ key: 'http.route', op: 'equals', value: '/pay' }],
        resourceAttributes: [{ key: 'host.name', op: 'exists' }],
        groupBy: ['service', 'resource.host.name'],
      },
      { kind: 'apm', measure: 'latency_p95', service: 'checkout', operation: 'POST /pay', environment: 'prod', groupBy: ['operation'] },
      { kind: 'exceptions', service: 'checkout', exceptionType: 'TimeoutError', groupBy: ['exception_type'] },
    ];
    for (const query of others) {
      const rule = definition({ name: 'r', query, condition: { comparison: 'above', thresholds: [{ severity: 'warning', value: 1 }] } });
      assert.deepEqual(check(formFromDefinition(rule)), rule, query.kind);
    }
  });

  it('starts a new rule with the contract defaults and nothing filled in', () => {
    const form = newRuleForm();
    assert.equal(form.name, '');
    assert.equal(form.kind, 'metric');
    assert.equal(form.window, '5m');
    assert.equal(form.interval, '1m');
    assert.equal(form.forText, '0s');
    assert.equal(form.repeat, '4h');
    assert.equal(form.title, '{{rule}}: {{severity}}');
    assert.deepEqual(form.thresholds, [{ severity: 'critical', value: '' }]);
    assert.deepEqual(problems(form), [
      ['condition.thresholds.0.value', 'enter a number'],
      ['name', 'is required'],
      ['query.metric', 'is required'],
    ]);
  });

  it('keeps each kind’s fields when switching kinds, and sends only the selected query', () => {
    const form: RuleForm = { ...formFromDefinition(metricRule), kind: 'apm' };
    assert.equal(form.metric.metric, 'checkout.queue.depth');
    assert.deepEqual(queryInput(form), { kind: 'apm', measure: 'error_rate', groupBy: [] });
    assert.equal(queryInput({ ...form, kind: 'metric' }).metric, 'checkout.queue.depth');
  });

  it('drops an operation without a service and trims text fields', () => {
    const base = formFromDefinition(metricRule);
    const form: RuleForm = { ...base, kind: 'apm', apm: { ...base.apm, operation: 'GET /', service: '  ' } };
    assert.equal(queryInput(form).operation, undefined);
    const named = check({ ...base, name: '  Spaces  ', metric: { ...base.metric, groupBy: ' queue , ,host ' } });
    assert.equal(named.name, 'Spaces');
    assert.deepEqual(named.query.kind === 'metric' && named.query.groupBy, ['queue', 'host']);
  });

  it('reports unreadable durations and numbers on their fields, not twice', () => {
    const form: RuleForm = {
      ...formFromDefinition(metricRule),
      window: '5 minutes',
      interval: '5s',
      thresholds: [
        { severity: 'critical', value: 'lots' },
        { severity: 'critical', value: '3' },
      ],
      repeat: '',
    };
    assert.deepEqual(problems(form), [
      ['condition.windowSeconds', 'enter a duration such as 90s, 5m, 1h or 1d'],
      ['condition.thresholds.0.value', 'enter a number'],
      ['notify.repeatIntervalSeconds', 'enter a duration such as 90s, 5m, 1h or 1d'],
      ['intervalSeconds', 'must be at least 10 s'],
    ]);
    assert.deepEqual(
      problems({ ...form, window: '5m', repeat: '4h', thresholds: [...form.thresholds.slice(1), ...form.thresholds.slice(1)], interval: '1m' }),
      [['condition.thresholds', 'one threshold per severity']],
    );
  });

  it('ignores the no-data delay while no-data is off', () => {
    const form: RuleForm = { ...formFromDefinition(metricRule), noDataEnabled: false, noDataAfter: 'soon' };
    assert.equal(check(form).noData.afterSeconds, 600);
    assert.deepEqual(problems({ ...form, noDataEnabled: true }), [['noData.afterSeconds', 'enter a duration such as 90s, 5m, 1h or 1d']]);
  });

  it('reads label rows: blank rows skipped, nameless and repeated ones refused', () => {
    const base = formFromDefinition(metricRule);
    assert.deepEqual(
      check({
        ...base,
        labels: [
          { key: ' team ', value: 'a' },
          { key: '', value: '' },
        ],
      }).labels,
      { team: 'a' },
    );
    assert.deepEqual(
      problems({
        ...base,
        labels: [
          { key: 'team', value: 'a' },
          { key: 'team', value: 'b' },
          { key: '', value: 'c' },
        ],
      }),
      [
        ['labels', 'label team is listed twice'],
        ['labels', 'the label with value “c” needs a name'],
      ],
    );
  });
});
