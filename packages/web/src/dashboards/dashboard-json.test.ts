import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardDefinitionSchema, type Dashboard } from '@sightline/contract';
import { checkDefinition, definitionText, starterDefinition } from './dashboard-json.ts';

const dashboard: Dashboard = {
  id: 'd1',
  builtin: false,
  updatedMs: 5,
  title: 'Mine',
  description: '',
  tags: ['host'],
  variables: [],
  panels: [{ id: 'p', title: 'Load', description: '', type: 'stat', unit: 'none', queries: [], width: 4 }],
};

describe('definitionText', () => {
  it('holds the definition only, and reads back to the same definition', () => {
    const text = definitionText(dashboard);
    const json = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['title', 'description', 'tags', 'variables', 'panels']);
    const check = checkDefinition(text);
    assert.equal(check.ok, true);
    if (check.ok) assert.equal(check.definition.panels[0]?.width, 4);
  });
});

describe('checkDefinition', () => {
  it('lists every schema problem with its path', () => {
    const text = JSON.stringify({ title: '', panels: [{ id: 'p', title: 'x', type: 'pie', width: 20 }] });
    const check = checkDefinition(text);
    assert.equal(check.ok, false);
    if (check.ok) return;
    const paths = check.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ['panels.0.type', 'panels.0.width', 'title']);
    assert.ok(check.problems.every((p) => p.message !== ''));
  });

  it('says where the JSON is broken', () => {
    const check = checkDefinition('{\n  "title": "x",\n  panels: []\n}');
    assert.equal(check.ok, false);
    if (check.ok) return;
    assert.equal(check.problems.length, 1);
    assert.equal(check.problems[0]?.path, '');
    assert.match(check.problems[0]?.message ?? '', /^Not valid JSON: .*line 3/);
  });

  it('rejects an empty text', () => {
    const check = checkDefinition('  ');
    assert.equal(check.ok, false);
  });

  it('fills defaults the text leaves out', () => {
    const check = checkDefinition('{"title":"T","panels":[{"id":"a","title":"A","type":"timeseries"}]}');
    assert.equal(check.ok, true);
    if (check.ok) assert.deepEqual([check.definition.tags, check.definition.panels[0]?.width, check.definition.panels[0]?.unit], [[], 6, 'none']);
  });
});

describe('starterDefinition', () => {
  it('is valid', () => {
    assert.equal(dashboardDefinitionSchema.safeParse(starterDefinition('New')).success, true);
  });
});
