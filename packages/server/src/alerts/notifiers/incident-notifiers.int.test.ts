import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChannelSettings } from '@sightline/contract';
import { startHttpRecorder, statusSequence, type HttpRecorder, type RecordedRequest } from '../../../test/support/alert-receivers/http-recorder.ts';
import { fastDelivery, firingNotification, LINK, memoryDeliveryLog, resolvedNotification } from '../../../test/support/alert-receivers/sample-notifications.ts';
import { createNotificationDispatcher } from './notification-dispatcher.ts';

const json = (request: RecordedRequest): unknown => JSON.parse(request.body);

async function deliver(settings: ChannelSettings) {
  const deliveryLog = memoryDeliveryLog();
  const dispatcher = createNotificationDispatcher({ deliveryLog, config: fastDelivery, publicUrl: 'http://sightline.test:8080' });
  const channel = { id: 'ch-1', definition: { name: 'on-call', settings } };
  await dispatcher.dispatch(channel, firingNotification);
  await dispatcher.dispatch(channel, resolvedNotification);
  await dispatcher.close();
  return deliveryLog.deliveries.map((d) => [d.kind, d.status, d.attempt, d.error]);
}

const ROUTING_KEY = 'R0UTINGKEY0123456789abcdefABCDEF';
const API_KEY = 'og-key-1234-5678';

describe('PagerDuty and Opsgenie notifiers', () => {
  let server: HttpRecorder;
  before(async () => {
    server = await startHttpRecorder(statusSequence(202));
  });
  after(async () => {
    await server.close();
  });

  it('sends one PagerDuty trigger per alert, then resolves with the same dedup keys', async () => {
    server.requests.length = 0;
    const sent = await deliver({ type: 'pagerduty', routingKey: ROUTING_KEY, url: `${server.url}/v2/enqueue` });
    assert.deepEqual(sent, [['firing', 'sent', 1, ''], ['resolved', 'sent', 1, '']]);
    assert.deepEqual(server.requests.map((r) => [r.method, r.path, r.headers['content-type']]), Array(4).fill(['POST', '/v2/enqueue', 'application/json; charset=utf-8']));
    const trigger = (dedup: string, summary: string, source: string, severity: string, timestamp: string, details: object) => ({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: dedup,
      payload: { summary, source, severity, timestamp, class: 'threshold', custom_details: { rule: 'High CPU', rule_id: 'rule-cpu', test: false, ...details } },
      client: 'Sightline',
      client_url: LINK,
      links: [{ href: LINK, text: 'Open the rule in Sightline' }],
    });
    assert.deepEqual(server.requests.map(json), [
      trigger('sightline.rule-cpu.fp-a', 'CPU > 90% on web-1', 'web-1', 'critical', '2023-11-14T22:11:20.000Z', { value: 97.25, threshold: 90, labels: 'host=web-1, service=api', description: 'CPU at 97.25% & rising' }),
      trigger('sightline.rule-cpu.fp-b', 'CPU > 80% on web-2', 'web-2', 'warning', '2023-11-14T22:12:20.000Z', { value: 85.5, threshold: 80, labels: 'host=web-2, service=api', description: '' }),
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'sightline.rule-cpu.fp-a' },
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'sightline.rule-cpu.fp-b' },
    ]);
  });

  it('creates one Opsgenie alert per instance with GenieKey auth, then closes each by alias', async () => {
    server.requests.length = 0;
    const sent = await deliver({ type: 'opsgenie', apiKey: API_KEY, url: `${server.url}/` });
    assert.deepEqual(sent, [['firing', 'sent', 1, ''], ['resolved', 'sent', 1, '']]);
    assert.deepEqual(server.requests.map((r) => [r.method, r.path, r.headers.authorization, r.headers['content-type']]), [
      ['POST', '/v2/alerts', `GenieKey ${API_KEY}`, 'application/json; charset=utf-8'],
      ['POST', '/v2/alerts', `GenieKey ${API_KEY}`, 'application/json; charset=utf-8'],
      ['POST', '/v2/alerts/sightline.rule-cpu.fp-a/close?identifierType=alias', `GenieKey ${API_KEY}`, 'application/json; charset=utf-8'],
      ['POST', '/v2/alerts/sightline.rule-cpu.fp-b/close?identifierType=alias', `GenieKey ${API_KEY}`, 'application/json; charset=utf-8'],
    ]);
    const details = (severity: string, value: string, threshold: string, startsAt: string, host: string) => ({
      rule: 'High CPU', ruleId: 'rule-cpu', severity, reason: 'threshold', value, threshold, startsAt, link: LINK, host, service: 'api',
    });
    assert.deepEqual(server.requests.map(json), [
      {
        message: 'CPU > 90% on web-1',
        alias: 'sightline.rule-cpu.fp-a',
        description: `critical: value 97.25 (threshold 90), since 2023-11-14T22:11:20.000Z.\n\nCPU at 97.25% & rising\n\nLabels: host=web-1, service=api\n\nRule: High CPU ${LINK}`,
        priority: 'P1',
        source: 'Sightline',
        entity: 'High CPU',
        tags: ['sightline', 'severity:critical'],
        details: details('critical', '97.25', '90', '2023-11-14T22:11:20.000Z', 'web-1'),
      },
      {
        message: 'CPU > 80% on web-2',
        alias: 'sightline.rule-cpu.fp-b',
        description: `warning: value 85.5 (threshold 80), since 2023-11-14T22:12:20.000Z.\n\nLabels: host=web-2, service=api\n\nRule: High CPU ${LINK}`,
        priority: 'P3',
        source: 'Sightline',
        entity: 'High CPU',
        tags: ['sightline', 'severity:warning'],
        details: details('warning', '85.5', '80', '2023-11-14T22:12:20.000Z', 'web-2'),
      },
      { source: 'Sightline', note: 'Resolved in Sightline at 2023-11-14T22:18:20.000Z: value 42 (threshold 90).' },
      { source: 'Sightline', note: 'Resolved in Sightline at 2023-11-14T22:18:20.000Z: value 50.5 (threshold 80).' },
    ]);
  });

  it('resends only the events that failed when retrying a multi-event PagerDuty send', async () => {
    const flaky = await startHttpRecorder(statusSequence(202, 500, 202));
    const deliveryLog = memoryDeliveryLog();
    const dispatcher = createNotificationDispatcher({ deliveryLog, config: fastDelivery, publicUrl: 'http://sightline.test' });
    await dispatcher.dispatch({ id: 'pd', definition: { name: 'pd', settings: { type: 'pagerduty', routingKey: ROUTING_KEY, url: `${flaky.url}/v2/enqueue` } } }, firingNotification);
    await dispatcher.close();
    await flaky.close();
    assert.deepEqual(flaky.requests.map((r) => (json(r) as { dedup_key: string }).dedup_key), ['sightline.rule-cpu.fp-a', 'sightline.rule-cpu.fp-b', 'sightline.rule-cpu.fp-b']);
    assert.deepEqual(deliveryLog.deliveries.map((d) => [d.status, d.attempt]), [['retrying', 1], ['sent', 2]]);
    assert.match(deliveryLog.deliveries[0]!.error, /^HTTP 500 Internal Server Error from 127\.0\.0\.1:\d+: \{"error":"failure number 2"\}$/);
  });

  it('keeps keys out of the delivery log even when a service echoes them, and does not retry a 4xx', async () => {
    const echo = await startHttpRecorder(() => ({ status: 401, body: `{"message":"Key ${API_KEY} is not valid"}` }));
    const deliveryLog = memoryDeliveryLog();
    const dispatcher = createNotificationDispatcher({ deliveryLog, config: fastDelivery, publicUrl: 'http://sightline.test' });
    const channel = { id: 'og', definition: { name: 'og', settings: { type: 'opsgenie', apiKey: API_KEY, url: echo.url } } } as const;
    await dispatcher.dispatch(channel, firingNotification);
    const test = await dispatcher.sendTest(channel);
    await dispatcher.close();
    await echo.close();
    assert.equal(echo.requests.length, 2);
    assert.deepEqual(deliveryLog.deliveries.map((d) => [d.kind, d.status, d.attempt]), [['firing', 'failed', 1], ['test', 'failed', 1]]);
    for (const text of [...deliveryLog.deliveries.map((d) => d.error), test.error]) {
      assert.match(text, /^HTTP 401 Unauthorized from 127\.0\.0\.1:\d+: \{"message":"Key \[redacted\] is not valid"\}$/);
    }
    assert.equal(test.ok, false);
  });
});
