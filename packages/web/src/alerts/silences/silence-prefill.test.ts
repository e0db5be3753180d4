import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearSilencePrefill, parseMatcherText, readSilencePrefill, silenceRuleHref } from './silence-prefill.ts';

describe('parseMatcherText', () => {
  it('splits label, operator and value, longest operator first', () => {
    assert.deepEqual(parseMatcherText('service.name=checkout'), { label: 'service.name', op: '=', value: 'checkout' });
    assert.deepEqual(parseMatcherText('env!=dev'), { label: 'env', op: '!=', value: 'dev' });
    assert.deepEqual(parseMatcherText('host=~web-.*'), { label: 'host', op: '=~', value: 'web-.*' });
    assert.deepEqual(parseMatcherText('team!~qa|test'), { label: 'team', op: '!~', value: 'qa|test' });
    assert.deepEqual(parseMatcherText('a==b'), { label: 'a', op: '=', value: '=b' });
    assert.deepEqual(parseMatcherText('empty='), { label: 'empty', op: '=', value: '' });
    assert.equal(parseMatcherText('=x'), undefined);
    assert.equal(parseMatcherText('nothing'), undefined);
  });
});

describe('readSilencePrefill', () => {
  it('opens the form for a rule, with matchers from the URL', () => {
    assert.deepEqual(readSilencePrefill(new URLSearchParams('ruleId=r%201')), { ruleId: 'r 1', matchers: [] });
    assert.deepEqual(readSilencePrefill(new URLSearchParams('matcher=env%3Dprod&matcher=bad&matcher=host%3D~w.*')), {
      matchers: [
        { label: 'env', op: '=', value: 'prod' },
        { label: 'host', op: '=~', value: 'w.*' },
      ],
    });
    assert.deepEqual(readSilencePrefill(new URLSearchParams('new=1')), { matchers: [] });
    assert.equal(readSilencePrefill(new URLSearchParams('range=1h&ruleId=')), undefined);
  });

  it('builds the link a rule page uses and clears it again', () => {
    const href = silenceRuleHref('rule-1', [{ label: 'service.name', op: '=', value: 'a&b' }]);
    assert.equal(href, '/alerts/silences?ruleId=rule-1&matcher=service.name%3Da%26b');
    const params = new URLSearchParams(href.split('?')[1]);
    assert.deepEqual(readSilencePrefill(params), { ruleId: 'rule-1', matchers: [{ label: 'service.name', op: '=', value: 'a&b' }] });
    params.set('range', '1h');
    clearSilencePrefill(params);
    assert.equal(params.toString(), 'range=1h');
  });
});
