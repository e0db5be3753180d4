import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSpanTree } from './span-tree.ts';
import { span } from './trace-fixtures.ts';
import { summarizeTrace } from './trace-summary.ts';

describe('summarizeTrace', () => {
  it('names the root, lists services in tree order and counts errors and orphans', () => {
    const base = [span('root', '', 0, 100), span('a', 'root', 10, 20, true), span('o', 'gone', 30, 40)];
    const named = base.map((s, i) => ({ ...s, serviceName: ['web', 'db', 'worker'][i] ?? '', name: ['GET /', 'SELECT', 'job'][i] ?? '' }));
    const facts = summarizeTrace(named, buildSpanTree(named));
    assert.equal(facts.rootServiceName, 'web');
    assert.equal(facts.rootName, 'GET /');
    assert.deepEqual(facts.services, ['web', 'db', 'worker']);
    assert.equal(facts.errorCount, 1);
    assert.equal(facts.orphanCount, 1);
    assert.equal(facts.durationNs, 100);
  });
});
