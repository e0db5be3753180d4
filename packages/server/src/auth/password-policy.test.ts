import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('needs the minimum length (counted in characters)', () => {
    assert.match(passwordProblem('short pass', 'alice', 12) ?? '', /at least 12/);
    assert.equal(passwordProblem('twelve chars', 'alice', 12), undefined);
    assert.match(passwordProblem('twelve chars', 'alice', 13) ?? '', /at least 13/);
    assert.match(passwordProblem('ééééééééééé', 'alice', 12) ?? '', /at least 12/);
  });

  it('refuses the username (any case) and a single repeated character', () => {
    assert.match(passwordProblem('Administrator', 'administrator', 12) ?? '', /username/);
    assert.match(passwordProblem('aaaaaaaaaaaaaaa', 'alice', 12) ?? '', /single character/);
  });
});
