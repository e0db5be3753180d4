import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertInstance } from '@sightline/contract';
import { buildNotification, ruleLink } from './build-notification.ts';
import { formatValue, renderTemplate, type TemplateContext } from './render-template.ts';

const CONTEXT: TemplateContext = {
  rule: 'CPU high',
  severity: 'critical',
  state: 'firing',
  value: 93.456789,
  threshold: 90,
  labels: { host: 'web-1', 'service.name': 'checkout' },
  link: 'http://sightline:8080/alerts/rules/r1',
};

function instance(fingerprint: string, severity: AlertInstance['severity'], host: string, value: number): AlertInstance {
  return {
    ruleId: 'r1',
    fingerprint,
    labels: { alertname: 'CPU high', host },
    state: 'firing',
    reason: 'threshold',
    severity,
    value,
    threshold: severity === 'critical' ? 90 : 80,
    activeSinceMs: 1000,
    firedAtMs: 2000,
    resolvedAtMs: 3000,
    lastEvaluatedMs: 3000,
    lastNotifiedMs: 0,
    silenced: false,
  };
}

describe('templates', () => {
  it('formats numbers readably', () => {
    assert.deepEqual(
      [12, 12.3456789, 0.000123456, -2.5, 1e21, 0.1 + 0.2, 100.00001, null].map(formatValue),
      ['12', '12.3457', '0.0001235', '-2.5', '1e+21', '0.3', '100', 'no data'],
    );
  });

  it('fills every placeholder', () => {
    assert.equal(
      renderTemplate('{{rule}} is {{ severity }} ({{state}}): {{value}} > {{threshold}} on {{labels.host}}/{{labels.service.name}} {{link}}', CONTEXT),
      'CPU high is critical (firing): 93.4568 > 90 on web-1/checkout http://sightline:8080/alerts/rules/r1',
    );
  });

  it('leaves unknown placeholders visible, renders missing labels empty, evaluates nothing', () => {
    assert.equal(renderTemplate('{{nope}} [{{labels.zone}}] {{rule.name}} {{constructor}} {{value + 1}}', CONTEXT), '{{nope}} [] {{rule.name}} {{constructor}} {{value + 1}}');
    assert.equal(renderTemplate('{{labels.__proto__}}|{{labels.toString}}', CONTEXT), '|');
    assert.equal(renderTemplate('{{threshold}}/{{severity}}', { ...CONTEXT, threshold: null, severity: null }), '/');
  });

  it('groups the instances of one rule in one notification, most severe first', () => {
    const rule = { id: 'r 1', name: 'CPU high', title: '{{labels.host}} is {{severity}}', description: '{{value}} on {{labels.host}} {{link}}' };
    const notification = buildNotification(rule, 'firing', [instance('a', 'warning', 'web-2', 85), instance('b', 'critical', 'web-1', 95.5)], {
      publicUrl: 'http://sightline:8080/',
      nowMs: 5000,
    });
    assert.equal(notification?.title, 'web-1 is critical (+1 more)');
    assert.equal(notification?.description, '95.5 on web-1 http://sightline:8080/alerts/rules/r%201');
    assert.equal(notification?.severity, 'critical');
    assert.equal(notification?.link, 'http://sightline:8080/alerts/rules/r%201');
    assert.deepEqual(
      notification?.alerts.map((alert) => [alert.fingerprint, alert.title, alert.status, alert.startsAtMs, alert.endsAtMs]),
      [
        ['b', 'web-1 is critical', 'firing', 2000, 0],
        ['a', 'web-2 is warning', 'firing', 2000, 0],
      ],
    );
    assert.equal(notification?.sentAtMs, 5000);
    const resolved = buildNotification(rule, 'resolved', [instance('a', 'warning', 'web-2', 10)], { publicUrl: 'http://x', nowMs: 5000 });
    assert.equal(resolved?.title, 'web-2 is warning');
    assert.deepEqual([resolved?.kind, resolved?.alerts[0]?.status, resolved?.alerts[0]?.endsAtMs], ['resolved', 'resolved', 3000]);
    assert.equal(buildNotification(rule, 'firing', [], { publicUrl: 'http://x', nowMs: 1 }), undefined);
    assert.equal(ruleLink('https://a.example/sightline', 'x'), 'https://a.example/sightline/alerts/rules/x');
  });
});
