import { randomUUID } from 'node:crypto';
import {
  alertHistoryQuerySchema,
  alertHistoryResponseSchema,
  alertInstanceListResponseSchema,
  alertPreviewRequestSchema,
  alertPreviewResponseSchema,
  alertRuleDetailResponseSchema,
  alertRuleListResponseSchema,
  alertRuleSchema,
  alertRuleWriteSchema,
  type AlertRule,
  type AlertRuleDefinition,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCodes } from '../errors.ts';
import { alertDefinitions, type AlertDefinitions } from '../query/alerts/definitions/alert-definitions.ts';
import type { StoredDefinition } from '../query/alerts/definitions/definition-table.ts';
import { queryRuleSeries } from '../query/alerts/rule-series/query-rule-series.ts';
import { orderInstances, summarizeRule } from '../query/alerts/rule-summary.ts';
import { readTransitions } from '../query/alerts/state-store/alert-transitions.ts';
import { defaultStepSeconds } from '../query/dashboards/panel-query.ts';
import type { AlertsControl, ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface IdParams {
  readonly Params: { readonly id: string };
}

const NS_PER_MS = 1_000_000n;

function toRule(stored: StoredDefinition<AlertRuleDefinition>): AlertRule {
  return { ...stored.definition, id: stored.id, builtin: stored.builtin, updatedMs: stored.updatedMs };
}

/** Rule ids muted as a whole right now (a silence naming the rule without matchers). */
async function rulesSilencedNow(definitions: AlertDefinitions, alerts: AlertsControl, nowMs: number): Promise<Set<string>> {
  const silenced = new Set<string>();
  for (const { definition } of await definitions.silences.list()) {
    if (definition.ruleId === undefined || definition.matchers.length > 0) continue;
    if (alerts.silenceState(definition, nowMs).status === 'active') silenced.add(definition.ruleId);
  }
  return silenced;
}

/** Alert rules (CRUD, preview) and their instances and history. */
export function registerAlertRuleRoutes(app: FastifyInstance, deps: ApiDeps, alerts: AlertsControl): void {
  const { store, query: limits } = deps;
  const definitions = alertDefinitions(store, limits);

  async function find(id: string): Promise<AlertRule> {
    const stored = await definitions.rules.get(id);
    if (stored === undefined) throw new AppError(ErrorCodes.NOT_FOUND, `no alert rule with id ${id}`);
    return toRule(stored);
  }

  async function checkChannels(definition: AlertRuleDefinition): Promise<void> {
    if (definition.notify.channels.length === 0) return;
    const known = new Set((await definitions.channels.list()).map((channel) => channel.id));
    const unknown = definition.notify.channels.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError(ErrorCodes.QUERY_INVALID, `notify.channels: no channel with id ${unknown.join(', ')}`);
  }

  async function save(id: string, definition: AlertRuleDefinition, builtin: boolean): Promise<AlertRule> {
    await checkChannels(definition);
    const stored = await definitions.rules.write(id, definition, { builtin });
    alerts.rulesChanged(id);
    return checkResponse(alertRuleSchema, toRule(stored));
  }

  app.get('/api/v1/alerts/rules', async () => {
    const nowMs = Date.now();
    const silenced = await rulesSilencedNow(definitions, alerts, nowMs);
    const rules = (await definitions.rules.list())
      .map(toRule)
      .map((rule) => summarizeRule(rule, alerts.instances(rule.id), alerts.ruleStatus(rule.id), silenced.has(rule.id)))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return checkResponse(alertRuleListResponseSchema, { rules });
  });

  app.get<IdParams>('/api/v1/alerts/rules/:id', async (request) => {
    const rule = await find(request.params.id);
    const silenced = await rulesSilencedNow(definitions, alerts, Date.now());
    const instances = alerts.instances(rule.id);
    return checkResponse(alertRuleDetailResponseSchema, {
      rule: summarizeRule(rule, instances, alerts.ruleStatus(rule.id), silenced.has(rule.id)),
      instances: orderInstances(instances),
    });
  });

  app.post('/api/v1/alerts/rules', async (request, reply) => {
    const definition = parseRequest(alertRuleWriteSchema, request.body);
    return reply.status(201).send(await save(randomUUID(), definition, false));
  });

  app.put<IdParams>('/api/v1/alerts/rules/:id', async (request) => {
    const definition = parseRequest(alertRuleWriteSchema, request.body);
    const existing = await find(request.params.id);
    return save(existing.id, definition, existing.builtin);
  });

  app.delete<IdParams>('/api/v1/alerts/rules/:id', async (request, reply) => {
    const existing = await find(request.params.id);
    await definitions.rules.delete(existing.id);
    alerts.rulesChanged(existing.id);
    return reply.status(204).send();
  });

  app.post('/api/v1/alerts/rules/preview', async (request) => {
    const { query, condition, start, end } = parseRequest(alertPreviewRequestSchema, request.body);
    const range = { startNs: start, endNs: end };
    const chart = await queryRuleSeries(store, limits, query, range, defaultStepSeconds(range));
    const groups = await alerts.judgeGroups(query, condition, Number(end / NS_PER_MS));
    return checkResponse(alertPreviewResponseSchema, { stepSeconds: chart.stepSeconds, series: chart.series, groups });
  });

  app.get('/api/v1/alerts/instances', () => checkResponse(alertInstanceListResponseSchema, { instances: orderInstances(alerts.instances()) }));

  app.get('/api/v1/alerts/history', async (request) => {
    const { start, end, ruleId, limit } = parseRequest(alertHistoryQuerySchema, request.query);
    const transitions = await readTransitions(store, limits, {
      startMs: Number(start / NS_PER_MS),
      endMs: Number(end / NS_PER_MS),
      ...(ruleId === undefined ? {} : { ruleId }),
      limit,
    });
    return checkResponse(alertHistoryResponseSchema, { transitions });
  });
}
