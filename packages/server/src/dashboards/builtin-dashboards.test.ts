import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardDefinitionSchema } from '@sightline/contract';
import { checkDefinition } from '../query/dashboards/check-definition.ts';
import { BUILTIN_DASHBOARDS } from './builtin-dashboards.ts';

describe('built-in dashboards', () => {
  it('have distinct builtin- ids', () => {
    const ids = BUILTIN_DASHBOARDS.map((dashboard) => dashboard.id);
    assert.deepEqual(ids, ['builtin-host', 'builtin-postgresql', 'builtin-mysql', 'builtin-sightline']);
  });

  for (const { id, definition } of BUILTIN_DASHBOARDS) {
    it(`${id} is a valid definition whose filters only use its variables`, () => {
      const parsed = dashboardDefinitionSchema.parse(definition);
      checkDefinition(parsed);
      const names = new Set(parsed.variables.map((variable) => variable.name));
      for (const panel of parsed.panels) {
        for (const query of panel.queries) {
          for (const filter of query.filters) {
            for (const [, name] of (filter.value ?? '').matchAll(/\$([a-z][a-z0-9_]*)/g)) assert.ok(names.has(name ?? ''), `${panel.id}.${query.id}: $${name}`);
          }
        }
        const drawn = panel.queries.filter((query) => !query.hidden).length + (panel.formula === undefined ? 0 : 1);
        assert.ok(panel.type === 'apm_db_calls' || drawn > 0, `${panel.id} draws something`);
      }
    });
  }

  it('place the APM database calls beside the exporter panels of each database', () => {
    const systems = BUILTIN_DASHBOARDS.flatMap(({ definition }) => definition.panels.filter((panel) => panel.type === 'apm_db_calls').map((panel) => panel.dbSystem));
    assert.deepEqual(systems, ['postgresql', 'mysql']);
  });
});
