import type { ChannelSettings } from '@sightline/contract';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channelTargetSummary, maskSecret, maskTokenUrl, maskUrlSecrets } from './channel-secrets.ts';

describe('maskSecret', () => {
  it('keeps the last 4 characters of a long secret and hides short ones whole', () => {
    assert.equal(maskSecret('R0ut1ngKeyABCD1234'), '••••1234');
    assert.equal(maskSecret('12345678'), '••••5678');
    assert.equal(maskSecret('1234567'), '••••');
    assert.equal(maskSecret('x'), '••••');
    assert.equal(maskSecret(''), '');
  });
});

describe('URLs', () => {
  it('hides a chat webhook URL’s path, which is its token', () => {
    assert.equal(maskTokenUrl('https://hooks.slack.com/services/T000/B000/XXXXsecretZZ9'), 'https://hooks.slack.com/…••••tZZ9');
    assert.equal(maskTokenUrl('https://relay.internal/'), 'https://relay.internal');
    assert.equal(maskTokenUrl('not a url but secret'), '••••cret');
  });

  it('shows a webhook URL but masks its password and query values', () => {
    assert.equal(maskUrlSecrets('https://hooks.example.com/alerts'), 'https://hooks.example.com/alerts');
    assert.equal(
      maskUrlSecrets('https://bot:hunter2hunter2@h.example:8443/in?token=abcdefgh1234&x=1'),
      'https://bot:••••@h.example:8443/in?token=••••1234&x=••••',
    );
  });
});

describe('channelTargetSummary', () => {
  const summary = (settings: ChannelSettings): string => channelTargetSummary(settings);

  it('never shows a secret in full', () => {
    const secrets = ['whsec_0123456789abcdef', 'pd-routing-key-0123456789', 'og-api-key-0123456789', 'mail-password-0123'];
    const all = [
      summary({ type: 'webhook', url: 'http://127.0.0.1:9/hook', hmacSecret: secrets[0], headers: { Authorization: 'Bearer tokentoken' } }),
      summary({ type: 'pagerduty', routingKey: secrets[1]!, url: 'https://events.pagerduty.com/v2/enqueue' }),
      summary({ type: 'opsgenie', apiKey: secrets[2]!, url: 'https://api.eu.opsgenie.com' }),
      summary({
        type: 'email',
        host: 'smtp.example.com',
        port: 587,
        security: 'starttls',
        requireTls: true,
        username: 'alerts',
        password: secrets[3],
        from: 'sightline@example.com',
        to: ['a@example.com'],
      }),
    ].join('\n');
    for (const secret of [...secrets, 'tokentoken']) assert.ok(!all.includes(secret), `${secret} leaked in ${all}`);
  });

  it('says where each type sends', () => {
    assert.equal(
      summary({ type: 'webhook', url: 'http://127.0.0.1:9/hook', hmacSecret: 'whsec_0123456789abcdef', headers: { 'X-Team': 'ops', Authorization: 'b' } }),
      'POST http://127.0.0.1:9/hook · signed (HMAC ••••cdef) · headers: X-Team, Authorization',
    );
    assert.equal(summary({ type: 'webhook', url: 'http://h/x', headers: {} }), 'POST http://h/x');
    assert.equal(summary({ type: 'teams', url: 'https://x.logic.azure.com/workflows/1?sig=abcdWXYZ' }), 'https://x.logic.azure.com/…••••WXYZ');
    assert.equal(
      summary({ type: 'pagerduty', routingKey: 'pd-routing-key-0123456789', url: 'https://events.pagerduty.com/v2/enqueue' }),
      'routing key ••••6789 · events.pagerduty.com',
    );
    assert.equal(summary({ type: 'opsgenie', apiKey: 'og-api-key-0123456789', url: 'https://api.eu.opsgenie.com' }), 'API key ••••6789 · api.eu.opsgenie.com');
    assert.equal(
      summary({
        type: 'email',
        host: 'smtp.example.com',
        port: 465,
        security: 'tls',
        requireTls: false,
        from: 'a@b.c',
        to: ['x@y.z', 'p@q.r', 's@t.u', 'v@w.x'],
      }),
      'smtp.example.com:465 (TLS) · a@b.c → x@y.z, p@q.r +2',
    );
    assert.equal(
      summary({
        type: 'email',
        host: 'relay',
        port: 25,
        security: 'starttls',
        requireTls: true,
        username: 'bot',
        password: 'pw',
        from: 'a@b.c',
        to: ['x@y.z'],
      }),
      'relay:25 (STARTTLS, required) as bot · a@b.c → x@y.z',
    );
  });
});
