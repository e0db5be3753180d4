import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firingNotification, resolvedNotification } from '../../../test/support/alert-receivers/sample-notifications.ts';
import { alertKey, formatNumber, headline, labelPairs, rfc3339, timeText, truncate, valueText } from './message-format.ts';
import { buildTestNotification } from './test-notification.ts';

const alert = firingNotification.alerts[0]!;

describe('message formatting', () => {
  it('marks firing (with the count), resolved and test headlines', () => {
    assert.equal(headline(firingNotification), '[FIRING:2] CPU > 90% on web-1 (+1 more)');
    assert.equal(headline(resolvedNotification), '[RESOLVED] CPU > 90% on web-1 (+1 more)');
    assert.equal(headline(buildTestNotification({ link: 'http://x/alerts/channels', nowMs: 5 })), '[TEST] Test notification from Sightline');
    assert.equal(headline({ ...firingNotification, title: 'two\r\n  lines' }), '[FIRING:2] two lines');
  });

  it('formats numbers to 6 significant digits and null as no data', () => {
    assert.deepEqual([97.25, 90, 1234567.891, 0.000123456789, -3, null, Number.POSITIVE_INFINITY].map(formatNumber), [
      '97.25', '90', '1234570', '0.000123457', '-3', 'no data', 'Infinity',
    ]);
  });

  it('describes values, thresholds and no-data alerts', () => {
    assert.equal(valueText(alert), 'value 97.25 (threshold 90)');
    assert.equal(valueText({ ...alert, threshold: null }), 'value 97.25');
    assert.equal(valueText({ ...alert, reason: 'no_data', value: null }), 'no data');
    assert.equal(valueText({ ...alert, reason: 'no_data', value: 3 }), 'no data (last value 3)');
  });

  it('writes times as RFC 3339 and 0 as unset', () => {
    assert.equal(rfc3339(1_700_000_000_000), '2023-11-14T22:13:20.000Z');
    assert.equal(rfc3339(0), null);
    assert.equal(timeText(alert), 'since 2023-11-14T22:11:20.000Z');
    assert.equal(timeText(resolvedNotification.alerts[0]!), 'since 2023-11-14T22:11:20.000Z, resolved 2023-11-14T22:18:20.000Z');
  });

  it('sorts labels by key', () => {
    assert.deepEqual(labelPairs({ service: 'api', host: 'web-1', a: '' }), ['a=', 'host=web-1', 'service=api']);
  });

  it('truncates with an ellipsis without splitting a surrogate pair', () => {
    assert.equal(truncate('short', 10), 'short');
    assert.equal(truncate('abcdefghij', 5), 'abcd…');
    assert.equal(truncate('abc😀def', 5), 'abc…');
    assert.equal(truncate('abc😀def', 6), 'abc😀…');
  });

  it('keys an alert stably per rule and fingerprint, hashing over 255 characters', () => {
    assert.equal(alertKey('rule-cpu', 'fp-a'), 'sightline.rule-cpu.fp-a');
    const long = alertKey('r', 'x'.repeat(300));
    assert.match(long, /^sightline\.h\.[0-9a-f]{64}$/);
    assert.equal(long, alertKey('r', 'x'.repeat(300)));
    assert.notEqual(long, alertKey('r', 'y'.repeat(300)));
  });
});
