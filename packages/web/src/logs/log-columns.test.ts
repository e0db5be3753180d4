import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogRecord } from '@sightline/contract';
import { logColumnText, MAX_LOG_COLUMNS, readLogColumns, writeLogColumns } from './log-columns.ts';

describe('log columns', () => {
  it('round-trips through the URL without blanks or repeats, capped', () => {
    const params = new URLSearchParams();
    writeLogColumns(params, ['http.route', 'host.name']);
    assert.equal(params.get('cols'), 'http.route,host.name');
    assert.deepEqual(readLogColumns(new URLSearchParams('cols=a, b,,a')), ['a', 'b']);
    assert.equal(readLogColumns(new URLSearchParams(`cols=${'k,'.repeat(3)}${Array.from({ length: 10 }, (_, i) => `c${i}`).join(',')}`)).length, MAX_LOG_COLUMNS);
    writeLogColumns(params, []);
    assert.equal(params.has('cols'), false);
  });

  it('reads a log attribute first, then the resource attribute', () => {
    const log = {
      attributes: { 'http.route': { stringValue: '/cart' }, code: { intValue: '7' } },
      resource: { attributes: { 'host.name': { stringValue: 'vm-1' }, code: { intValue: '9' } } },
    } as unknown as LogRecord;
    assert.equal(logColumnText(log, 'http.route'), '/cart');
    assert.equal(logColumnText(log, 'host.name'), 'vm-1');
    assert.equal(logColumnText(log, 'code'), '7');
    assert.equal(logColumnText(log, 'missing'), '');
  });
});
