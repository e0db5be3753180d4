import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricSeries } from '@sightline/contract';
import { applyFormula } from './align-series.ts';
import { parseFormula } from './formula.ts';

const s = (labels: Record<string, string>, points: [number, number][]): MetricSeries => ({ labels, points: points.map(([t, v]) => ({ t, v })) });

describe('formula over aligned series', () => {
  it('matches series by group labels (in any key order) and steps by time', () => {
    const results = new Map([
      ['hit', [s({ db: 'a', host: 'x' }, [[0, 9], [60, 3], [120, 5]]), s({ db: 'b', host: 'x' }, [[0, 1]])]],
      ['read', [s({ host: 'x', db: 'a' }, [[0, 1], [60, 1]]), s({ db: 'c', host: 'x' }, [[0, 4]])]],
    ]);
    // Step 120 lacks `read`; groups b and c lack one side.
    assert.deepEqual(applyFormula(parseFormula('hit / (hit + read)'), results), [s({ db: 'a', host: 'x' }, [[0, 0.9], [60, 0.75]])]);
  });

  it('applies a single series without labels to every group', () => {
    const results = new Map([
      ['used', [s({ host: 'x' }, [[0, 30]]), s({ host: 'y' }, [[0, 60]])]],
      ['max', [s({}, [[0, 120]])]],
    ]);
    assert.deepEqual(applyFormula(parseFormula('100 * used / max'), results), [s({ host: 'x' }, [[0, 25]]), s({ host: 'y' }, [[0, 50]])]);
    assert.deepEqual(applyFormula(parseFormula('max / 2'), results), [s({}, [[0, 60]])]);
  });

  it('leaves out steps divided by zero and series left without points', () => {
    const results = new Map([
      ['a', [s({ k: '1' }, [[0, 1], [60, 2]]), s({ k: '2' }, [[0, 1]])]],
      ['b', [s({ k: '1' }, [[0, 0], [60, 4]]), s({ k: '2' }, [[0, 0]])]],
    ]);
    assert.deepEqual(applyFormula(parseFormula('a / b'), results), [s({ k: '1' }, [[60, 0.5]])]);
  });

  it('has nothing when a query has no series', () => {
    assert.deepEqual(applyFormula(parseFormula('a / b'), new Map([['a', [s({}, [[0, 1]])]], ['b', []]])), []);
  });
});
