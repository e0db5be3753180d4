import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertInstance, AlertTransition } from '@sightline/contract';
import { segmentBox, timelineStrips } from './timeline.ts';

const range = { startMs: 1000, endMs: 2000 };

function transition(
  fingerprint: string,
  atMs: number,
  from: AlertTransition['from'],
  to: AlertTransition['to'],
  severity: AlertTransition['severity'] = null,
): AlertTransition {
  return { ruleId: 'r', fingerprint, labels: { queue: fingerprint }, from, to, reason: 'threshold', severity, value: 1, atMs };
}

describe('timelineStrips', () => {
  it('turns an instance’s transitions into spans of state, newest-first input or not', () => {
    const strips = timelineStrips(
      [
        transition('a', 1800, 'firing', 'resolved', 'critical'),
        transition('a', 1300, 'pending', 'firing', 'critical'),
        transition('a', 1100, 'inactive', 'pending', 'critical'),
      ],
      range,
    );
    assert.deepEqual(strips, [
      {
        fingerprint: 'a',
        labels: { queue: 'a' },
        name: '{queue="a"}',
        segments: [
          { startMs: 1100, endMs: 1300, state: 'pending', severity: 'critical' },
          { startMs: 1300, endMs: 1800, state: 'firing', severity: 'critical' },
          { startMs: 1800, endMs: 2000, state: 'resolved', severity: 'critical' },
        ],
      },
    ]);
  });

  it('starts in the state before the first transition and joins spans of the same state', () => {
    const [strip] = timelineStrips(
      [transition('b', 1200, 'firing', 'firing', 'critical'), transition('b', 1500, 'firing', 'resolved', null), transition('b', 1700, 'resolved', 'inactive')],
      range,
    );
    assert.deepEqual(strip?.segments, [
      { startMs: 1000, endMs: 1500, state: 'firing', severity: 'critical' },
      { startMs: 1500, endMs: 1700, state: 'resolved', severity: null },
    ]);
  });

  it('clips transitions outside the range', () => {
    const [strip] = timelineStrips([transition('c', 500, 'inactive', 'firing', 'warning'), transition('c', 2500, 'firing', 'resolved')], range);
    assert.deepEqual(strip?.segments, [{ startMs: 1000, endMs: 2000, state: 'firing', severity: 'warning' }]);
  });

  it('adds instances active since before the range, and sorts strips by labels', () => {
    const instance = (fingerprint: string, state: AlertInstance['state'], activeSinceMs: number): AlertInstance => ({
      ruleId: 'r',
      fingerprint,
      labels: { queue: fingerprint },
      state,
      reason: 'threshold',
      severity: 'info',
      value: 1,
      threshold: 0,
      activeSinceMs,
      firedAtMs: 0,
      resolvedAtMs: 0,
      lastEvaluatedMs: 0,
      lastNotifiedMs: 0,
      silenced: false,
    });
    const strips = timelineStrips([transition('m', 1500, 'inactive', 'pending', 'info')], range, [
      instance('z', 'firing', 900),
      instance('m', 'firing', 1500),
      instance('y', 'firing', 1200),
      instance('x', 'resolved', 500),
      instance('w', 'pending', 0),
    ]);
    assert.deepEqual(
      strips.map((s) => [s.fingerprint, s.segments.map((g) => [g.startMs, g.endMs, g.state])]),
      [
        ['m', [[1500, 2000, 'pending']]],
        ['z', [[1000, 2000, 'firing']]],
      ],
    );
  });
});

describe('segmentBox', () => {
  it('places a segment in percent of the range', () => {
    assert.deepEqual(segmentBox({ startMs: 1250, endMs: 1500, state: 'firing', severity: null }, range), { leftPct: 25, widthPct: 25 });
    assert.deepEqual(segmentBox({ startMs: 500, endMs: 2500, state: 'firing', severity: null }, range), { leftPct: 0, widthPct: 100 });
  });
});
