import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ChannelSettings } from '@sightline/contract';
import { startHttpRecorder, type HttpRecorder, type RecordedRequest } from '../../../test/support/alert-receivers/http-recorder.ts';
import { fastDelivery, firingNotification, LINK, memoryDeliveryLog, resolvedNotification } from '../../../test/support/alert-receivers/sample-notifications.ts';
import { createNotificationDispatcher } from './notification-dispatcher.ts';

const json = (request: RecordedRequest): unknown => JSON.parse(request.body);

async function deliver(settings: ChannelSettings) {
  const deliveryLog = memoryDeliveryLog();
  const dispatcher = createNotificationDispatcher({ deliveryLog, config: fastDelivery, publicUrl: 'http://sightline.test:8080' });
  const channel = { id: 'ch-1', definition: { name: 'ops', settings } };
  await dispatcher.dispatch(channel, firingNotification);
  await dispatcher.dispatch(channel, resolvedNotification);
  await dispatcher.close();
  return deliveryLog.deliveries.map((d) => [d.kind, d.status, d.attempt, d.alertCount, d.error]);
}

const SENT = [
  ['firing', 'sent', 1, 2, ''],
  ['resolved', 'sent', 1, 2, ''],
];

describe('webhook, Slack and Teams notifiers', () => {
  let server: HttpRecorder;
  before(async () => {
    server = await startHttpRecorder();
  });
  after(async () => {
    await server.close();
  });

  it('posts the documented generic webhook body, signed, with the custom headers', async () => {
    server.requests.length = 0;
    const settings = { type: 'webhook', url: `${server.url}/hooks/sightline?team=sre`, hmacSecret: 's3cret-hmac', headers: { 'X-Team': 'sre', 'Content-Type': 'text/plain' } } as const;
    assert.deepEqual(await deliver(settings), SENT);
    const [firing, resolved] = server.requests;
    assert.ok(firing !== undefined && resolved !== undefined && server.requests.length === 2);
    for (const request of [firing, resolved]) {
      assert.equal(request.method, 'POST');
      assert.equal(request.path, '/hooks/sightline?team=sre');
      assert.equal(request.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(request.headers['x-team'], 'sre');
      assert.equal(request.headers['user-agent'], 'sightline-alerts');
      assert.match(String(request.headers['x-sightline-delivery']), /^[0-9a-f-]{36}$/);
      assert.equal(request.headers['x-sightline-signature'], `sha256=${createHmac('sha256', 's3cret-hmac').update(request.body).digest('hex')}`);
    }
    assert.notEqual(firing.headers['x-sightline-delivery'], resolved.headers['x-sightline-delivery']);
    const alert = (over: object) => ({ reason: 'threshold', endsAt: null, ...over });
    assert.deepEqual(json(firing), {
      version: '1', kind: 'firing', ruleId: 'rule-cpu', ruleName: 'High CPU', title: 'CPU > 90% on web-1 (+1 more)',
      description: 'CPU usage of the api hosts.', severity: 'critical', link: LINK, sentAt: '2023-11-14T22:13:20.000Z',
      alerts: [
        alert({ fingerprint: 'fp-a', status: 'firing', labels: { host: 'web-1', service: 'api' }, severity: 'critical', value: 97.25, threshold: 90, startsAt: '2023-11-14T22:11:20.000Z', title: 'CPU > 90% on web-1', description: 'CPU at 97.25% & rising' }),
        alert({ fingerprint: 'fp-b', status: 'firing', labels: { host: 'web-2', service: 'api' }, severity: 'warning', value: 85.5, threshold: 80, startsAt: '2023-11-14T22:12:20.000Z', title: 'CPU > 80% on web-2', description: '' }),
      ],
    });
    const body = json(resolved) as { kind: string; sentAt: string; alerts: { status: string; value: number; endsAt: string }[] };
    assert.deepEqual([body.kind, body.sentAt], ['resolved', '2023-11-14T22:18:20.000Z']);
    assert.deepEqual(body.alerts.map((a) => [a.status, a.value, a.endsAt]), [
      ['resolved', 42, '2023-11-14T22:18:20.000Z'],
      ['resolved', 50.5, '2023-11-14T22:18:20.000Z'],
    ]);
  });

  it('sends no signature header without a secret', async () => {
    server.requests.length = 0;
    await deliver({ type: 'webhook', url: `${server.url}/plain`, headers: { 'X-Sightline-Signature': 'forged' } });
    assert.deepEqual(server.requests.map((r) => r.headers['x-sightline-signature']), [undefined, undefined]);
  });

  it('posts a Slack message: fallback text, header, escaped mrkdwn sections, link back', async () => {
    server.requests.length = 0;
    assert.deepEqual(await deliver({ type: 'slack', url: `${server.url}/services/T000/B000/XXXX` }), SENT);
    assert.deepEqual(server.requests.map((r) => [r.method, r.path, r.headers['content-type']]), [
      ['POST', '/services/T000/B000/XXXX', 'application/json; charset=utf-8'],
      ['POST', '/services/T000/B000/XXXX', 'application/json; charset=utf-8'],
    ]);
    const context = { type: 'context', elements: [{ type: 'mrkdwn', text: `Rule: High CPU · <${LINK}|Open in Sightline>` }] };
    assert.deepEqual(json(server.requests[0]!), {
      text: '[FIRING:2] CPU &gt; 90% on web-1 (+1 more)',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '[FIRING:2] CPU > 90% on web-1 (+1 more)' } },
        { type: 'section', text: { type: 'mrkdwn', text: 'CPU usage of the api hosts.' } },
        { type: 'section', text: { type: 'mrkdwn', text: ':red_circle: *FIRING* · critical · CPU &gt; 90% on web-1\nvalue 97.25 (threshold 90) · since 2023-11-14T22:11:20.000Z\nLabels: `host=web-1` `service=api`\nCPU at 97.25% &amp; rising' } },
        { type: 'section', text: { type: 'mrkdwn', text: ':red_circle: *FIRING* · warning · CPU &gt; 80% on web-2\nvalue 85.5 (threshold 80) · since 2023-11-14T22:12:20.000Z\nLabels: `host=web-2` `service=api`' } },
        context,
      ],
    });
    assert.deepEqual(json(server.requests[1]!), {
      text: '[RESOLVED] CPU &gt; 90% on web-1 (+1 more)',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '[RESOLVED] CPU > 90% on web-1 (+1 more)' } },
        { type: 'section', text: { type: 'mrkdwn', text: 'CPU usage of the api hosts.' } },
        { type: 'section', text: { type: 'mrkdwn', text: ':large_green_circle: *RESOLVED* · critical · CPU &gt; 90% on web-1\nvalue 42 (threshold 90) · since 2023-11-14T22:11:20.000Z, resolved 2023-11-14T22:18:20.000Z\nLabels: `host=web-1` `service=api`\nCPU at 97.25% &amp; rising' } },
        { type: 'section', text: { type: 'mrkdwn', text: ':large_green_circle: *RESOLVED* · warning · CPU &gt; 80% on web-2\nvalue 50.5 (threshold 80) · since 2023-11-14T22:12:20.000Z, resolved 2023-11-14T22:18:20.000Z\nLabels: `host=web-2` `service=api`' } },
        context,
      ],
    });
  });

  it('posts a Teams message carrying an Adaptive Card with facts per alert and an OpenUrl action', async () => {
    server.requests.length = 0;
    assert.deepEqual(await deliver({ type: 'teams', url: `${server.url}/webhookb2/abc` }), SENT);
    assert.deepEqual(server.requests.map((r) => [r.method, r.path, r.headers['content-type']]), [
      ['POST', '/webhookb2/abc', 'application/json; charset=utf-8'],
      ['POST', '/webhookb2/abc', 'application/json; charset=utf-8'],
    ]);
    const card = (title: string, color: string, alerts: object[]) => ({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: title, size: 'Large', weight: 'Bolder', color, wrap: true },
              { type: 'TextBlock', text: 'CPU usage of the api hosts.', wrap: true },
              ...alerts,
              { type: 'TextBlock', text: 'Rule: High CPU', isSubtle: true, wrap: true },
            ],
            actions: [{ type: 'Action.OpenUrl', title: 'Open in Sightline', url: LINK }],
          },
        },
      ],
    });
    const container = (title: string, description: string | null, facts: [string, string][]) => ({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
        ...(description === null ? [] : [{ type: 'TextBlock', text: description, wrap: true }]),
        { type: 'FactSet', facts: facts.map(([t, value]) => ({ title: t, value })) },
      ],
    });
    assert.deepEqual(json(server.requests[0]!), card('[FIRING:2] CPU > 90% on web-1 (+1 more)', 'Attention', [
      container('CPU > 90% on web-1', 'CPU at 97.25% & rising', [['Status', 'FIRING'], ['Severity', 'critical'], ['Value', '97.25'], ['Threshold', '90'], ['Since', '2023-11-14T22:11:20.000Z'], ['Labels', 'host=web-1, service=api']]),
      container('CPU > 80% on web-2', null, [['Status', 'FIRING'], ['Severity', 'warning'], ['Value', '85.5'], ['Threshold', '80'], ['Since', '2023-11-14T22:12:20.000Z'], ['Labels', 'host=web-2, service=api']]),
    ]));
    assert.deepEqual(json(server.requests[1]!), card('[RESOLVED] CPU > 90% on web-1 (+1 more)', 'Good', [
      container('CPU > 90% on web-1', 'CPU at 97.25% & rising', [['Status', 'RESOLVED'], ['Severity', 'critical'], ['Value', '42'], ['Threshold', '90'], ['Since', '2023-11-14T22:11:20.000Z'], ['Resolved', '2023-11-14T22:18:20.000Z'], ['Labels', 'host=web-1, service=api']]),
      container('CPU > 80% on web-2', null, [['Status', 'RESOLVED'], ['Severity', 'warning'], ['Value', '50.5'], ['Threshold', '80'], ['Since', '2023-11-14T22:12:20.000Z'], ['Resolved', '2023-11-14T22:18:20.000Z'], ['Labels', 'host=web-2, service=api']]),
    ]));
  });
});
