import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Dashboard, DashboardDefinitionInput, DashboardListResponse, PanelQueryResponse } from '@sightline/contract';
import { ms, testApp } from '../../test/support/api-app.ts';
import { insertMetrics } from '../../test/support/api-insert.ts';
import { SEC, T0 } from '../../test/support/api-metric-data.ts';
import { dashboardMetricPoints, STEP_SECONDS } from '../../test/support/dashboards-metric-data.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const range = { start: ms(T0), end: ms(T0 + 300n * SEC) };
const stepMs = (step: number) => range.start + step * STEP_SECONDS * 1000;

interface Reply<T> {
  readonly status: number;
  readonly body: T;
}
interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

type PanelInput = DashboardDefinitionInput['panels'][number];

const definition: DashboardDefinitionInput = {
  title: 'Shop database',
  tags: ['team-a'],
  variables: [{ name: 'instance', label: 'Instance', metric: 'pg_stat_activity_count', labelKey: 'instance' }],
  panels: [{ id: 'conn', title: 'Connections', type: 'timeseries', queries: [{ id: 'a', metric: 'pg_stat_activity_count' }] }],
};

describe('dashboards API', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertMetrics(temp.store, dashboardMetricPoints);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  async function send<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<Reply<T>> {
    const response = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: (response.body === '' ? undefined : response.json()) as T };
  }
  const list = async () => (await send<DashboardListResponse>('GET', '/api/v1/dashboards')).body.dashboards;
  const panelQuery = (panel: Partial<PanelInput>, extra: Record<string, unknown> = {}) =>
    send<PanelQueryResponse & ErrorBody>('POST', '/api/v1/dashboards/panels/query', {
      panel: { id: 'p', title: 'Panel', type: 'timeseries', ...panel },
      ...range,
      stepSeconds: STEP_SECONDS,
      ...extra,
    });

  it('lists the built-in dashboards, read-only and with their panel counts', async () => {
    const dashboards = await list();
    assert.deepEqual(
      dashboards.map((d) => [d.id, d.title, d.builtin, d.updatedMs]),
      [
        ['builtin-host', 'Host (node_exporter)', true, 0],
        ['builtin-postgresql', 'PostgreSQL', true, 0],
        ['builtin-mysql', 'MySQL / MariaDB', true, 0],
        ['builtin-sightline', 'Sightline health', true, 0],
      ],
    );
    const postgres = await send<Dashboard>('GET', '/api/v1/dashboards/builtin-postgresql');
    assert.equal(postgres.status, 200);
    assert.equal(dashboards[1]?.panelCount, postgres.body.panels.length);
    assert.ok(postgres.body.panels.some((panel) => panel.type === 'apm_db_calls' && panel.dbSystem === 'postgresql'));
    assert.deepEqual(postgres.body.variables.map((v) => v.name), ['instance']);
  });

  it('creates, reads, replaces and deletes a stored dashboard', async () => {
    const created = await send<Dashboard>('POST', '/api/v1/dashboards', definition);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { id } = created.body;
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(created.body.builtin, false);
    assert.ok(created.body.updatedMs > 0);
    // Defaults filled in from the contract.
    assert.deepEqual(created.body.panels[0]?.queries[0], { id: 'a', metric: 'pg_stat_activity_count', filters: [], groupBy: [], aggregation: 'sum', hidden: false });

    const read = await send<Dashboard>('GET', `/api/v1/dashboards/${id}`);
    assert.deepEqual(read.body, created.body);
    const summary = (await list()).find((d) => d.id === id);
    assert.deepEqual(summary, { id, title: 'Shop database', description: '', tags: ['team-a'], builtin: false, updatedMs: created.body.updatedMs, panelCount: 1 });

    const replaced = await send<Dashboard>('PUT', `/api/v1/dashboards/${id}`, { ...definition, title: 'Shop DB', panels: [] });
    assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
    const reread = await send<Dashboard>('GET', `/api/v1/dashboards/${id}`);
    assert.deepEqual([reread.body.title, reread.body.panels], ['Shop DB', []]);
    assert.ok(reread.body.updatedMs >= created.body.updatedMs);

    const deleted = await send('DELETE', `/api/v1/dashboards/${id}`);
    assert.equal(deleted.status, 204);
    const gone = await send<ErrorBody>('GET', `/api/v1/dashboards/${id}`);
    assert.deepEqual([gone.status, gone.body.error.code], [404, 'NOT_FOUND']);
    assert.equal((await list()).some((d) => d.id === id), false);
    const again = await send<ErrorBody>('DELETE', `/api/v1/dashboards/${id}`);
    assert.equal(again.status, 404);
  });

  it('protects built-in dashboards (409 CONFLICT) and answers 404 for unknown ids', async () => {
    const put = await send<ErrorBody>('PUT', '/api/v1/dashboards/builtin-mysql', definition);
    assert.deepEqual([put.status, put.body.error.code], [409, 'CONFLICT']);
    assert.match(put.body.error.message, /clone it first/);
    const del = await send<ErrorBody>('DELETE', '/api/v1/dashboards/builtin-host');
    assert.deepEqual([del.status, del.body.error.code], [409, 'CONFLICT']);
    assert.equal((await send<Dashboard>('GET', '/api/v1/dashboards/builtin-host')).status, 200);
    for (const [method, body] of [['GET', undefined], ['PUT', definition], ['DELETE', undefined]] as const) {
      const reply = await send<ErrorBody>(method, '/api/v1/dashboards/no-such-dashboard', body);
      assert.deepEqual([method, reply.status, reply.body.error.code], [method, 404, 'NOT_FOUND']);
    }
    const clone = await send<ErrorBody>('POST', '/api/v1/dashboards/no-such-dashboard/clone', {});
    assert.equal(clone.status, 404);
  });

  it('rejects invalid definitions with QUERY_INVALID naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...definition, title: '' }, /title/],
      [{ ...definition, panels: [{ id: 'x', title: 'X', type: 'timeseries', formula: 'a / b', queries: [{ id: 'a', metric: 'm' }] }] }, /panels\.0\.formula: no query named b/],
      [{ ...definition, panels: [{ id: 'x', title: 'X', type: 'timeseries', formula: 'a +', queries: [{ id: 'a', metric: 'm' }] }] }, /panels\.0\.formula: ends early/],
      [{ ...definition, panels: [definition.panels[0], definition.panels[0]] }, /id conn is used twice/],
      [{ ...definition, panels: [{ id: 'x', title: 'X', type: 'apm_db_calls' }] }, /dbSystem/],
    ];
    for (const [body, message] of cases) {
      const reply = await send<ErrorBody>('POST', '/api/v1/dashboards', body);
      assert.deepEqual([reply.status, reply.body.error.code], [400, 'QUERY_INVALID'], JSON.stringify(body));
      assert.match(reply.body.error.message, message);
    }
  });

  it('clones a built-in dashboard into an editable one, titled "<title> (copy)" unless named', async () => {
    const builtin = (await send<Dashboard>('GET', '/api/v1/dashboards/builtin-postgresql')).body;
    const copy = await send<Dashboard>('POST', '/api/v1/dashboards/builtin-postgresql/clone');
    assert.equal(copy.status, 201, JSON.stringify(copy.body));
    assert.equal(copy.body.title, 'PostgreSQL (copy)');
    assert.equal(copy.body.builtin, false);
    assert.notEqual(copy.body.id, 'builtin-postgresql');
    assert.deepEqual(copy.body.panels, builtin.panels);
    assert.deepEqual(copy.body.variables, builtin.variables);
    const edited = await send<Dashboard>('PUT', `/api/v1/dashboards/${copy.body.id}`, { ...copy.body, id: undefined, panels: copy.body.panels.slice(1) });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));

    const named = await send<Dashboard>('POST', `/api/v1/dashboards/${copy.body.id}/clone`, { title: 'Mine' });
    assert.equal(named.status, 201);
    assert.deepEqual([named.body.title, named.body.panels.length], ['Mine', builtin.panels.length - 1]);
    const titles = (await list()).filter((d) => !d.builtin).map((d) => d.title);
    assert.deepEqual(titles, ['Mine', 'PostgreSQL (copy)']);
  });

  it('evaluates a formula on rates per group and step, with exact values and no point where it divides by zero', async () => {
    const rate = (id: string, metric: string) => ({ id, metric, groupBy: ['datname'], function: 'rate' as const, hidden: true });
    const reply = await panelQuery({
      queries: [rate('hit', 'pg_stat_database_blks_hit'), rate('read', 'pg_stat_database_blks_read')],
      formula: 'hit / (hit + read)',
      formulaLegend: 'ratio {{datname}}',
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.stepSeconds, STEP_SECONDS);
    assert.deepEqual(reply.body.missingMetrics, []);
    const byName = new Map(reply.body.series.map((series) => [series.name, series.points.map((p) => [(p.t - range.start) / 60_000, p.v])]));
    assert.deepEqual([...byName.keys()].sort(), ['ratio crm', 'ratio shop']);
    assert.deepEqual(byName.get('ratio crm'), [[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]]);
    assert.deepEqual(byName.get('ratio shop'), [[0, 0.75], [1, 0.75], [3, 0.75], [4, 0.75]]);
    assert.deepEqual(reply.body.series.find((s) => s.name === 'ratio shop')?.labels, { datname: 'shop' });

    // Visible inputs are drawn beside the formula, named by their legends.
    const visible = await panelQuery({
      queries: [{ ...rate('hit', 'pg_stat_database_blks_hit'), hidden: false, legend: 'hits/s {{datname}}' }, rate('read', 'pg_stat_database_blks_read')],
      formula: '60 * hit',
    });
    assert.deepEqual(
      visible.body.series.map((s) => [s.name, s.points.find((p) => p.t === stepMs(0))?.v]),
      [['datname=crm', 60], ['datname=shop', 90], ['hits/s crm', 1], ['hits/s shop', 1.5]],
    );
  });

  it('substitutes $variables in filter values; an unset variable selects everything', async () => {
    const panel = { queries: [{ id: 'a', metric: 'pg_stat_activity_count', filters: [{ label: 'instance', op: 'equals' as const, value: '$instance' }], groupBy: ['instance'], legend: '{{instance}}' }] };
    const one = await panelQuery(panel, { variables: { instance: 'pg2' } });
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.deepEqual(one.body.series.map((s) => [s.name, s.points.length, s.points[0]?.v]), [['pg2', 5, 9]]);
    const all = await panelQuery(panel);
    assert.deepEqual(all.body.series.map((s) => [s.name, s.points[0]?.v]), [['pg1', 4], ['pg2', 9]]);
    const none = await panelQuery(panel, { variables: { instance: 'pg9' } });
    assert.deepEqual([none.body.series, none.body.missingMetrics], [[], []]);
  });

  it('reports a query on an absent metric in missingMetrics, with no series, not as an error', async () => {
    const reply = await panelQuery({
      queries: [
        { id: 'lag', metric: 'pg_replication_lag', legend: 'lag' },
        { id: 'conn', metric: 'pg_stat_activity_count', filters: [{ label: 'state', op: 'equals', value: 'idle' }] },
      ],
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    // The filtered query matches nothing, but its metric has series: only the absent one is missing.
    assert.deepEqual(reply.body, { stepSeconds: STEP_SECONDS, series: [], missingMetrics: ['pg_replication_lag'] });
    const formula = await panelQuery({ queries: [{ id: 'a', metric: 'absent_one' }, { id: 'b', metric: 'pg_stat_activity_count' }], formula: 'a / b' });
    assert.deepEqual([formula.body.missingMetrics, formula.body.series.map((s) => s.name)], [['absent_one'], ['pg_stat_activity_count']]);
  });

  it('answers apm_db_calls panels without reading metrics, and rejects bad panels', async () => {
    const apm = await panelQuery({ type: 'apm_db_calls', dbSystem: 'postgresql', queries: [] });
    assert.deepEqual(apm.body, { stepSeconds: STEP_SECONDS, series: [], missingMetrics: [] });
    const bad = await panelQuery({ queries: [{ id: 'a', metric: 'pg_stat_activity_count' }], formula: 'a / nope' });
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'QUERY_INVALID']);
    assert.match(bad.body.error.message, /no query named nope/);
    const gauge = await panelQuery({ queries: [{ id: 'a', metric: 'pg_stat_activity_count', function: 'rate' }] });
    assert.equal(gauge.status, 400);
    assert.match(gauge.body.error.message, /^query a: function: rate applies to counters/);
    const defaultStep = await send<PanelQueryResponse>('POST', '/api/v1/dashboards/panels/query', {
      panel: { id: 'p', title: 'P', type: 'stat', queries: [{ id: 'a', metric: 'pg_stat_activity_count' }] },
      start: range.start,
      end: range.start + 3_600_000,
    });
    assert.equal(defaultStep.body.stepSeconds, 30);
  });
});
