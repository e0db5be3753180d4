import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OverflowNotice } from '@sightline/contract';
import { mergeNotices, noticesFor, overflowMessage } from './overflow-text.ts';

const time = (ms: number): string => `t${ms}`;
const notice = (over: Partial<OverflowNotice>): OverflowNotice => ({
  service: 'orders',
  dimension: 'operation',
  firstSeenMs: 1000,
  lastSeenMs: 2000,
  spans: 1234,
  limit: 500,
  ...over,
});

describe('overflow notices', () => {
  it('say what overflowed, since when, how much and the limit', () => {
    assert.equal(
      overflowMessage(notice({}), time),
      'Too many operations for service orders since t1000: 1,234 spans aggregated under __overflow__; limit 500.',
    );
    assert.equal(
      overflowMessage(notice({ service: '__overflow__', dimension: 'service', spans: 1, limit: 1000 }), time),
      'Too many services since t1000: 1 span aggregated under __overflow__; limit 1,000.',
    );
    assert.match(overflowMessage(notice({ dimension: 'dependency' }), time), /^Too many dependencies for service orders /);
  });

  it("pick a service's notices", () => {
    const all = [notice({}), notice({ service: 'payments' }), notice({ service: '__overflow__', dimension: 'service' })];
    assert.deepEqual(
      noticesFor(all, 'orders').map((n) => `${n.dimension}:${n.service}`),
      ['operation:orders', 'service:__overflow__'],
    );
  });

  it('merge the same notice reported twice', () => {
    const merged = mergeNotices([notice({}), notice({ firstSeenMs: 500, lastSeenMs: 1500, spans: 10 }), notice({ dimension: 'dependency' })]);
    assert.equal(merged.length, 2);
    assert.deepEqual(merged[0], notice({ firstSeenMs: 500, lastSeenMs: 2000, spans: 1234 }));
  });
});
