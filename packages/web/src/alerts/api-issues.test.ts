import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issuesByField, parseApiIssues } from './api-issues.ts';

describe('parseApiIssues', () => {
  it('splits the API’s validation message into paths and messages', () => {
    assert.deepEqual(parseApiIssues('name: Too small: expected string to have >=1 characters; settings.url: Invalid URL'), [
      { path: ['name'], message: 'Too small: expected string to have >=1 characters' },
      { path: ['settings', 'url'], message: 'Invalid URL' },
    ]);
    assert.deepEqual(parseApiIssues('query.metric: Too small; condition.thresholds: one threshold per severity'), [
      { path: ['query', 'metric'], message: 'Too small' },
      { path: ['condition', 'thresholds'], message: 'one threshold per severity' },
    ]);
  });

  it('keeps a “;” inside a message and takes a message without a path whole', () => {
    assert.deepEqual(parseApiIssues('settings.headers.X-A: bad; really bad'), [{ path: ['settings', 'headers', 'X-A'], message: 'bad; really bad' }]);
    assert.deepEqual(parseApiIssues('channel abc not found'), [{ path: [], message: 'channel abc not found' }]);
    assert.deepEqual(parseApiIssues('rule builtin-x not found'), [{ path: [], message: 'rule builtin-x not found' }]);
  });

  it('reads `request:` as the body as a whole', () => {
    assert.deepEqual(parseApiIssues('request: Unexpected end of JSON'), [{ path: [], message: 'Unexpected end of JSON' }]);
  });
});

describe('issuesByField', () => {
  it('puts each issue next to its field, the first one winning, and the rest in a list', () => {
    const fieldOf = (path: readonly string[]): 'name' | 'url' | undefined => (path[0] === 'name' ? 'name' : path[1] === 'url' ? 'url' : undefined);
    const issues = parseApiIssues('name: first; name: second; settings.url: Invalid URL; settings.type: Invalid input; request: oops');
    assert.deepEqual(issuesByField(issues, fieldOf), {
      problems: { name: 'first', url: 'Invalid URL' },
      unplaced: ['settings.type: Invalid input', 'oops'],
    });
  });
});
