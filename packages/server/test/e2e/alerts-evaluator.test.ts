import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { alertRuleDefinitionSchema, silenceDefinitionSchema, type AlertInstance, type AlertRuleDefinitionInput, type SilenceDefinitionInput } from '@sightline/contract';
import { AlertEvaluator } from '../../src/alerts/evaluator/evaluator.ts';
import { alertDefinitions, type AlertDefinitions } from '../../src/query/alerts/definitions/alert-definitions.ts';
import { readTransitions } from '../../src/query/alerts/state-store/alert-transitions.ts';
import { StoreAlertState } from '../../src/query/alerts/state-store/store-alert-state.ts';
import { TEST_QUERY_CONFIG } from '../support/api-app.ts';
import { ManualClock, RecordingDispatcher, storeRuleSeries } from '../support/alerts/evaluator-fixtures.ts';
import { gaugeRequest, openOtlpIngestStore, type OtlpIngestStore } from '../support/alerts/otlp-ingest-store.ts';

/**
 * The evaluator end to end: gauges sent through the real OTLP/HTTP receiver into a real store, rules,
 * channels and silences in the real definition tables, the real rule series queries and state store;
 * only the dispatcher records instead of sending. A manual clock drives the evaluations. The rules
 * here evaluate every 60 s, so they are judged on whole 60 s steps, and an evaluation judges only the
 * steps complete by then (the step in progress is left out). So data for minute k is stamped k:30 and
 * the rules are evaluated at (k+1):15, once minute k's step is complete.
 */

const MINUTE = 60_000;
/** Three hours ago, on a whole minute: recent enough for the retention TTLs. */
const BASE = Math.floor(Date.now() / MINUTE) * MINUTE - 3 * 3600_000;
const minute = (k: number): number => BASE + k * MINUTE;
/** How far into minute k+1 minute k is evaluated. */
const EVAL_OFFSET = 15_000;
const evaluationOf = (k: number): number => minute(k + 1) + EVAL_OFFSET;

type Points = readonly { readonly labels: Record<string, string>; readonly value: number }[];

function byHost(instances: readonly AlertInstance[], key = 'host'): Record<string, AlertInstance> {
  return Object.fromEntries(instances.map((instance) => [instance.labels[key] ?? '', instance]));
}

describe('alert evaluator end to end (OTLP in, notifications out)', () => {
  let ingest: OtlpIngestStore;
  let definitions: AlertDefinitions;
  const clock = new ManualClock(BASE);
  let dispatcher = new RecordingDispatcher();
  let evaluator: AlertEvaluator;
  let k = 0;

  function newEvaluator(): AlertEvaluator {
    return new AlertEvaluator({
      clock,
      rules: {
        listRules: async () => (await definitions.rules.list()).map((stored) => ({ ...stored.definition, id: stored.id, builtin: stored.builtin, updatedMs: stored.updatedMs })),
      },
      series: storeRuleSeries(ingest.store, TEST_QUERY_CONFIG),
      silences: { listSilences: () => definitions.silences.list() },
      channels: { getChannel: (id) => definitions.channels.get(id) },
      state: new StoreAlertState(ingest.store, TEST_QUERY_CONFIG),
      dispatcher,
      publicUrl: 'http://sightline.test:8080',
    });
  }

  async function writeRule(id: string, input: AlertRuleDefinitionInput): Promise<void> {
    await definitions.rules.write(id, alertRuleDefinitionSchema.parse(input), { nowMs: clock.nowMs() });
  }

  async function writeSilence(id: string, input: SilenceDefinitionInput): Promise<void> {
    await definitions.silences.write(id, silenceDefinitionSchema.parse(input), { nowMs: clock.nowMs() });
  }

  async function send(data: Readonly<Record<string, Points>>, atMs: number): Promise<void> {
    for (const [metric, points] of Object.entries(data)) await ingest.postOtlpJson('metrics', gaugeRequest(metric, atMs, points));
  }

  /** Sends minute k's points (stamped k:30), evaluates at (k+1):15, moves on to the next minute. */
  async function tick(data: Readonly<Record<string, Points>> = {}): Promise<void> {
    await send(data, minute(k) + 30_000);
    clock.set(evaluationOf(k));
    await evaluator.evaluateDue();
    k++;
  }

  before(async () => {
    ingest = await openOtlpIngestStore();
    definitions = alertDefinitions(ingest.store, TEST_QUERY_CONFIG);
    await definitions.channels.write('ch-1', { name: 'ops hook', settings: { type: 'webhook', url: 'http://127.0.0.1:9/hook', headers: {} } });
    evaluator = newEvaluator();
  });

  after(async () => {
    await evaluator.stop();
    await ingest.dispose();
  });

  it('goes pending, fires after `for`, escalates to critical, resolves — one instance per group, grouped messages', async () => {
    await writeRule('cpu', {
      name: 'CPU high',
      query: { kind: 'metric', metric: 'e2e.cpu', groupBy: ['host'], aggregation: 'max' },
      condition: {
        comparison: 'above',
        match: 'last',
        windowSeconds: 60,
        thresholds: [
          { severity: 'warning', value: 80 },
          { severity: 'critical', value: 90 },
        ],
      },
      forSeconds: 120,
      labels: { team: 'ops', host: 'rule-label-loses' },
      title: '{{labels.host}} CPU {{value}}% ({{severity}})',
      notify: { channels: ['ch-1', 'ch-missing'], repeatIntervalSeconds: 3600 },
    });
    await writeRule('broken', {
      name: 'Rate of a gauge',
      query: { kind: 'metric', metric: 'e2e.cpu', function: 'rate' },
      condition: { comparison: 'above', thresholds: [{ severity: 'info', value: 0 }] },
    });
    const cpu = (web1: number, web2: number): Record<string, Points> => ({
      'e2e.cpu': [
        { labels: { host: 'web-1' }, value: web1 },
        { labels: { host: 'web-2' }, value: web2 },
        { labels: { host: 'web-3' }, value: 10 },
      ],
    });
    const start = evaluationOf(k);

    await tick(cpu(85, 85));
    let hosts = byHost(evaluator.instances('cpu'));
    assert.deepEqual(Object.keys(hosts).sort(), ['web-1', 'web-2', 'web-3']);
    assert.deepEqual([hosts['web-1']?.state, hosts['web-2']?.state, hosts['web-3']?.state], ['pending', 'pending', 'inactive']);
    assert.deepEqual(hosts['web-1']?.labels, { team: 'ops', host: 'web-1', alertname: 'CPU high' });
    assert.equal(new Set(Object.values(hosts).map((instance) => instance.fingerprint)).size, 3);
    assert.match(evaluator.ruleStatus('broken').lastError, /counters/);
    assert.deepEqual(evaluator.instances('broken'), []);

    await tick(cpu(86, 86));
    assert.equal(byHost(evaluator.instances('cpu'))['web-1']?.state, 'pending');
    assert.deepEqual(dispatcher.ofRule('cpu'), []);

    await tick(cpu(87, 87));
    hosts = byHost(evaluator.instances('cpu'));
    assert.deepEqual([hosts['web-1']?.state, hosts['web-2']?.state], ['firing', 'firing']);
    let sent = dispatcher.ofRule('cpu');
    assert.equal(sent.length, 1, 'one grouped message, to the one existing channel');
    assert.equal(sent[0]?.channel.id, 'ch-1');
    assert.equal(sent[0]?.notification.kind, 'firing');
    assert.equal(sent[0]?.notification.title, 'web-1 CPU 87% (warning) (+1 more)');
    assert.equal(sent[0]?.notification.link, 'http://sightline.test:8080/alerts/rules/cpu');
    assert.deepEqual(
      sent[0]?.notification.alerts.map((alert) => alert.labels.host),
      ['web-1', 'web-2'],
    );

    // web-1 reads 95 in the step in progress at the next evaluation (stamped 10 s before it): that step
    // is judged only once complete, so this evaluation still sees 87 — no escalation, nothing sent.
    let mark = dispatcher.dispatched.length;
    await send(cpu(95, 87), minute(k + 1) + 5_000);
    await tick(cpu(87, 87));
    hosts = byHost(evaluator.instances('cpu'));
    assert.deepEqual([hosts['web-1']?.state, hosts['web-1']?.severity, hosts['web-1']?.value], ['firing', 'warning', 87]);
    assert.deepEqual(dispatcher.ofRule('cpu', mark), []);

    // Once that step is complete, web-1 escalates to critical.
    await tick(cpu(95, 87));
    sent = dispatcher.ofRule('cpu', mark);
    assert.equal(sent.length, 1);
    assert.deepEqual([sent[0]?.notification.kind, sent[0]?.notification.severity, sent[0]?.notification.title], ['firing', 'critical', 'web-1 CPU 95% (critical)']);

    mark = dispatcher.dispatched.length;
    await tick(cpu(10, 87));
    sent = dispatcher.ofRule('cpu', mark);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.notification.kind, 'resolved');
    assert.deepEqual(
      sent[0]?.notification.alerts.map((alert) => [alert.labels.host, alert.status, alert.value]),
      [['web-1', 'resolved', 10]],
    );
    hosts = byHost(evaluator.instances('cpu'));
    assert.deepEqual([hosts['web-1']?.state, hosts['web-2']?.state], ['resolved', 'firing']);

    const history = await readTransitions(ingest.store, TEST_QUERY_CONFIG, { startMs: start, endMs: clock.nowMs() + 1, ruleId: 'cpu', limit: 100 });
    assert.deepEqual(
      history.filter((transition) => transition.labels.host === 'web-1').map((transition) => `${transition.from}>${transition.to}`),
      ['firing>resolved', 'pending>firing', 'inactive>pending'],
    );

    // A deleted rule's instances are forgotten, in memory and in the store.
    await definitions.rules.delete('cpu');
    await definitions.rules.delete('broken');
    await tick();
    assert.deepEqual(evaluator.instances('cpu'), []);
    assert.equal((await new StoreAlertState(ingest.store, TEST_QUERY_CONFIG).loadInstances()).some((instance) => instance.ruleId === 'cpu'), false);
  });

  it('fires on missing data (per group and for the whole rule) and resolves when data is back', async () => {
    await writeRule('heartbeat', {
      name: 'Heartbeat',
      query: { kind: 'metric', metric: 'e2e.heartbeat', groupBy: ['host'] },
      condition: { comparison: 'below', match: 'last', windowSeconds: 60, thresholds: [{ severity: 'warning', value: 1 }] },
      noData: { enabled: true, afterSeconds: 120, severity: 'critical' },
      notify: { channels: ['ch-1'] },
    });
    await writeRule('never', {
      name: 'Never sent',
      query: { kind: 'metric', metric: 'e2e.never-sent' },
      condition: { comparison: 'above', thresholds: [{ severity: 'info', value: 0 }] },
      noData: { enabled: true, afterSeconds: 60, severity: 'warning' },
      notify: { channels: ['ch-1'] },
    });
    const beat = (...hosts: string[]) => ({ 'e2e.heartbeat': hosts.map((host) => ({ labels: { host }, value: 1 })) });
    const states = (): Record<string, string> =>
      Object.fromEntries(evaluator.instances('heartbeat').map((instance) => [instance.labels.host ?? '', `${instance.state}/${instance.reason}`]));
    const mark = dispatcher.dispatched.length;

    await tick(beat('a', 'b'));
    assert.deepEqual(states(), { a: 'inactive/threshold', b: 'inactive/threshold' });
    const [never] = evaluator.instances('never');
    assert.deepEqual([never?.state, never?.reason, never?.severity, never?.labels], ['firing', 'no_data', 'warning', { alertname: 'Never sent' }]);
    assert.equal(dispatcher.ofRule('never', mark).length, 1);

    // b's last point is stamped k:30 (its step ends at k+1:00); two minutes after that (and not before) b fires as no data:
    // not at (k+2):15, at (k+3):15.
    await tick(beat('a'));
    assert.deepEqual(states(), { a: 'inactive/threshold', b: 'inactive/threshold' });
    assert.deepEqual(dispatcher.ofRule('heartbeat', mark), []);
    await tick(beat('a'));
    assert.deepEqual(states(), { a: 'inactive/threshold', b: 'firing/no_data' });
    const firing = dispatcher.ofRule('heartbeat', mark);
    assert.deepEqual(
      firing.map((each) => [each.notification.kind, each.notification.severity, each.notification.alerts.map((alert) => [alert.labels.host, alert.reason])]),
      [['firing', 'critical', [['b', 'no_data']]]],
    );

    await tick(beat('a', 'b'));
    assert.deepEqual(states(), { a: 'inactive/threshold', b: 'resolved/no_data' });
    assert.deepEqual(
      dispatcher.ofRule('heartbeat', mark).map((each) => each.notification.kind),
      ['firing', 'resolved'],
    );
    await definitions.rules.delete('heartbeat');
    await definitions.rules.delete('never');
  });

  it('holds back silenced alerts, sends them when the silence ends, keeps state over a restart and repeats on time', async () => {
    await writeRule('queue', {
      name: 'Queue backlog',
      query: { kind: 'metric', metric: 'e2e.queue', groupBy: ['queue'], aggregation: 'max' },
      condition: { comparison: 'above', match: 'last', windowSeconds: 60, thresholds: [{ severity: 'critical', value: 100 }] },
      title: '{{labels.queue}} backlog {{value}}',
      notify: { channels: ['ch-1'], repeatIntervalSeconds: 300 },
    });
    await writeSilence('orders-maintenance', {
      comment: 'orders migration',
      matchers: [{ label: 'queue', op: 'equals', value: 'orders' }],
      schedule: { kind: 'once', startsAtMs: minute(k + 1), endsAtMs: minute(k + 4) },
    });
    const backlog = {
      'e2e.queue': [
        { labels: { queue: 'orders' }, value: 150 },
        { labels: { queue: 'billing' }, value: 150 },
      ],
    };
    const titles = (from: number) => dispatcher.ofRule('queue', from).map((each) => each.notification.alerts.map((alert) => alert.title));
    let mark = dispatcher.dispatched.length;

    await tick(backlog);
    let queues = byHost(evaluator.instances('queue'), 'queue');
    assert.deepEqual([queues.orders?.state, queues.orders?.silenced, queues.billing?.state, queues.billing?.silenced], ['firing', true, 'firing', false]);
    assert.deepEqual(titles(mark), [['billing backlog 150']]);
    await tick(backlog);
    await tick(backlog);
    assert.deepEqual(titles(mark), [['billing backlog 150']]);

    // The silence ended at the start of this minute (just before this evaluation): orders, still firing, is sent now.
    await tick(backlog);
    assert.deepEqual(titles(mark), [['billing backlog 150'], ['orders backlog 150']]);
    const beforeRestart = byHost(evaluator.instances('queue'), 'queue');
    assert.equal(beforeRestart.orders?.silenced, false);

    // Restart: a new evaluator (and dispatcher) over the same store continues without re-sending.
    await evaluator.stop();
    dispatcher = new RecordingDispatcher();
    evaluator = newEvaluator();
    await evaluator.start(3600);
    await evaluator.evaluateDue();
    queues = byHost(evaluator.instances('queue'), 'queue');
    assert.deepEqual([queues.orders?.state, queues.orders?.firedAtMs, queues.billing?.firedAtMs], ['firing', beforeRestart.orders?.firedAtMs, beforeRestart.billing?.firedAtMs]);
    mark = 0;
    await tick(backlog);
    assert.deepEqual(titles(mark), []);

    // billing was last sent five minutes ago (at the scenario's first evaluation): it repeats; orders (sent three
    // evaluations later) does not yet.
    await tick(backlog);
    assert.deepEqual(titles(mark), [['billing backlog 150']]);
    await tick(backlog);
    assert.deepEqual(titles(mark), [['billing backlog 150']]);
  });
});
