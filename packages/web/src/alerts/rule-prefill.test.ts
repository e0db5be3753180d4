import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { panelSchema } from '@sightline/contract';
import { newRuleForm } from './rule-form.ts';
import {
  applyPrefill,
  decodePrefill,
  encodePrefill,
  newRuleHref,
  PREFILL_PARAM,
  prefillForService,
  prefillFromPanel,
  type RulePrefill,
} from './rule-prefill.ts';

const encodeJson = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('prefill in the URL', () => {
  it('round-trips through base64url, also with text beyond ASCII', () => {
    const prefill: RulePrefill = {
      name: 'Queue “depth” ≥ 90 — ü',
      query: { kind: 'metric', metric: 'checkout.queue.depth', filters: [], groupBy: ['queue'], aggregation: 'max' },
      comparison: 'above',
      thresholds: [{ severity: 'warning', value: 90 }],
    };
    const text = encodePrefill(prefill);
    assert.match(text, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodePrefill(text), prefill);
  });

  it('keeps the pieces that fit the contract and drops the others', () => {
    const text = encodeJson({
      name: 'ok',
      query: { kind: 'metric' },
      comparison: 'sideways',
      match: 'last',
      windowSeconds: 5,
      thresholds: [{ severity: 'critical', value: 3 }],
      extra: 'ignored',
    });
    assert.deepEqual(decodePrefill(text), { name: 'ok', match: 'last', thresholds: [{ severity: 'critical', value: 3 }] });
    assert.deepEqual(decodePrefill(encodeJson({ query: { kind: 'apm', measure: 'error_rate' } })), {
      query: { kind: 'apm', measure: 'error_rate', groupBy: [] },
    });
  });

  it('refuses what is not base64url JSON of an object', () => {
    for (const text of ['', '***', encodeJson([1, 2]), encodeJson('x'), encodeJson(null), Buffer.from('{"a":').toString('base64url'), 'A'.repeat(20_001)]) {
      assert.equal(decodePrefill(text), undefined, text.slice(0, 20));
    }
    assert.equal(decodePrefill(Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')), undefined, 'not UTF-8');
  });

  it('links to the new-rule page keeping the time range', () => {
    const href = newRuleHref({ name: 'x' }, new URLSearchParams('range=6h&service=a'));
    const url = new URL(href, 'http://host/');
    assert.equal(url.pathname, '/alerts/rules/new');
    assert.equal(url.searchParams.get('range'), '6h');
    assert.equal(url.searchParams.get('service'), null);
    assert.deepEqual(decodePrefill(url.searchParams.get(PREFILL_PARAM) ?? ''), { name: 'x' });
  });
});

describe('prefill sources', () => {
  const panel = panelSchema.parse({
    id: 'p',
    title: 'Queue depth',
    type: 'timeseries',
    queries: [
      { id: 'a', metric: 'hidden.input', hidden: true },
      {
        id: 'b',
        metric: 'checkout.queue.depth',
        filters: [
          { label: 'instance', op: 'equals', value: '$instance' },
          { label: 'env', op: 'regex', value: '$env|staging' },
          { label: 'queue', op: 'exists' },
        ],
        groupBy: ['queue'],
        aggregation: 'avg',
        function: 'rate',
        legend: '{{queue}}',
      },
    ],
  });

  it('takes a panel’s first drawn query with the variables as selected', () => {
    const prefill = prefillFromPanel(panel, { instance: 'db-1:9100' });
    assert.deepEqual(prefill, {
      name: 'Queue depth',
      query: {
        kind: 'metric',
        metric: 'checkout.queue.depth',
        filters: [
          { label: 'instance', op: 'equals', value: 'db-1:9100' },
          { label: 'queue', op: 'exists' },
        ],
        groupBy: ['queue'],
        aggregation: 'avg',
        function: 'rate',
      },
    });
    const decoded = decodePrefill(encodePrefill(prefill ?? {}));
    assert.deepEqual(decoded, prefill, 'a panel’s prefill survives the URL');
  });

  it('falls back to the first query when all are hidden, and to nothing without queries', () => {
    const hidden = panelSchema.parse({ ...panel, queries: [{ id: 'a', metric: 'only', hidden: true }] });
    const query = prefillFromPanel(hidden, {})?.query;
    assert.equal(query?.kind === 'metric' ? query.metric : undefined, 'only');
    assert.equal(prefillFromPanel(panelSchema.parse({ ...panel, queries: [] }), {}), undefined);
  });

  it('starts a service’s rule on its error rate above 5 %', () => {
    const prefill = prefillForService('checkout', 'prod');
    const form = applyPrefill(newRuleForm(), decodePrefill(encodePrefill(prefill)) ?? {});
    assert.equal(form.name, 'checkout: error rate');
    assert.equal(form.kind, 'apm');
    assert.deepEqual(form.apm, { measure: 'error_rate', service: 'checkout', operation: '', environment: 'prod', groupBy: [] });
    assert.equal(form.comparison, 'above');
    assert.deepEqual(form.thresholds, [{ severity: 'critical', value: '5' }]);
    assert.deepEqual(prefillForService('checkout').query, { kind: 'apm', measure: 'error_rate', service: 'checkout', groupBy: [] }, 'no environment: all');
  });

  it('applies only the pieces given', () => {
    const base = newRuleForm();
    const form = applyPrefill(base, { windowSeconds: 900, match: 'last' });
    assert.equal(form.window, '15m');
    assert.equal(form.match, 'last');
    assert.deepEqual({ ...form, window: base.window, match: base.match }, base);
  });
});
