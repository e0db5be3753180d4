// System logs through a running server configured by file: syslog from the real `logger` command and
// a tailed log file, both searchable through the logs API.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { logSearchResponseSchema, type LogSearchRequest } from '@sightline/contract';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { eventually } from '../support/eventually.ts';

const run = promisify(execFile);

async function searchLogs(server: ServerProcess, request: Omit<LogSearchRequest, 'start' | 'end'>) {
  const now = Date.now();
  const response = await fetch(`http://127.0.0.1:${server.ports.api}/api/v1/logs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ start: now - 3_600_000, end: now + 60_000, order: 'asc', ...request }),
  });
  const body: unknown = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return logSearchResponseSchema.parse(body).logs;
}


describe('system logs: syslog and file tail in a running server', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-system-logs-'));
  const logFile = path.join(dir, 'logs', 'app.log');
  let server: ServerProcess | undefined;
  let ports = { udp: 0, tcp: 0 };

  before(async () => {
    mkdirSync(path.dirname(logFile));
    writeFileSync(logFile, 'written before the start (skipped: startAt end)\n');
    const config = [
      'hostMetrics: { enabled: false }',
      'syslog: { enabled: true, host: 127.0.0.1, udpPort: 0, tcpPort: 0 }',
      'fileLog:',
      '  enabled: true',
      '  pollIntervalMs: 100',
      `  include: [{ paths: ['${path.join(dir, 'logs', '*.log')}'], service: payments-batch }]`,
    ].join('\n');
    writeFileSync(path.join(dir, 'sightline.yaml'), config);
    server = await startServerProcess(path.join(dir, 'data'), ['--config', path.join(dir, 'sightline.yaml')]);
    const match = await eventually('the syslog ports', () => Promise.resolve(/syslog on UDP :(\d+) and TCP :(\d+)/.exec(server!.output()) ?? undefined));
    ports = { udp: Number(match[1]), tcp: Number(match[2]) };
  });

  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores RFC 5424 over TCP and RFC 3164 over UDP sent by logger', async () => {
    await run('logger', ['--rfc5424', '-T', '-n', '127.0.0.1', '-P', String(ports.tcp), '-t', 'billing', '-p', 'local0.err', 'disk almost full on /data']);
    await run('logger', ['--rfc3164', '-d', '-n', '127.0.0.1', '-P', String(ports.udp), '-t', 'cron', '-p', 'cron.info', 'nightly job started']);
    const tcp = await eventually('the TCP message', async () => (await searchLogs(server!, { bodyContains: 'disk almost full' }))[0]);
    assert.equal(tcp.severityNumber, 17);
    assert.equal(tcp.serviceName, 'billing');
    const udp = await eventually('the UDP message', async () => (await searchLogs(server!, { bodyContains: 'nightly job started' }))[0]);
    assert.equal(udp.severityNumber, 9);
    assert.equal(udp.serviceName, 'cron');
  });

  it('tails the log file: lines appended after the start, each once', async () => {
    appendFileSync(logFile, 'ERROR payment 1 failed\nINFO payment 2 settled\n');
    const lines = await eventually('both lines', async () => {
      const logs = await searchLogs(server!, { service: 'payments-batch' });
      return logs.length >= 2 ? logs : undefined;
    });
    // Both lines were read in one poll: same observed time, so compare them in body order.
    const seen = lines.map((log) => [JSON.stringify(log.body), log.severityNumber] as const).sort();
    assert.deepEqual(seen, [
      [JSON.stringify({ stringValue: 'ERROR payment 1 failed' }), 17],
      [JSON.stringify({ stringValue: 'INFO payment 2 settled' }), 9],
    ]);
  });
});
