import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latencyBucketOf } from '../../signals/latency-buckets.ts';
import { destinationTotals, operationStats, stepTotals } from './destination-summary.ts';
import type { MessagingAggregateRow } from './messaging-aggregates.ts';

function row(fields: Partial<MessagingAggregateRow> & Pick<MessagingAggregateRow, 'destination' | 'spanKind' | 'operation'>, durationsMs: number[], errors = 0): MessagingAggregateRow {
  const latency = new Map<number, number>();
  for (const ms of durationsMs) latency.set(latencyBucketOf(ms * 1e6), (latency.get(latencyBucketOf(ms * 1e6)) ?? 0) + 1);
  return {
    system: 'kafka',
    service: 'svc',
    step: 0,
    calls: durationsMs.length,
    errors,
    durationSumNs: durationsMs.reduce((a, b) => a + b, 0) * 1e6,
    durationMinNs: Math.min(...durationsMs) * 1e6,
    durationMaxNs: Math.max(...durationsMs) * 1e6,
    latency,
    errorLatency: new Map(),
    ...fields,
  };
}

describe('destination totals', () => {
  const rows = [
    row({ destination: 'a', spanKind: 4, operation: 'publish', service: 'p1' }, [1, 2, 3], 1),
    row({ destination: 'a', spanKind: 3, operation: 'send', service: 'p2' }, [4]),
    row({ destination: 'a', spanKind: 5, operation: 'process', service: 'c1' }, [10, 20]),
    row({ destination: 'a', spanKind: 3, operation: 'settle', service: 'c1' }, [1]),
    row({ destination: 'b', spanKind: 5, operation: 'receive', service: 'c2' }, [5, 5, 5, 5, 5, 5, 5], 7),
  ];

  it('merges publishing and consuming spans per destination, busiest first, leaving out other operations', () => {
    const totals = destinationTotals(rows);
    assert.deepEqual(
      totals.map((t) => [t.destination, t.publish.calls, t.publish.errors, t.consume.calls, t.consume.errors, [...t.producers], [...t.consumers]]),
      [
        ['b', 0, 0, 7, 7, [], ['c2']],
        ['a', 4, 1, 2, 0, ['p1', 'p2'], ['c1']],
      ],
    );
    assert.equal(totals[1]?.publish.durationMaxNs, 4e6);
  });

  it('keeps each service operation apart, with its role', () => {
    const ops = operationStats(rows.filter((r) => r.destination === 'a'), 60);
    assert.deepEqual(ops.map((o) => [o.service, o.operation, o.role, o.calls]), [
      ['p1', 'publish', 'publish', 3],
      ['c1', 'process', 'consume', 2],
      ['c1', 'settle', 'other', 1],
      ['p2', 'send', 'publish', 1],
    ]);
    assert.equal(ops[0]?.rate, 3 / 60);
  });

  it('puts rows into their steps and ignores steps outside the grid', () => {
    const steps = stepTotals([{ ...rows[0]!, step: 1 }, { ...rows[2]!, step: 2 }, { ...rows[2]!, step: 9 }], 3);
    const series = [...steps.values()][0];
    assert.deepEqual(series?.publish.map((s) => s.calls), [0, 3, 0]);
    assert.deepEqual(series?.consume.map((s) => s.calls), [0, 0, 2]);
  });
});
