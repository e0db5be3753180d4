import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRetryableStatus, parseRetryAfter } from './http-post.ts';
import { isRetryable, NotifyError } from './notify-error.ts';
import { createNotifierRegistry, channelSecrets } from './notifier-registry.ts';
import { redactSecrets, urlSecret } from './redact-secrets.ts';
import { backoffDelayMs } from './retry-backoff.ts';

describe('delivery policy', () => {
  it('doubles the backoff from initialBackoffMs up to maxBackoffMs', () => {
    const config = { initialBackoffMs: 2000, maxBackoffMs: 10_000 };
    assert.deepEqual([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(config, attempt)), [2000, 4000, 8000, 10_000, 10_000]);
  });

  it('waits at least what Retry-After asks, within the cap', () => {
    const config = { initialBackoffMs: 20, maxBackoffMs: 60_000 };
    assert.equal(backoffDelayMs(config, 1, 5), 5000);
    assert.equal(backoffDelayMs(config, 1, 3600), 60_000);
    assert.equal(backoffDelayMs(config, 1, 0), 20);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter('Mon, 01 Jan 2024 00:00:30 GMT', now), 30);
    assert.equal(parseRetryAfter('Sun, 31 Dec 2023 00:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('retries timeouts, throttling and server errors, not other refusals', () => {
    assert.deepEqual([408, 425, 429, 500, 502, 503].map(isRetryableStatus), [true, true, true, true, true, true]);
    assert.deepEqual([301, 400, 401, 403, 404, 413, 422].map(isRetryableStatus), [false, false, false, false, false, false, false]);
    assert.equal(isRetryable(new NotifyError('x', { retryable: false })), false);
    assert.equal(isRetryable(new Error('unexpected')), true);
    assert.equal(new NotifyError('x', { retryable: true }).code, 'NOTIFY_FAILED');
  });

  it('names every secret of each channel type and redacts them', () => {
    const registry = createNotifierRegistry();
    assert.deepEqual(channelSecrets(registry, { type: 'webhook', url: 'https://h.example/hook/T0K3N?sig=abc', hmacSecret: 'hm4c', headers: { Authorization: 'Bearer xyz123' } }), [
      '/hook/T0K3N?sig=abc', 'hm4c', 'Bearer xyz123',
    ]);
    assert.deepEqual(channelSecrets(registry, { type: 'slack', url: 'https://hooks.slack.com/services/T/B/X' }), ['/services/T/B/X']);
    assert.deepEqual(channelSecrets(registry, { type: 'teams', url: 'https://relay.example/' }), ['']);
    assert.deepEqual(channelSecrets(registry, { type: 'pagerduty', routingKey: 'rk-1', url: 'https://events.pagerduty.com/v2/enqueue' }), ['rk-1']);
    assert.deepEqual(channelSecrets(registry, { type: 'opsgenie', apiKey: 'gk-1', url: 'https://api.opsgenie.com' }), ['gk-1']);
    assert.deepEqual(
      channelSecrets(registry, { type: 'email', host: 'h', port: 25, security: 'none', requireTls: false, password: 'pw-1', from: 'a@b', to: ['c@d'] }),
      ['pw-1'],
    );
    assert.equal(redactSecrets('key gk-12345 and /services/T/B/X and ab', ['gk-12345', '/services/T/B/X', 'ab', '']), 'key [redacted] and [redacted] and ab');
    assert.equal(urlSecret('not a url'), 'not a url');
  });
});
