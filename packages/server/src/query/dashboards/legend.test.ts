import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSeriesName, formulaSeriesName, resolveLegend } from './legend.ts';
import { substituteVariables } from './variables.ts';

describe('series names', () => {
  it('fills {{label}} placeholders with the series labels, empty when absent', () => {
    assert.equal(resolveLegend('commits {{datname}}', { datname: 'shop' }), 'commits shop');
    assert.equal(resolveLegend('{{ mode }}/{{instance}}', { mode: 'idle', instance: 'h:9100' }), 'idle/h:9100');
    assert.equal(resolveLegend('db {{datname}}!', {}), 'db !');
    assert.equal(resolveLegend('plain {text}', { text: 'x' }), 'plain {text}');
  });

  it('names a series without legend by its metric and labels', () => {
    assert.equal(defaultSeriesName('pg_up', {}), 'pg_up');
    assert.equal(defaultSeriesName('pg_locks_count', { mode: 'sharelock', datname: 'a"b' }), 'pg_locks_count{mode="sharelock", datname="a\\"b"}');
  });

  it('names formula series by their legend, else their labels, else the panel title', () => {
    assert.equal(formulaSeriesName('{{datname}}', { datname: 'shop' }, 'Cache'), 'shop');
    assert.equal(formulaSeriesName(undefined, { datname: 'shop', server: 's' }, 'Cache'), 'datname=shop, server=s');
    assert.equal(formulaSeriesName(undefined, {}, 'Cache'), 'Cache');
  });
});

describe('dashboard variables in filters', () => {
  it('replaces $name with the selected value, and drops filters whose variable is unset', () => {
    const filters = [
      { label: 'instance', op: 'equals' as const, value: '$instance' },
      { label: 'datname', op: 'regex' as const, value: '$db|postgres' },
      { label: 'job', op: 'equals' as const, value: 'pg' },
      { label: 'mode', op: 'exists' as const },
    ];
    assert.deepEqual(substituteVariables(filters, { instance: 'h:9187', db: 'shop' }), [
      { label: 'instance', op: 'equals', value: 'h:9187' },
      { label: 'datname', op: 'regex', value: 'shop|postgres' },
      { label: 'job', op: 'equals', value: 'pg' },
      { label: 'mode', op: 'exists' },
    ]);
    assert.deepEqual(substituteVariables(filters, { instance: '' }), [
      { label: 'job', op: 'equals', value: 'pg' },
      { label: 'mode', op: 'exists' },
    ]);
    assert.deepEqual(substituteVariables([{ label: 'a', op: 'equals', value: '$toString' }], {}), []);
  });
});
