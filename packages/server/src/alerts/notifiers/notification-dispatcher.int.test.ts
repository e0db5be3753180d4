import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { closedPort, startHttpRecorder, statusSequence } from '../../../test/support/alert-receivers/http-recorder.ts';
import { fastDelivery, firingNotification, memoryDeliveryLog } from '../../../test/support/alert-receivers/sample-notifications.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { createNotificationDispatcher, type NotificationDispatcherOptions } from './notification-dispatcher.ts';

function webhook(url: string, id = 'ch-1') {
  return { id, definition: { name: 'hook', settings: { type: 'webhook', url, headers: {} } } } as const;
}

function setup(config: Partial<NotificationDispatcherOptions['config']> = {}) {
  const deliveryLog = memoryDeliveryLog();
  const dispatcher = createNotificationDispatcher({ deliveryLog, config: { ...fastDelivery, ...config }, publicUrl: 'http://sightline.test:8080/', clock: { nowMs: () => 1234 } });
  const records = () => deliveryLog.deliveries.map((d) => [d.status, d.attempt]);
  return { deliveryLog, dispatcher, records };
}

describe('notification dispatcher', () => {
  it('retries a failing endpoint with backoff until it accepts, recording each attempt', async () => {
    const server = await startHttpRecorder(statusSequence(500, 500, 200));
    const { deliveryLog, dispatcher, records } = setup();
    await dispatcher.dispatch(webhook(`${server.url}/hook`), firingNotification);
    await dispatcher.close();
    await server.close();
    assert.deepEqual(records(), [['retrying', 1], ['retrying', 2], ['sent', 3]]);
    assert.deepEqual(deliveryLog.deliveries[2], { channelId: 'ch-1', ruleId: 'rule-cpu', kind: 'firing', status: 'sent', attempt: 3, alertCount: 2, error: '', atMs: 1234 });
    assert.match(deliveryLog.deliveries[0]!.error, /^HTTP 500 Internal Server Error from 127\.0\.0\.1:\d+: \{"error":"failure number 1"\}$/);
    const ids = new Set(server.requests.map((r) => r.headers['x-sightline-delivery']));
    assert.equal(server.requests.length, 3);
    assert.equal(ids.size, 1, 'every attempt carries the same delivery id');
  });

  it('gives up after maxAttempts, recording failed with the status', async () => {
    const server = await startHttpRecorder(statusSequence(503));
    const { deliveryLog, dispatcher, records } = setup({ maxAttempts: 3 });
    await dispatcher.dispatch(webhook(`${server.url}/hook`), firingNotification);
    await dispatcher.close();
    await server.close();
    assert.equal(server.requests.length, 3);
    assert.deepEqual(records(), [['retrying', 1], ['retrying', 2], ['failed', 3]]);
    assert.match(deliveryLog.deliveries[2]!.error, /HTTP 503 Service Unavailable/);
  });

  it('does not retry a request the service refuses (4xx)', async () => {
    const server = await startHttpRecorder(statusSequence(400));
    const { dispatcher, records } = setup();
    await dispatcher.dispatch(webhook(`${server.url}/hook`), firingNotification);
    await dispatcher.close();
    await server.close();
    assert.equal(server.requests.length, 1);
    assert.deepEqual(records(), [['failed', 1]]);
  });

  it('records connection errors for a closed port', async () => {
    const port = await closedPort();
    const { deliveryLog, dispatcher, records } = setup({ maxAttempts: 2 });
    await dispatcher.dispatch(webhook(`http://127.0.0.1:${port}/hook`), firingNotification);
    await dispatcher.close();
    assert.deepEqual(records(), [['retrying', 1], ['failed', 2]]);
    assert.match(deliveryLog.deliveries[1]!.error, new RegExp(`^cannot reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
  });

  it('times an attempt out when the endpoint never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const { deliveryLog, dispatcher, records } = setup({ maxAttempts: 1, timeoutMs: 300 });
    await dispatcher.dispatch(webhook(`http://127.0.0.1:${port}/hook`), firingNotification);
    await dispatcher.close();
    for (const socket of sockets) socket.destroy();
    silent.close();
    assert.deepEqual(records(), [['failed', 1]]);
    assert.equal(deliveryLog.deliveries[0]!.error, `no answer from 127.0.0.1:${port} within 300 ms`);
  });

  it('close() cancels pending retries and records nothing further', async () => {
    const server = await startHttpRecorder(statusSequence(500));
    const { deliveryLog, dispatcher, records } = setup({ initialBackoffMs: 600_000, maxBackoffMs: 600_000 });
    const delivery = dispatcher.dispatch(webhook(`${server.url}/hook`), firingNotification);
    await eventually('the first failed attempt', () => Promise.resolve(deliveryLog.deliveries.length > 0 ? true : undefined), { pauseMs: 10 });
    await dispatcher.close();
    await delivery;
    await dispatcher.dispatch(webhook(`${server.url}/hook`), firingNotification);
    const test = await dispatcher.sendTest(webhook(`${server.url}/hook`));
    await server.close();
    assert.deepEqual(records(), [['retrying', 1]]);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(test, { ok: false, error: 'not sent: the server is shutting down' });
  });

  it('sends a test notification once, recording it only for a stored channel', async () => {
    const server = await startHttpRecorder(statusSequence(200, 500));
    const { deliveryLog, dispatcher } = setup();
    assert.deepEqual(await dispatcher.sendTest(webhook(`${server.url}/hook`, 'ch-9')), { ok: true, error: '' });
    const failed = await dispatcher.sendTest(webhook(`${server.url}/hook`, ''));
    await dispatcher.close();
    await server.close();
    assert.equal(failed.ok, false);
    assert.match(failed.error, /^HTTP 500 Internal Server Error from 127\.0\.0\.1:\d+/);
    assert.equal(server.requests.length, 2, 'no retry for a test');
    assert.deepEqual(deliveryLog.deliveries, [{ channelId: 'ch-9', ruleId: '', kind: 'test', status: 'sent', attempt: 1, alertCount: 1, error: '', atMs: 1234 }]);
    const body = JSON.parse(server.requests[0]!.body) as { kind: string; title: string; link: string; alerts: { fingerprint: string; labels: object }[] };
    assert.deepEqual([body.kind, body.title, body.link], ['test', 'Test notification from Sightline', 'http://sightline.test:8080/alerts/channels']);
    assert.deepEqual(body.alerts.map((a) => [a.fingerprint, a.labels]), [['test-1234', { alertname: 'SightlineTest', test: 'true' }]]);
  });

  it('never rejects, even when the delivery log fails', async () => {
    const server = await startHttpRecorder(statusSequence(200));
    const warnings: string[] = [];
    const dispatcher = createNotificationDispatcher({
      deliveryLog: { record: () => Promise.reject(new Error('store down')) },
      config: fastDelivery,
      publicUrl: 'http://sightline.test',
      logger: { debug: () => undefined, warn: (msg) => warnings.push(msg) },
    });
    await dispatcher.dispatch(webhook(`${server.url}/hook`), firingNotification);
    await dispatcher.close();
    await server.close();
    assert.equal(server.requests.length, 1);
    assert.deepEqual(warnings, ['could not record a notification delivery']);
  });
});
