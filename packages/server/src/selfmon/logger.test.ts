import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Registry } from 'prom-client';
import { createLogger, formatLogLine, type LogEntry } from './logger.ts';
import { logEntryToRow } from './log-shipper.ts';

const TIME = Date.UTC(2026, 10, 25, 12, 0, 0, 123);

function capture(level: 'debug' | 'info' | 'warn' | 'error', registry?: Registry) {
  const lines: string[] = [];
  const entries: LogEntry[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(line), onEntry: (entry) => entries.push(entry), now: () => TIME, ...(registry === undefined ? {} : { registry }) });
  return { logger, lines, entries };
}

describe('logger', () => {
  it('writes one JSON object per line with time, level, msg and the fields', () => {
    const { logger, lines } = capture('info');
    logger.info('listening', { port: 8080, host: '0.0.0.0' });
    assert.deepEqual(lines.map((line) => JSON.parse(line) as unknown), [{ time: '2026-11-25T12:00:00.123Z', level: 'info', msg: 'listening', port: 8080, host: '0.0.0.0' }]);
  });

  it('leaves out levels below the configured one', () => {
    const { logger, lines } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    assert.deepEqual(
      lines.map((line) => (JSON.parse(line) as { level: string }).level),
      ['warn', 'error'],
    );
  });

  it('adds the fields of a child logger and keeps time, level and msg from being overwritten', () => {
    const { logger, lines } = capture('debug');
    logger.child({ component: 'scrape' }).debug('scraped', { msg: 'other', job: 'node' });
    assert.deepEqual(JSON.parse(lines[0] ?? ''), { time: '2026-11-25T12:00:00.123Z', level: 'debug', msg: 'scraped', component: 'scrape', field_msg: 'other', job: 'node' });
  });

  it('writes errors with their message and stack, and bigints as text', () => {
    const line = formatLogLine({ timeMs: TIME, level: 'error', msg: 'insert failed', fields: { error: new Error('disk full'), rows: 12n } });
    const parsed = JSON.parse(line) as { error: { name: string; message: string; stack: string }; rows: string };
    assert.equal(parsed.error.name, 'Error');
    assert.equal(parsed.error.message, 'disk full');
    assert.match(parsed.error.stack, /disk full/);
    assert.equal(parsed.rows, '12');
  });

  it('still writes a line whose fields are circular', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const parsed = JSON.parse(formatLogLine({ timeMs: TIME, level: 'warn', msg: 'odd', fields: { circular } })) as { msg: string };
    assert.equal(parsed.msg, 'odd');
  });

  it('counts lines by level when given a registry', async () => {
    const registry = new Registry();
    const { logger } = capture('info', registry);
    logger.info('a');
    logger.info('b');
    logger.error('c');
    logger.debug('not written');
    const metric = await registry.getSingleMetric('sightline_log_messages_total')?.get();
    assert.deepEqual(
      metric?.values.map((value) => [value.labels['level'], value.value]),
      [
        ['info', 2],
        ['error', 1],
      ],
    );
  });

  it('turns an entry into a log record of the sightline service', () => {
    const row = logEntryToRow({ timeMs: TIME, level: 'warn', msg: 'slow insert', fields: { table: 'logs', rows: 3, ratio: 0.5, ok: false } }, { instanceId: 'a:1', hostName: 'a', version: '0.1.0' });
    assert.equal(row.timeUnixNano, BigInt(TIME) * 1_000_000n);
    assert.equal(row.severityNumber, 13);
    assert.equal(row.severityText, 'WARN');
    assert.deepEqual(row.body, { kind: 'string', value: 'slow insert' });
    assert.deepEqual(row.attributes, [
      { key: 'table', value: { kind: 'string', value: 'logs' } },
      { key: 'rows', value: { kind: 'int', value: 3n } },
      { key: 'ratio', value: { kind: 'double', value: 0.5 } },
      { key: 'ok', value: { kind: 'bool', value: false } },
    ]);
    assert.deepEqual(row.resource.attributes[0], { key: 'service.name', value: { kind: 'string', value: 'sightline' } });
  });
});
