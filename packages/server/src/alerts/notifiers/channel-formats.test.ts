import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firingNotification } from '../../../test/support/alert-receivers/sample-notifications.ts';
import type { AlertNotification } from '../ports.ts';
import { emailHtml, emailSubject, escapeHtml } from './email-body.ts';
import { smtpTransportOptions } from './email-notifier.ts';
import { opsgenieDetails, opsgeniePriority, opsgenieRequests } from './opsgenie-notifier.ts';
import { pagerDutyEvents, pagerDutySeverity, pagerDutySource } from './pagerduty-notifier.ts';
import { escapeSlack, MAX_ALERT_SECTIONS, slackLink, slackMessage } from './slack-notifier.ts';
import { teamsMessage, teamsThrottled } from './teams-notifier.ts';
import { buildTestNotification } from './test-notification.ts';

const manyAlerts: AlertNotification = {
  ...firingNotification,
  alerts: Array.from({ length: 13 }, (_, i) => ({ ...firingNotification.alerts[0]!, fingerprint: `fp-${i}` })),
};
const test = buildTestNotification({ link: 'http://s/alerts/channels', nowMs: 1000, channelName: 'ops' });

describe('channel formats', () => {
  it('escapes Slack control characters and keeps links intact', () => {
    assert.equal(escapeSlack('a & <b> *c*'), 'a &amp; &lt;b&gt; *c*');
    assert.equal(slackLink('http://x/?a=1|2>', 'R&D <x>'), '<http://x/?a=1%7C2%3E|R&amp;D &lt;x&gt;>');
  });

  it('caps Slack and Teams messages at 10 alerts and says how many are hidden', () => {
    const slack = slackMessage(manyAlerts);
    assert.equal(slack.blocks.filter((b) => b.type === 'section').length, 1 + MAX_ALERT_SECTIONS);
    const context = slack.blocks.at(-1);
    assert.ok(context?.type === 'context' && context.elements[0]!.text.endsWith(' · 3 more alerts not shown'));
    const teams = teamsMessage(manyAlerts).attachments[0].content.body;
    assert.equal(teams.filter((e) => e.type === 'Container').length, 10);
    assert.ok(teams.some((e) => e.text === '3 more alerts not shown'));
  });

  it('truncates the Slack header to 150 characters', () => {
    const header = slackMessage({ ...firingNotification, title: 'x'.repeat(400) }).blocks[0];
    assert.ok(header?.type === 'header' && header.text.text.length === 150 && header.text.text.endsWith('…'));
  });

  it('marks test messages as tests', () => {
    const section = slackMessage(test).blocks.find((b) => b.type === 'section' && b.text.text.startsWith(':information_source: *TEST*'));
    assert.ok(section !== undefined);
    assert.equal(teamsMessage(test).attachments[0].content.body[0]!.color, 'Accent');
    assert.equal(emailSubject(test), '[TEST] Test notification from Sightline');
  });

  it('recognizes a Teams connector throttling answer', () => {
    assert.equal(teamsThrottled('Microsoft Teams endpoint returned HTTP error 429 with ContextId …'), 'Microsoft Teams endpoint returned HTTP error 429 with ContextId …');
    assert.equal(teamsThrottled('1'), undefined);
  });

  it('maps severities to PagerDuty and Opsgenie levels', () => {
    assert.deepEqual((['critical', 'warning', 'info', null] as const).map(pagerDutySeverity), ['critical', 'warning', 'info', 'error']);
    assert.deepEqual((['critical', 'warning', 'info', null] as const).map(opsgeniePriority), ['P1', 'P3', 'P5', 'P3']);
  });

  it('names the PagerDuty source from host or service labels', () => {
    assert.equal(pagerDutySource({ 'service.name': 'api', 'host.name': 'h1' }), 'h1');
    assert.equal(pagerDutySource({ instance: 'db:5432', service: 'db' }), 'db:5432');
    assert.equal(pagerDutySource({ category: 'x' }), 'sightline');
  });

  it('opens and closes a test incident so none stays open', () => {
    const settings = { type: 'pagerduty', routingKey: 'rk', url: 'http://pd' } as const;
    assert.deepEqual(pagerDutyEvents(settings, test).map((e) => [e.event_action, e.dedup_key]), [
      ['trigger', 'sightline.test.test-1000'],
      ['resolve', 'sightline.test.test-1000'],
    ]);
    assert.deepEqual(opsgenieRequests(test).map((r) => [r.action, r.path]), [
      ['create', '/v2/alerts'],
      ['close', '/v2/alerts/sightline.test.test-1000/close?identifierType=alias'],
    ]);
  });

  it('keeps Opsgenie details within 8000 characters, our fields first', () => {
    const labels = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`label${String(i).padStart(2, '0')}`, 'v'.repeat(2000)]));
    const details = opsgenieDetails(firingNotification, { ...firingNotification.alerts[0]!, labels: { ...labels, rule: 'clash' } });
    const size = Object.entries(details).reduce((sum, [k, v]) => sum + k.length + v.length, 0);
    assert.ok(size <= 8000, `details use ${size} characters`);
    assert.equal(details.rule, 'High CPU');
    assert.equal(details.label00?.length, 1000);
    assert.ok(!('label19' in details));
  });

  it('escapes everything in the HTML mail', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = emailHtml({ ...firingNotification, ruleName: '<script>alert(1)</script>', link: 'http://x/?a="b"' });
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('<a href="http://x/?a=&quot;b&quot;">'));
    assert.ok(!/(src|href)="https?:\/\/(?!x\/)/.test(html), 'no external assets');
  });

  it('maps e-mail security settings to the SMTP transport', () => {
    const base = { type: 'email' as const, host: 'mx', port: 587, from: 'a@b', to: ['c@d'] };
    const pick = (o: ReturnType<typeof smtpTransportOptions>) => [o.secure, o.requireTLS, o.ignoreTLS, 'auth' in o];
    assert.deepEqual(pick(smtpTransportOptions({ ...base, security: 'none', requireTls: false }, 1000, undefined)), [false, false, true, false]);
    assert.deepEqual(pick(smtpTransportOptions({ ...base, security: 'none', requireTls: true }, 1000, undefined)), [false, true, false, false]);
    assert.deepEqual(pick(smtpTransportOptions({ ...base, security: 'starttls', requireTls: false, username: 'u', password: 'p' }, 1000, undefined)), [false, false, false, true]);
    assert.deepEqual(pick(smtpTransportOptions({ ...base, security: 'tls', requireTls: true }, 1000, undefined)), [true, false, false, false]);
  });
});
