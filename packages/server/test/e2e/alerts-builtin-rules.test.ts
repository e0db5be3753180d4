// The built-in alert rules in a running server, each driven by the real condition it watches: a
// Prometheus target that stops answering, logs whose newest record is old (ingest stalled), and
// OTLP requests refused under overload. The rules ship with 60 s intervals (and the refusal rule a
// 5-minute `for`); the test shortens those through the API, as an operator may.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AlertRuleDetailResponse } from '@sightline/contract';
import { eventually } from '../support/eventually.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const EXPOSITION = '# TYPE shop_orders_total counter\nshop_orders_total 7\n';

describe('built-in alert rules fire on what they watch', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-builtin-rules-'));
  let server: ServerProcess;
  let target: Server;
  let targetAddress = '';
  const api = (route: string): string => `http://127.0.0.1:${server.ports.api}${route}`;

  async function json<T>(route: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(api(route), {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Shortens a built-in rule's interval (and `for`) so the test need not wait minutes. */
  async function quicken(id: string, forSeconds = 0): Promise<void> {
    const { body } = await json<AlertRuleDetailResponse>(`/api/v1/alerts/rules/${id}`);
    const { rule } = body;
    const definition = { name: rule.name, query: rule.query, condition: rule.condition, labels: rule.labels, title: rule.title, description: rule.description };
    const reply = await json(`/api/v1/alerts/rules/${id}`, 'PUT', { ...definition, intervalSeconds: 10, forSeconds });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
  }

  async function firingInstances(id: string): Promise<Record<string, string>[] | undefined> {
    const { body } = await json<AlertRuleDetailResponse>(`/api/v1/alerts/rules/${id}`);
    const firing = body.instances.filter((instance) => instance.state === 'firing');
    return firing.length > 0 ? firing.map((instance) => instance.labels) : undefined;
  }

  before(async () => {
    target = createServer((_request, response) => response.end(EXPOSITION));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetAddress = `127.0.0.1:${(target.address() as AddressInfo).port}`;
    const config = [
      'hostMetrics: { enabled: false }',
      'selfmon: { intervalSeconds: 2 }',
      'alerts: { tickSeconds: 1 }',
      // A small pending budget, so concurrent requests are refused (429) and counted as `overloaded`.
      'pipeline: { maxPendingBytes: 65536 }',
      'prometheus:',
      '  scrape:',
      '    global: { scrape_interval: 2s, scrape_timeout: 1s }',
      `    scrape_configs: [{ job_name: shop, static_configs: [{ targets: ['${targetAddress}'] }] }]`,
    ].join('\n');
    writeFileSync(path.join(dir, 'sightline.yaml'), config);
    server = await startServerProcess(path.join(dir, 'data'), ['--config', path.join(dir, 'sightline.yaml')]);
  });

  after(async () => {
    await server?.stop();
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('scrape target down: fires for the target that stopped answering, with its job and instance', async () => {
    await quicken('builtin-scrape-target-down');
    // Up first: a few scrapes succeed, the rule stays quiet.
    await eventually('a first successful scrape', async () => {
      const { body } = await json<{ targets: { health: string }[] }>('/api/v1/prometheus/targets');
      return body.targets.some((each) => each.health === 'up') ? true : undefined;
    });
    assert.equal(await firingInstances('builtin-scrape-target-down'), undefined);
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
    const labels = await eventually('the scrape-down alert', () => firingInstances('builtin-scrape-target-down'), { timeoutMs: 120_000, pauseMs: 1000 });
    assert.deepEqual(
      labels.map((each) => [each['job'], each['instance'], each['alertname']]),
      [['shop', targetAddress, 'Scrape target down']],
    );
  });

  it('ingest stalled: fires when the newest stored log record is older than 15 minutes', async () => {
    await quicken('builtin-ingest-stalled');
    const twentyMinutesAgoNs = String((Date.now() - 20 * 60_000) * 1_000_000);
    const response = await fetch(`http://127.0.0.1:${server.ports.http}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'batch-job' } }] }, scopeLogs: [{ logRecords: [{ timeUnixNano: twentyMinutesAgoNs, body: { stringValue: 'last run' } }] }] }],
      }),
    });
    assert.equal(response.status, 200);
    const labels = await eventually('the ingest-stalled alert', () => firingInstances('builtin-ingest-stalled'), { timeoutMs: 90_000, pauseMs: 1000 });
    assert.deepEqual(
      labels.map((each) => each['signal']),
      ['logs'],
    );
    const { body } = await json<AlertRuleDetailResponse>('/api/v1/alerts/rules/builtin-ingest-stalled');
    assert.equal(body.rule.severity, 'warning');
  });

  it('ingest refusals: fires when OTLP requests are refused under overload', async () => {
    await quicken('builtin-ingest-refusals');
    const record = { body: { stringValue: 'x'.repeat(2000) } };
    const payload = JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: Array.from({ length: 40 }, () => record) }] }] });
    let refused = 0;
    for (let round = 0; round < 20 && refused === 0; round++) {
      const statuses = await Promise.all(
        Array.from({ length: 16 }, () =>
          fetch(`http://127.0.0.1:${server.ports.http}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload }).then((reply) => reply.status),
        ),
      );
      refused += statuses.filter((status) => status === 429).length;
    }
    assert.ok(refused > 0, 'the small pending budget refused some requests');
    // One instance per signal and outcome. The logs one must fire; the same small budget may also have
    // refused the server's own scrape or self-monitoring metrics, which fire as `metrics` (also true).
    const firesForLogs = async () => {
      const labels = await firingInstances('builtin-ingest-refusals');
      return labels?.some((each) => each['signal'] === 'logs') === true ? labels : undefined;
    };
    const labels = await eventually('the ingest-refusals alert for logs', firesForLogs, { timeoutMs: 90_000, pauseMs: 1000 });
    assert.ok(labels.some((each) => each['signal'] === 'logs' && each['outcome'] === 'overloaded'), JSON.stringify(labels));
    assert.ok(labels.every((each) => each['outcome'] === 'overloaded' && each['alertname'] === 'Ingest refused or failing'), JSON.stringify(labels));
  });
});
