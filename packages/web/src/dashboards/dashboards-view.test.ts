import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sortRows } from '../apm/table-sort.ts';
import {
  byTitle,
  dashboardHref,
  dashboardSortValue,
  dashboardsSummary,
  readDashboardsSort,
  readEditing,
  writeDashboardsSort,
  writeEditing,
  type DashboardSummary,
} from './dashboards-view.ts';

const summary = (id: string, title: string, builtin: boolean, panelCount: number, tags: string[] = []): DashboardSummary => ({
  id,
  title,
  builtin,
  panelCount,
  tags,
  description: '',
  updatedMs: builtin ? 0 : 1000,
});

const list = [
  summary('builtin-host', 'Host', true, 8, ['node']),
  summary('x1', 'Alpha', false, 2),
  summary('builtin-mysql', 'MySQL', true, 6, ['db', 'mysql']),
];

describe('dashboards list state', () => {
  it('sorts by title by default and reads other sorts from the URL', () => {
    assert.deepEqual(readDashboardsSort(new URLSearchParams('')), { column: 'title', order: 'asc' });
    const params = new URLSearchParams('range=1h');
    writeDashboardsSort(params, { column: 'panels', order: 'desc' });
    assert.equal(params.toString(), 'range=1h&sort=panels');
    assert.deepEqual(readDashboardsSort(params), { column: 'panels', order: 'desc' });
  });

  it('sorts by each column', () => {
    const titles = (column: Parameters<typeof dashboardSortValue>[0], order: 'asc' | 'desc') =>
      sortRows(list, dashboardSortValue(column), order, byTitle).map((d) => d.title);
    assert.deepEqual(titles('title', 'asc'), ['Alpha', 'Host', 'MySQL']);
    assert.deepEqual(titles('panels', 'desc'), ['Host', 'MySQL', 'Alpha']);
    assert.deepEqual(titles('tags', 'asc'), ['MySQL', 'Host', 'Alpha']);
    assert.deepEqual(titles('updated', 'desc'), ['Alpha', 'Host', 'MySQL']);
  });

  it('summarizes the list', () => {
    assert.equal(dashboardsSummary(list), '3 dashboards · 2 built-in');
    assert.equal(dashboardsSummary([]), '0 dashboards');
  });
});

describe('links and edit mode', () => {
  it('links to a dashboard with the time range only', () => {
    const current = new URLSearchParams('range=6h&sort=panels&var-instance=a');
    assert.equal(dashboardHref('builtin-host', current), '/dashboards/builtin-host?range=6h');
    assert.equal(dashboardHref('a b', current, { edit: '1' }), '/dashboards/a%20b?range=6h&edit=1');
  });

  it('keeps the editor open in the URL', () => {
    const params = new URLSearchParams('range=1h');
    writeEditing(params, true);
    assert.equal(readEditing(params), true);
    writeEditing(params, false);
    assert.equal(params.toString(), 'range=1h');
  });
});
