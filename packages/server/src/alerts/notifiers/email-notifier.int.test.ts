import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChannelSettings } from '@sightline/contract';
import { fastDelivery, firingNotification, LINK, memoryDeliveryLog, resolvedNotification } from '../../../test/support/alert-receivers/sample-notifications.ts';
import { startSmtpRecorder, type SmtpRecorderOptions } from '../../../test/support/alert-receivers/smtp-recorder.ts';
import { createNotificationDispatcher } from './notification-dispatcher.ts';
import { createNotifierRegistry } from './notifier-registry.ts';

type EmailSettings = Extract<ChannelSettings, { type: 'email' }>;

async function send(server: SmtpRecorderOptions, settings: Omit<EmailSettings, 'type' | 'host' | 'port' | 'from' | 'to'>, config = fastDelivery) {
  const smtp = await startSmtpRecorder(server);
  const deliveryLog = memoryDeliveryLog();
  // The recorder's certificate is smtp-server's self-signed one: trusted in this test only.
  const notifiers = createNotifierRegistry({ email: { tls: { rejectUnauthorized: false } } });
  const dispatcher = createNotificationDispatcher({ deliveryLog, config, publicUrl: 'http://sightline.test', notifiers });
  const full: EmailSettings = { type: 'email', host: '127.0.0.1', port: smtp.port, from: 'Sightline <alerts@sightline.test>', to: ['oncall@example.test', 'sre@example.test'], ...settings };
  const channel = { id: 'mail', definition: { name: 'mail', settings: full } };
  await dispatcher.dispatch(channel, firingNotification);
  await dispatcher.dispatch(channel, resolvedNotification);
  await dispatcher.close();
  await smtp.close();
  return { messages: smtp.messages, deliveries: deliveryLog.deliveries.map((d) => [d.kind, d.status, d.attempt, d.error]) };
}

describe('e-mail notifier', () => {
  it('sends the firing and resolved mails over plain SMTP (security none)', async () => {
    const { messages, deliveries } = await send({}, { security: 'none', requireTls: false });
    assert.deepEqual(deliveries, [['firing', 'sent', 1, ''], ['resolved', 'sent', 1, '']]);
    assert.deepEqual(messages.map((m) => [m.envelopeFrom, m.envelopeTo, m.secure, m.user]), [
      ['alerts@sightline.test', ['oncall@example.test', 'sre@example.test'], false, undefined],
      ['alerts@sightline.test', ['oncall@example.test', 'sre@example.test'], false, undefined],
    ]);
    const [firing, resolved] = messages;
    assert.ok(firing !== undefined && resolved !== undefined);
    assert.deepEqual([firing.headers.get('from'), firing.headers.get('to')], ['Sightline <alerts@sightline.test>', 'oncall@example.test, sre@example.test']);
    assert.equal(firing.headers.get('subject'), '[FIRING:2] CPU > 90% on web-1 (+1 more)');
    assert.equal(resolved.headers.get('subject'), '[RESOLVED] CPU > 90% on web-1 (+1 more)');
    for (const expected of ['FIRING [critical] CPU > 90% on web-1', 'value 97.25 (threshold 90)', 'value 85.5 (threshold 80)', 'labels: host=web-1, service=api', `Open in Sightline: ${LINK}`]) {
      assert.ok(firing.text.includes(expected), `text has "${expected}":\n${firing.text}`);
    }
    for (const expected of ['CPU &gt; 90% on web-1', 'CPU at 97.25% &amp; rising', '<td style="padding:4px 8px;border:1px solid #d0d5dd;text-align:left;vertical-align:top">97.25</td>', `<a href="${LINK}">Open in Sightline</a>`]) {
      assert.ok(firing.html.includes(expected), `html has "${expected}"`);
    }
    assert.ok(!firing.html.includes('CPU > 90%'), 'the HTML escapes the titles');
    for (const expected of ['RESOLVED [critical] CPU > 90% on web-1', 'value 42 (threshold 90)', 'resolved 2023-11-14T22:18:20.000Z', LINK]) {
      assert.ok(resolved.text.includes(expected), `resolved text has "${expected}"`);
    }
  });

  it('upgrades with STARTTLS and authenticates with AUTH PLAIN when required', async () => {
    const credentials = { username: 'alerts', password: 'mail-pass-42' };
    const { messages, deliveries } = await send({ credentials }, { security: 'starttls', requireTls: true, ...credentials });
    assert.deepEqual(deliveries, [['firing', 'sent', 1, ''], ['resolved', 'sent', 1, '']]);
    assert.deepEqual(messages.map((m) => [m.secure, m.user, m.authMethod]), [
      [true, 'alerts', 'PLAIN'],
      [true, 'alerts', 'PLAIN'],
    ]);
  });

  it('fails at once on rejected credentials, without the password in the error', async () => {
    const { messages, deliveries } = await send({ credentials: { username: 'alerts', password: 'right' } }, { security: 'starttls', requireTls: false, username: 'alerts', password: 'wrong-pass' });
    assert.equal(messages.length, 0);
    assert.deepEqual(deliveries.map((d) => d.slice(0, 3)), [['firing', 'failed', 1], ['resolved', 'failed', 1]]);
    const error = String(deliveries[0]?.[3]);
    assert.match(error, /^SMTP 127\.0\.0\.1:\d+: .*535/);
    assert.ok(!error.includes('wrong-pass'));
  });

  it('refuses to send in clear text when TLS is required but not offered', async () => {
    const { messages, deliveries } = await send({ starttls: false }, { security: 'starttls', requireTls: true }, { ...fastDelivery, maxAttempts: 1 });
    assert.equal(messages.length, 0);
    assert.deepEqual(deliveries.map((d) => d.slice(0, 3)), [['firing', 'failed', 1], ['resolved', 'failed', 1]]);
    assert.match(String(deliveries[0]?.[3]), /STARTTLS/i);
  });
});
