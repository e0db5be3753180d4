import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SilenceDefinition, SilenceMatcher } from '@sightline/contract';
import { matcherMatches, silenceMatches, validateSilence } from './silence-matchers.ts';

const labels = { alertname: 'CPU high', host: 'web-12', env: 'prod' };
const matcher = (label: string, op: SilenceMatcher['op'], value: string): SilenceMatcher => ({ label, op, value });

function silence(partial: Partial<SilenceDefinition>): SilenceDefinition {
  return { comment: '', createdBy: '', matchers: [], schedule: { kind: 'once', startsAtMs: 0, endsAtMs: 1 }, ...partial };
}

describe('silence matchers', () => {
  it('compares equal and not equal, a missing label reading as empty', () => {
    assert.equal(matcherMatches(matcher('env', 'equals', 'prod'), labels), true);
    assert.equal(matcherMatches(matcher('env', 'not_equals', 'prod'), labels), false);
    assert.equal(matcherMatches(matcher('zone', 'equals', ''), labels), true);
    assert.equal(matcherMatches(matcher('zone', 'not_equals', 'eu'), labels), true);
    assert.equal(matcherMatches(matcher('constructor', 'equals', ''), labels), true);
  });

  it('anchors regular expressions at both ends', () => {
    assert.equal(matcherMatches(matcher('host', 'regex', 'web-\\d+'), labels), true);
    assert.equal(matcherMatches(matcher('host', 'regex', 'web'), labels), false);
    assert.equal(matcherMatches(matcher('host', 'regex', 'db|web-12'), labels), true);
    assert.equal(matcherMatches(matcher('host', 'regex', 'x|web'), labels), false);
    assert.equal(matcherMatches(matcher('host', 'not_regex', 'db-.*'), labels), true);
    assert.equal(matcherMatches(matcher('host', 'not_regex', 'web-.*'), labels), false);
  });

  it('never matches with an invalid pattern, in either direction', () => {
    assert.equal(matcherMatches(matcher('host', 'regex', 'web-('), labels), false);
    assert.equal(matcherMatches(matcher('host', 'not_regex', 'web-('), labels), false);
  });

  it('matches a rule and all matchers', () => {
    assert.equal(silenceMatches(silence({ ruleId: 'r1' }), 'r1', labels), true);
    assert.equal(silenceMatches(silence({ ruleId: 'r1' }), 'r2', labels), false);
    const both = silence({ ruleId: 'r1', matchers: [matcher('env', 'equals', 'prod'), matcher('host', 'regex', 'web-.*')] });
    assert.equal(silenceMatches(both, 'r1', labels), true);
    assert.equal(silenceMatches(both, 'r1', { ...labels, env: 'dev' }), false);
    assert.equal(silenceMatches(silence({ matchers: [matcher('env', 'equals', 'prod')] }), 'any rule', labels), true);
  });

  it('validates patterns, time zones and bounds', () => {
    assert.equal(validateSilence(silence({ matchers: [matcher('host', 'regex', 'web-.*')] })), undefined);
    assert.match(validateSilence(silence({ matchers: [matcher('env', 'equals', 'x'), matcher('host', 'regex', '(')] })) ?? '', /^matchers\.1\.value/);
    const recurring = { kind: 'recurring' as const, timezone: 'Mars/Olympus', weekdays: [1], startTime: '01:00', endTime: '02:00' };
    assert.match(validateSilence(silence({ ruleId: 'r', schedule: recurring })) ?? '', /time zone/);
    assert.equal(validateSilence(silence({ ruleId: 'r', schedule: { ...recurring, timezone: 'Europe/Berlin' } })), undefined);
    assert.match(validateSilence(silence({ ruleId: 'r', schedule: { ...recurring, timezone: 'UTC', fromMs: 10, untilMs: 5 } })) ?? '', /untilMs/);
  });
});
