import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDateMinute, formatDateTime, formatTimeOfDay } from './time-format.ts';

describe('time-format', () => {
  const ms = Date.UTC(2025, 10, 5, 7, 8, 9, 12);
  it('formats date and time with milliseconds', () => assert.equal(formatDateTime(ms, { utc: true }), '2025-11-05 07:08:09.012'));
  it('formats the time of day', () => assert.equal(formatTimeOfDay(ms, { utc: true }), '07:08:09.012'));
  it('formats to the minute', () => assert.equal(formatDateMinute(ms, { utc: true }), '2025-11-05 07:08'));
  it('shows a dash for invalid times', () => assert.equal(formatDateTime(Number.NaN), '–'));
});
