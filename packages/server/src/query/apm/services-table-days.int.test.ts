import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApmServicesResponse } from '@sightline/contract';
import { call, testApp } from '../../../test/support/api-app.ts';
import { assertClose, insertSpanMetrics, metricGroup, nearestRank, seededRandom } from '../../../test/support/apm-metric-rows.ts';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import type { SpanMetricGroup } from '../../signals/span-metrics.ts';
import { planSources } from './apm-range.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;
/** Midnight three days ago: recent enough to outlive retention, old enough for whole days. */
const D0 = Math.floor(Date.now() / 1000 / DAY) * DAY - 3 * DAY;

interface Sent {
  readonly minute: number;
  readonly durationMs: number;
  readonly error: boolean;
}

/** Requests of `checkout` every 37 minutes over three days, each minute its own row (as ingest writes them). */
function scenario(): { sent: Sent[]; groups: SpanMetricGroup[] } {
  const random = seededRandom(11);
  const sent: Sent[] = [];
  const groups: SpanMetricGroup[] = [];
  for (let minute = D0; minute < D0 + 3 * DAY; minute += 37 * 60) {
    const durations = [5 + random() * 300, 5 + random() * 300];
    const errors = random() < 0.2 ? 1 : 0;
    durations.forEach((durationMs, index) => sent.push({ minute, durationMs, error: index < errors }));
    groups.push(metricGroup({ minute, service: 'checkout', operation: 'GET /cart' }, durations, errors));
  }
  return { sent, groups };
}

describe('services table over days: whole days from the daily rollup, the ends from hours and minutes', () => {
  let temp: TempStore;
  const { sent, groups } = scenario();

  before(async () => {
    temp = await openTempStore();
    await insertSpanMetrics(temp.store, groups);
  });
  after(async () => temp.dispose());

  it('gives the exact totals and percentiles within 1% of the spans in a ragged 2.5-day range', async () => {
    const range = { startS: D0 + 7 * HOUR + 13 * 60, endS: D0 + 2 * DAY + 19 * HOUR + 41 * 60 };
    const plan = planSources(range, true);
    assert.ok(plan.day !== undefined && plan.hour.length === 2 && plan.minute.length === 2, 'the range reads all three levels');
    const app = testApp(temp.store);
    const reply = await call<ApmServicesResponse>(app, 'GET', `/api/v1/apm/services?start=${range.startS * 1000}&end=${range.endS * 1000}`);
    await app.close();
    assert.equal(reply.status, 200);
    const checkout = reply.body.services.find((s) => s.name === 'checkout');
    const inRange = sent.filter((s) => s.minute >= range.startS && s.minute < range.endS);
    const durations = inRange.map((s) => s.durationMs);
    assert.ok(checkout);
    assert.deepEqual([checkout.calls, checkout.errors], [inRange.length, inRange.filter((s) => s.error).length]);
    assert.equal(checkout.rate, inRange.length / (range.endS - range.startS));
    assertClose(checkout.p50Ms, nearestRank(durations, 0.5), 'p50');
    assertClose(checkout.p99Ms, nearestRank(durations, 0.99), 'p99');
    assert.equal(checkout.sparkline.calls.reduce((a, b) => a + b, 0), inRange.length);
  });
});
