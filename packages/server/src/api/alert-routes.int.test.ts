import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type {
  AlertHistoryResponse,
  AlertPreviewResponse,
  AlertRule,
  AlertRuleDetailResponse,
  AlertRuleListResponse,
  Channel,
  ChannelTestResponse,
  DeliveryListResponse,
  Silence,
  SilenceListResponse,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { BUILTIN_RULES } from '../alerts/builtin-rules.ts';
import { composeAlerts, type Alerting } from '../compose-alerts.ts';
import { loadConfig } from '../config/load.ts';
import { createLogger } from '../selfmon/logger.ts';
import type { MetricPoint } from '../signals/metric-point.ts';
import { insertMetrics } from '../../test/support/api-insert.ts';
import { testApp } from '../../test/support/api-app.ts';
import { sampleScope } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const MINUTE_MS = 60_000;

function gaugePoint(service: string, host: string, timeMs: number, value: number): MetricPoint {
  return {
    kind: 'number',
    metric: {
      name: 'queue.depth',
      description: '',
      unit: '',
      type: 'gauge',
      temporality: 0,
      isMonotonic: false,
      metadata: [],
    },
    resource: {
      attributes: [{ key: 'service.name', value: { kind: 'string', value: service } }],
      droppedAttributesCount: 0,
      schemaUrl: '',
    },
    scope: sampleScope,
    attributes: [{ key: 'host', value: { kind: 'string', value: host } }],
    startTimeUnixNano: 0n,
    timeUnixNano: BigInt(timeMs) * 1_000_000n,
    flags: 0,
    value: { kind: 'double', value },
    exemplars: [],
  };
}

interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

async function send<T>(app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<Reply<T>> {
  const response = await app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return {
    status: response.statusCode,
    body: (response.body === '' ? undefined : response.json()) as T,
  };
}

const rule = (channels: string[] = []) => ({
  name: 'Queue too deep',
  query: {
    kind: 'metric',
    metric: 'queue.depth',
    groupBy: ['host'],
    aggregation: 'max',
  },
  condition: {
    comparison: 'above',
    match: 'last',
    windowSeconds: 300,
    thresholds: [
      { severity: 'warning', value: 50 },
      { severity: 'critical', value: 90 },
    ],
  },
  notify: { channels },
});

describe('alert API (rules, preview, channels, deliveries, silences, history) over the real store', () => {
  let temp: TempStore;
  let alerting: Alerting;
  let app: FastifyInstance;
  let receiver: Server;
  let receiverUrl: string;
  const received: unknown[] = [];
  // Whole minutes, so the newest point's step is complete at `nowMs`.
  const nowMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

  before(async () => {
    temp = await openTempStore();
    const config = loadConfig({
      flags: {
        'alerts.delivery.maxAttempts': '1',
        'alerts.enabled': 'false',
        logLevel: 'error',
      },
    });
    alerting = await composeAlerts(config, temp.store, createLogger({ level: 'error' }));
    app = testApp(temp.store, {}, undefined, { alerts: alerting.control });
    const points: MetricPoint[] = [];
    for (let minute = 10; minute >= 1; minute -= 1) {
      points.push(gaugePoint('shop', 'a', nowMs - minute * MINUTE_MS, 10), gaugePoint('shop', 'b', nowMs - minute * MINUTE_MS, minute === 1 ? 95 : 60));
    }
    await insertMetrics(temp.store, points);
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });

  after(async () => {
    await app.close();
    await alerting.stop();
    await new Promise((resolve) => receiver.close(resolve));
    await temp.dispose();
  });

  it('creates the built-in rules once; a deleted one is not created again', async () => {
    const list = await send<AlertRuleListResponse>(app, 'GET', '/api/v1/alerts/rules');
    assert.deepEqual(
      list.body.rules
        .filter((each) => each.builtin)
        .map((each) => each.id)
        .sort(),
      BUILTIN_RULES.map((each) => each.id).sort(),
    );
    assert.equal((await send(app, 'DELETE', '/api/v1/alerts/rules/builtin-scrape-target-down')).status, 204);
    const again = await composeAlerts(loadConfig({ flags: { 'alerts.enabled': 'false' } }), temp.store, createLogger({ level: 'error' }));
    await again.stop();
    const after = await send<AlertRuleListResponse>(app, 'GET', '/api/v1/alerts/rules');
    assert.equal(after.body.rules.filter((each) => each.builtin).length, BUILTIN_RULES.length - 1);
  });

  it('validates rules: bad fields, unknown channels and unknown ids are refused with readable errors', async () => {
    const bad = await send<{ error: { code: string; message: string } }>(app, 'POST', '/api/v1/alerts/rules', {
      ...rule(),
      condition: { comparison: 'above', thresholds: [] },
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /condition\.thresholds/);
    const unknownChannel = await send<{ error: { message: string } }>(app, 'POST', '/api/v1/alerts/rules', rule(['nope']));
    assert.equal(unknownChannel.status, 400);
    assert.match(unknownChannel.body.error.message, /no channel with id nope/);
    assert.equal((await send(app, 'GET', '/api/v1/alerts/rules/missing')).status, 404);
    assert.equal((await send(app, 'PUT', '/api/v1/alerts/rules/missing', rule())).status, 404);
  });

  it('previews a query: the series of each group and how the condition judges it now', async () => {
    const condition = rule().condition;
    const reply = await send<AlertPreviewResponse>(app, 'POST', '/api/v1/alerts/rules/preview', {
      query: rule().query,
      condition,
      start: nowMs - 15 * MINUTE_MS,
      end: nowMs,
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const byHost = new Map(reply.body.groups.map((group) => [group.labels['host'], group]));
    assert.deepEqual(byHost.get('a'), {
      labels: { host: 'a' },
      value: 10,
      severity: null,
    });
    assert.deepEqual(byHost.get('b'), {
      labels: { host: 'b' },
      value: 95,
      severity: 'critical',
    });
    const seriesB = reply.body.series.find((series) => series.labels['host'] === 'b');
    assert.equal(seriesB?.points.length, 10);
    assert.equal(seriesB?.points.at(-1)?.v, 95);
  });

  it('stores channels, sends a test notification to a real receiver and lists the delivery; a channel in use cannot be deleted', async () => {
    const created = await send<Channel>(app, 'POST', '/api/v1/alerts/channels', { name: 'ops hook', settings: { type: 'webhook', url: receiverUrl } });
    assert.equal(created.status, 201);
    const test = await send<ChannelTestResponse>(app, 'POST', `/api/v1/alerts/channels/${created.body.id}/test`);
    assert.deepEqual(test.body, { ok: true, error: '' });
    assert.equal((received.at(-1) as { kind: string }).kind, 'test');
    const deliveries = await send<DeliveryListResponse>(app, 'GET', `/api/v1/alerts/channels/${created.body.id}/deliveries`);
    assert.deepEqual(
      deliveries.body.deliveries.map((each) => [each.kind, each.status, each.attempt]),
      [['test', 'sent', 1]],
    );

    const unsaved = await send<ChannelTestResponse>(app, 'POST', '/api/v1/alerts/channels/test', {
      name: 'closed',
      settings: { type: 'slack', url: 'http://127.0.0.1:1/x' },
    });
    assert.equal(unsaved.body.ok, false);
    assert.match(unsaved.body.error, /127\.0\.0\.1|ECONNREFUSED|connect/i);

    const ruleReply = await send<AlertRule>(app, 'POST', '/api/v1/alerts/rules', rule([created.body.id]));
    assert.equal(ruleReply.status, 201);
    const conflict = await send<{ error: { code: string; message: string } }>(app, 'DELETE', `/api/v1/alerts/channels/${created.body.id}`);
    assert.equal(conflict.status, 409);
    assert.match(conflict.body.error.message, /Queue too deep/);
    const listed = await send<{ channels: Channel[] }>(app, 'GET', '/api/v1/alerts/channels');
    assert.equal(listed.body.channels.find((each) => each.id === created.body.id)?.lastDelivery?.status, 'sent');
  });

  it('keeps silences with their status; refuses bad regexes, time zones and unknown rules', async () => {
    const rules = await send<AlertRuleListResponse>(app, 'GET', '/api/v1/alerts/rules');
    const ruleId = rules.body.rules.find((each) => each.name === 'Queue too deep')?.id;
    assert.ok(ruleId !== undefined);
    const now = Date.now();
    const once = await send<Silence>(app, 'POST', '/api/v1/alerts/silences', {
      ruleId,
      schedule: {
        kind: 'once',
        startsAtMs: now - 1000,
        endsAtMs: now + 3_600_000,
      },
    });
    assert.equal(once.status, 201);
    assert.equal(once.body.status, 'active');
    const later = await send<Silence>(app, 'POST', '/api/v1/alerts/silences', {
      matchers: [{ label: 'host', op: 'equals', value: 'b' }],
      schedule: {
        kind: 'once',
        startsAtMs: now + 3_600_000,
        endsAtMs: now + 7_200_000,
      },
    });
    assert.equal(later.body.status, 'scheduled');
    assert.equal(later.body.nextStartMs, now + 3_600_000);
    const nightly = await send<Silence>(app, 'POST', '/api/v1/alerts/silences', {
      matchers: [{ label: 'host', op: 'regex', value: 'a|b' }],
      schedule: {
        kind: 'recurring',
        timezone: 'Europe/Berlin',
        startTime: '02:00',
        endTime: '04:00',
      },
    });
    assert.equal(nightly.status, 201);
    assert.ok(nightly.body.nextStartMs === null || nightly.body.nextStartMs > now);

    const badRegex = await send<{ error: { message: string } }>(app, 'POST', '/api/v1/alerts/silences', {
      matchers: [{ label: 'x', op: 'regex', value: '(' }],
      schedule: once.body.definition.schedule,
    });
    assert.equal(badRegex.status, 400);
    const badZone = await send<{ error: { message: string } }>(app, 'POST', '/api/v1/alerts/silences', {
      matchers: [{ label: 'x', op: 'equals', value: 'y' }],
      schedule: {
        kind: 'recurring',
        timezone: 'Mars/Olympus',
        startTime: '02:00',
        endTime: '04:00',
      },
    });
    assert.equal(badZone.status, 400);
    const badRule = await send<{ error: { message: string } }>(app, 'POST', '/api/v1/alerts/silences', {
      ruleId: 'nope',
      schedule: once.body.definition.schedule,
    });
    assert.equal(badRule.status, 400);

    const list = await send<SilenceListResponse>(app, 'GET', '/api/v1/alerts/silences');
    assert.deepEqual(
      list.body.silences.map((each) => each.status),
      ['active', ...list.body.silences.slice(1).map((each) => each.status)].sort(
        (a, b) => ['active', 'scheduled', 'expired'].indexOf(a) - ['active', 'scheduled', 'expired'].indexOf(b),
      ),
    );
    assert.equal((await send(app, 'DELETE', `/api/v1/alerts/silences/${later.body.id}`)).status, 204);
    assert.equal((await send(app, 'DELETE', `/api/v1/alerts/silences/${later.body.id}`)).status, 404);
    const detail = await send<AlertRuleDetailResponse>(app, 'GET', `/api/v1/alerts/rules/${ruleId}`);
    assert.equal(detail.body.rule.silenced, true);
  });

  it('shows evaluated instances on the rule and their transitions in the history', async () => {
    const rules = await send<AlertRuleListResponse>(app, 'GET', '/api/v1/alerts/rules');
    const ruleId = rules.body.rules.find((each) => each.name === 'Queue too deep')?.id ?? '';
    await alerting.evaluateDue();
    const detail = await send<AlertRuleDetailResponse>(app, 'GET', `/api/v1/alerts/rules/${ruleId}`);
    assert.equal(detail.body.rule.state, 'firing');
    assert.equal(detail.body.rule.severity, 'critical');
    assert.equal(detail.body.rule.firingCount, 1);
    assert.deepEqual(
      detail.body.instances.map((instance) => [instance.labels['host'], instance.state, instance.severity, instance.value, instance.silenced]),
      [['b', 'firing', 'critical', 95, true]],
    );
    const history = await send<AlertHistoryResponse>(
      app,
      'GET',
      `/api/v1/alerts/history?start=${nowMs - MINUTE_MS}&end=${Date.now() + MINUTE_MS}&ruleId=${ruleId}&limit=10`,
    );
    assert.equal(history.status, 200);
    assert.deepEqual(
      history.body.transitions.map((each) => [each.labels['host'], each.from, each.to, each.severity]),
      [['b', 'inactive', 'firing', 'critical']],
    );
    const other = await send<AlertHistoryResponse>(app, 'GET', `/api/v1/alerts/history?start=${nowMs - MINUTE_MS}&end=${Date.now() + MINUTE_MS}&ruleId=other`);
    assert.deepEqual(other.body.transitions, []);
    const instances = await send<{ instances: { ruleId: string }[] }>(app, 'GET', '/api/v1/alerts/instances');
    assert.ok(instances.body.instances.some((instance) => instance.ruleId === ruleId));
    const bad = await send(app, 'GET', `/api/v1/alerts/history?start=${nowMs}&end=${nowMs - 1}`);
    assert.equal(bad.status, 400);
  });
});
