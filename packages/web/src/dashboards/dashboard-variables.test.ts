import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DashboardVariable } from '@sightline/contract';
import { readVariableSelection, variableChoices, writeVariable } from './dashboard-variables.ts';

const host: DashboardVariable = { name: 'instance', label: 'Instance', metric: 'node_load1', labelKey: 'instance' };
const db: DashboardVariable = { name: 'datname', label: 'Database', metric: 'pg_stat_database_xact_commit', labelKey: 'datname' };

describe('variable selections in the URL', () => {
  it('reads and writes var-<name>', () => {
    const params = new URLSearchParams('range=1h&var-instance=db%3A9100&var-datname=');
    assert.deepEqual(readVariableSelection(params, [host, db]), { instance: 'db:9100' });
    writeVariable(params, 'datname', 'shop');
    writeVariable(params, 'instance', '');
    assert.equal(params.toString(), 'range=1h&var-datname=shop');
  });
});

describe('variableChoices', () => {
  it('offers a chosen value even when it is not among the values of the range', () => {
    assert.deepEqual(variableChoices(['a', 'b'], 'c'), ['c', 'a', 'b']);
    assert.deepEqual(variableChoices(['a', 'b'], 'b'), ['a', 'b']);
    assert.deepEqual(variableChoices(undefined, undefined), []);
  });
});
