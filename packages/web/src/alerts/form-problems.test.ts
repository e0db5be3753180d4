import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertRuleDefinitionSchema } from '@sightline/contract';
import { apiProblems, issueProblems, problemsAt, problemText } from './form-problems.ts';

describe('issueProblems', () => {
  it('names each field by its path, with durations read as durations', () => {
    const result = alertRuleDefinitionSchema.safeParse({
      name: '',
      query: { kind: 'metric', metric: 'm' },
      condition: { comparison: 'above', windowSeconds: 30, thresholds: [{ severity: 'critical', value: 1 }] },
      intervalSeconds: 5000,
      labels: { 'bad key': 'x' },
    });
    assert.equal(result.success, false);
    const problems = issueProblems(result.error?.issues ?? []);
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [
        ['name', 'is required'],
        ['condition.windowSeconds', 'must be at least 1 min'],
        ['intervalSeconds', 'must be at most 1 h'],
        ['labels.bad key', 'label names start with a letter or _ and hold letters, digits, _ and .'],
      ],
    );
  });

  it('leaves out paths that already have a problem', () => {
    const result = alertRuleDefinitionSchema.safeParse({
      name: 'x',
      query: { kind: 'metric', metric: 'm' },
      condition: { comparison: 'above', thresholds: [] },
    });
    const problems = issueProblems(result.error?.issues ?? [], new Set(['condition.thresholds']));
    assert.deepEqual(problems, []);
  });
});

describe('apiProblems', () => {
  it('gives the API’s issues dotted paths, the whole rule as the empty path', () => {
    assert.deepEqual(apiProblems('query.metric: Too small; condition.thresholds: one threshold per severity'), [
      { path: 'query.metric', message: 'Too small' },
      { path: 'condition.thresholds', message: 'one threshold per severity' },
    ]);
    assert.deepEqual(apiProblems('request: Unexpected end of JSON'), [{ path: '', message: 'Unexpected end of JSON' }]);
    assert.deepEqual(apiProblems('rule builtin-x not found'), [{ path: '', message: 'rule builtin-x not found' }]);
  });
});

describe('problemsAt', () => {
  it('finds a field’s problems and those of its parts', () => {
    const problems = [
      { path: 'condition.thresholds.1.value', message: 'a' },
      { path: 'condition.thresholds', message: 'b' },
      { path: 'condition.thresholdsX', message: 'c' },
    ];
    assert.deepEqual(
      problemsAt(problems, 'condition.thresholds').map((p) => p.message),
      ['a', 'b'],
    );
    assert.equal(problemText({ path: '', message: 'x' }), 'x');
    assert.equal(problemText({ path: 'name', message: 'is required' }), 'Rule name: is required');
    assert.equal(problemText({ path: 'condition.thresholds.1.value', message: 'enter a number' }), 'Threshold 2: enter a number');
    assert.equal(problemText({ path: 'query.filters.0.value', message: 'is required' }), 'Label filters: is required');
    assert.equal(problemText({ path: 'labels.bad key', message: 'x' }), 'Label bad key: x');
    assert.equal(problemText({ path: 'query.kind', message: 'x' }), 'query.kind: x');
  });
});
