import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../errors.ts';
import { containsPattern } from './attribute-filters.ts';
import { doubleFromText } from './attribute-maps.ts';
import { CURSOR_PARTS, decodeCursor, encodeCursor } from './cursor.ts';
import { pageSize } from './read-limits.ts';

describe('query helpers', () => {
  it('escapes LIKE wildcards so a needle matches literally', () => {
    assert.equal(containsPattern('100%_a\\b'), '%100\\%\\_a\\\\b%');
  });

  it('round-trips cursors and refuses foreign or malformed ones', () => {
    const patterns = [CURSOR_PARTS.nanos, CURSOR_PARTS.spanId];
    const cursor = encodeCursor('spans:timestamp:desc', ['123', 'a1b2c3d4e5f60718']);
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeCursor(cursor, 'spans:timestamp:desc', patterns), ['123', 'a1b2c3d4e5f60718']);
    for (const [value, ordering] of [
      [cursor, 'spans:timestamp:asc'],
      ['not-base64-json', 'spans:timestamp:desc'],
      [encodeCursor('spans:timestamp:desc', ['1; DROP TABLE spans', 'a1b2c3d4e5f60718']), 'spans:timestamp:desc'],
      [encodeCursor('spans:timestamp:desc', ['1']), 'spans:timestamp:desc'],
    ] as const) {
      assert.throws(() => decodeCursor(value, ordering, patterns), (error: unknown) => isAppError(error) && error.code === 'QUERY_INVALID');
    }
  });

  it('caps page sizes at the configured maximum', () => {
    const limits = { maxMemoryBytes: 1, maxExecutionSeconds: 1, maxRowsToRead: 1, maxResultRows: 50, defaultLimit: 20 };
    assert.deepEqual([pageSize(undefined, limits), pageSize(5, limits), pageSize(5000, limits)], [20, 5, 50]);
  });

  it('reads doubles as the engine prints them', () => {
    assert.deepEqual(
      ['nan', 'inf', '-inf', '0.30000000000000004', '1e300'].map(doubleFromText),
      [{ doubleValue: 'NaN' }, { doubleValue: 'Infinity' }, { doubleValue: '-Infinity' }, { doubleValue: 0.30000000000000004 }, { doubleValue: 1e300 }],
    );
  });
});
