import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignServiceColors, hashServiceColor, SERVICE_PALETTE, textColorOn } from './service-colors.ts';
import { rulerTicks } from './time-ticks.ts';

describe('service colours', () => {
  it('gives the services of one trace distinct colours in order of appearance', () => {
    const colors = assignServiceColors(['api', 'db', 'api', 'cache']);
    assert.deepEqual(
      [...colors.entries()],
      [
        ['api', SERVICE_PALETTE[0]],
        ['db', SERVICE_PALETTE[1]],
        ['cache', SERVICE_PALETTE[2]],
      ],
    );
  });

  it('hashes a name to the same palette colour every time', () => {
    assert.equal(hashServiceColor('checkout'), hashServiceColor('checkout'));
    assert.ok((SERVICE_PALETTE as readonly string[]).includes(hashServiceColor('checkout')));
  });

  it('picks readable text', () => {
    assert.equal(textColorOn('#ffffff'), '#000000');
    assert.equal(textColorOn('#000000'), '#ffffff');
    assert.equal(textColorOn('#edc948'), '#000000');
  });
});

describe('rulerTicks', () => {
  it('uses round steps', () => {
    assert.deepEqual(
      rulerTicks(0, 100, 5).map((t) => t.ns),
      [0, 20, 40, 60, 80, 100],
    );
    assert.deepEqual(
      rulerTicks(0, 1_000_000, 4).map((t) => t.ns),
      [0, 500_000, 1_000_000],
    );
  });

  it('starts at the first step inside a zoomed window', () => {
    const ticks = rulerTicks(15, 55, 4);
    assert.deepEqual(
      ticks.map((t) => t.ns),
      [20, 30, 40, 50],
    );
    assert.equal(ticks[0]?.fraction, 5 / 40);
  });

  it('returns the start for an empty window', () => assert.deepEqual(rulerTicks(0, 0), [{ ns: 0, fraction: 0 }]));
});
