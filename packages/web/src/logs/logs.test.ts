import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prependCapped } from './live-tail-buffer.ts';
import { logFilterProblems, logSearchRequest, logTailQuery, readLogFilters, writeLogFilters } from './log-filters.ts';
import { severityLabel, severityLevel, severityMinNumber } from './severity.ts';

const TRACE = '0123456789abcdef0123456789abcdef';

describe('severity', () => {
  it('groups numbers into levels', () => {
    assert.deepEqual([0, 1, 4, 5, 9, 12, 13, 17, 21, 24].map(severityLevel), [
      'unset',
      'trace',
      'trace',
      'debug',
      'info',
      'info',
      'warn',
      'error',
      'fatal',
      'fatal',
    ]);
    assert.equal(severityMinNumber('warn'), 13);
  });
  it('labels with the sent text, else the level', () => {
    assert.equal(severityLabel({ severityNumber: 9, severityText: 'Information' }), 'INFORMATION');
    assert.equal(severityLabel({ severityNumber: 17, severityText: '' }), 'ERROR');
    assert.equal(severityLabel({ severityNumber: 0, severityText: '' }), '—');
  });
});

describe('log filters', () => {
  const url = `service=cart&severity=warn&q=timeout&trace=${TRACE}&attr=user.id%3D7&range=15m`;

  it('round-trips through the URL', () => {
    const params = new URLSearchParams(url);
    const filters = readLogFilters(params);
    writeLogFilters(params, filters);
    assert.equal(params.get('range'), '15m');
    assert.deepEqual(readLogFilters(params), filters);
  });

  it('builds the search request newest first', () => {
    const request = logSearchRequest(readLogFilters(new URLSearchParams(url)), { startMs: 1, endMs: 2 }, { limit: 100 });
    assert.deepEqual(request, {
      start: 1,
      end: 2,
      order: 'desc',
      service: 'cart',
      severityMin: 13,
      bodyContains: 'timeout',
      traceId: TRACE,
      attributes: [{ key: 'user.id', op: 'equals', value: '7' }],
      limit: 100,
    });
  });

  it('leaves malformed ids out of requests and reports them', () => {
    const filters = readLogFilters(new URLSearchParams('trace=xyz&span=12'));
    assert.equal(logSearchRequest(filters, { startMs: 1, endMs: 2 }).traceId, undefined);
    assert.deepEqual(Object.keys(logFilterProblems(filters)), ['traceId', 'spanId']);
  });

  it('encodes the live tail query', () => {
    const query = logTailQuery(readLogFilters(new URLSearchParams(url)));
    assert.equal(query.severityMin, 13);
    assert.equal(query.attributes, '[{"key":"user.id","op":"equals","value":"7"}]');
    assert.equal(query.resourceAttributes, undefined);
  });
});

describe('live tail buffer', () => {
  const log = (t: number) => ({ timestampUnixNano: String(1_700_000_000_000_000_000n + BigInt(t)) });

  it('puts new lines first, newest first', () => {
    const merged = prependCapped([log(2), log(1)], [log(3), log(5), log(4)]);
    assert.deepEqual(
      merged.map((l) => l.timestampUnixNano.slice(-1)),
      ['5', '4', '3', '2', '1'],
    );
  });

  it('keeps at most the cap', () => {
    const current = Array.from({ length: 1000 }, (_, i) => log(1000 - i));
    const merged = prependCapped(current, [log(2000), log(2001)]);
    assert.equal(merged.length, 1000);
    assert.equal(merged[0]?.timestampUnixNano.endsWith('2001'), true);
    assert.equal(
      prependCapped(
        [],
        Array.from({ length: 1500 }, (_, i) => log(i)),
      ).length,
      1000,
    );
  });
});
