import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { destinationTracesHref, lagChartData, messagingChartData, messagingHref, readMessagingView } from './messaging-view.ts';

describe('messaging view', () => {
  it('reads the selected destination and sort from the URL', () => {
    assert.deepEqual(readMessagingView(new URLSearchParams('system=kafka&dest=a%2Fb')).selected, { system: 'kafka', destination: 'a/b' });
    assert.equal(readMessagingView(new URLSearchParams('system=kafka')).selected, undefined);
    assert.deepEqual(readMessagingView(new URLSearchParams('')).sort, { column: 'publishRate', order: 'desc' });
  });

  it('links to a destination and to its traces, keeping the range and environment', () => {
    const current = new URLSearchParams('range=1h&env=prod&sort=x');
    assert.equal(messagingHref(current, { system: 'kafka', destination: 'orders' }), '/messaging?range=1h&env=prod&system=kafka&dest=orders');
    assert.equal(messagingHref(current), '/messaging?range=1h&env=prod');
    const traces = new URL(`http://x${destinationTracesHref(current, 'orders', 'shop')}`);
    assert.equal(traces.pathname, '/traces');
    assert.deepEqual([traces.searchParams.get('range'), traces.searchParams.get('service'), traces.searchParams.getAll('attr')], ['1h', 'shop', ['messaging.destination.name=orders']]);
  });

  it('turns series counts into rates per second', () => {
    const data = messagingChartData({
      startMs: 60_000,
      stepSeconds: 60,
      published: [60, 0],
      consumed: [120, 30],
      publishErrors: [6, 0],
      consumeErrors: [0, 3],
      publishP99Ms: [5, null],
      consumeP99Ms: [7, 8],
    });
    assert.deepEqual(data.xs, [60, 120]);
    assert.deepEqual([data.published, data.consumed, data.errors], [[1, 0], [2, 0.5], [0.1, 0.05]]);
  });

  it('sums lag over partitions per group and keeps the latest value of each partition', () => {
    const data = lagChartData({
      metric: 'kafka.consumer_group.lag',
      stepSeconds: 60,
      series: [
        { group: 'g1', partition: '0', points: [{ t: 0, v: 5 }, { t: 60_000, v: 3 }] },
        { group: 'g1', partition: '1', points: [{ t: 60_000, v: 4 }] },
        { group: 'g2', partition: '0', points: [{ t: 0, v: 9 }] },
      ],
    });
    assert.deepEqual(data.xs, [0, 60]);
    assert.deepEqual(data.groups, [{ group: 'g1', values: [5, 7] }, { group: 'g2', values: [9, null] }]);
    assert.deepEqual(data.latest.map((l) => [l.group, l.partition, l.lag]), [['g1', '0', 3], ['g1', '1', 4], ['g2', '0', 9]]);
  });
});
