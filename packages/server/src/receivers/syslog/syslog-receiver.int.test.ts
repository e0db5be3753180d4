import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Registry } from 'prom-client';
import { openRowSinkStore, type RowSinkStore } from '../../../test/support/row-sink-store.ts';
import { AppError, ErrorCodes } from '../../errors.ts';
import type { RowSink } from '../../pipeline/row-sink.ts';
import { sql } from '../../storage/sql.ts';
import { syslogConfigSchema } from './syslog-config.ts';
import { SyslogMetrics } from './syslog-metrics.ts';
import { SyslogReceiver, type SyslogPorts } from './syslog-receiver.ts';

const run = promisify(execFile);
const LOGGER = '/usr/bin/logger';

interface StoredLog {
  body: string;
  severity_number: number;
  severity_text: string;
  host: string;
  service: string;
  scope: string;
  time_ns: string;
  observed_ns: string;
  attributes_string: Record<string, string>;
  attributes_int: Record<string, string>;
  attributes_bool: Record<string, boolean>;
}

/** The real RowSink, refusing with INGEST_OVERLOADED while `overloaded` is set (the store under back-pressure). */
class GatedSink implements RowSink {
  overloaded = false;
  refusals = 0;
  constructor(private readonly inner: RowSink) {}
  write: RowSink['write'] = (signal, protocol, rows) => {
    if (!this.overloaded) return this.inner.write(signal, protocol, rows);
    this.refusals += 1;
    return Promise.reject(new AppError(ErrorCodes.INGEST_OVERLOADED, 'full', { retryAfterSeconds: 0.05 }));
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; fails after a generous bound rather than hanging. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const value = await read();
    if (check(value) || attempt === 400) return value;
    await pause(50);
  }
}

async function counterValue(metrics: SyslogMetrics, name: 'received' | 'discarded', labels: Record<string, string>): Promise<number> {
  const { values } = await metrics[name].get();
  const matches = (found: Record<string, string | number | undefined>): boolean => Object.entries(labels).every(([key, wanted]) => found[key] === wanted);
  return values.filter((value) => matches(value.labels)).reduce((sum, value) => sum + value.value, 0);
}

describe('syslog receiver over UDP and TCP into the real store', () => {
  let temp: RowSinkStore;
  let receiver: SyslogReceiver;
  let ports: SyslogPorts;
  const metrics = new SyslogMetrics(new Registry());
  const hostname = os.hostname();
  const marker = `m${process.pid}x${Date.now()}`;

  async function logsWith(text: string): Promise<StoredLog[]> {
    return temp.store.query<StoredLog>(sql`
      SELECT body, severity_number, severity_text, resource_string['host.name'] AS host, service_name AS service,
             scope_name AS scope, toString(toUnixTimestamp64Nano(timestamp)) AS time_ns,
             toString(toUnixTimestamp64Nano(observed_timestamp)) AS observed_ns, attributes_string, attributes_int, attributes_bool
      FROM logs WHERE position(body, ${text}) > 0 ORDER BY observed_timestamp, body`);
  }
  const stored = (text: string, count: number): Promise<StoredLog[]> => eventually(() => logsWith(text), (rows) => rows.length >= count);

  function assertRecent(row: StoredLog): void {
    const time = BigInt(row.time_ns);
    const observed = BigInt(row.observed_ns);
    assert.ok(time <= observed + 1_000_000_000n && observed - time < 300_000_000_000n, `time ${time} near receive time ${observed}`);
  }

  before(async () => {
    temp = await openRowSinkStore();
    receiver = new SyslogReceiver(syslogConfigSchema.parse({ enabled: true, host: '127.0.0.1', udpPort: 0, tcpPort: 0 }), { sink: temp.sink, metrics });
    ports = await receiver.start();
  });
  after(async () => {
    await receiver.stop();
    await temp.dispose();
  });

  it('binds free ports when asked for port 0', () => {
    assert.ok(ports.udp > 0 && ports.tcp > 0);
  });

  it('stores an RFC 5424 message sent by logger over UDP with every field', async () => {
    const text = `${marker} udp 5424`;
    await run(LOGGER, [
      '--rfc5424', '-n', '127.0.0.1', '-P', String(ports.udp), '-d', '-t', 'billing', '-p', 'local4.notice', '--id=4242', '--msgid', 'INV7',
      '--sd-id', 'order@32473', '--sd-param', 'id="A-1"', '--sd-param', 'note="say \\"hi\\" [x\\] \\\\ ok"', text,
    ]);
    const [row] = await stored(text, 1);
    assert.ok(row);
    assert.equal(row.body, text);
    assert.deepStrictEqual([row.severity_number, row.severity_text], [10, 'notice']);
    assert.deepStrictEqual([row.host, row.service, row.scope], [hostname, 'billing', 'sightline/syslog']);
    assert.equal(row.attributes_int['syslog.facility'], '20');
    assert.equal(row.attributes_int['syslog.severity'], '5');
    assert.equal(row.attributes_int['syslog.version'], '1');
    assert.equal(row.attributes_string['syslog.facility.name'], 'local4');
    assert.equal(row.attributes_string['syslog.procid'], '4242');
    assert.equal(row.attributes_string['syslog.msgid'], 'INV7');
    assert.equal(row.attributes_string['syslog.structured_data.order@32473.id'], 'A-1');
    assert.equal(row.attributes_string['syslog.structured_data.order@32473.note'], 'say "hi" [x] \\ ok');
    assert.equal(row.attributes_string['syslog.structured_data.timeQuality.tzKnown'], '1');
    assert.equal(row.attributes_string['network.peer.address'], '127.0.0.1');
    assert.equal(row.attributes_string['network.transport'], 'udp');
    assertRecent(row);
  });

  it('stores an RFC 3164 message sent by logger over UDP', async () => {
    const text = `${marker} udp 3164`;
    await run(LOGGER, ['--rfc3164', '-n', '127.0.0.1', '-P', String(ports.udp), '-d', '-t', 'cron', '-p', 'auth.err', '--id=77', text]);
    const [row] = await stored(text, 1);
    assert.ok(row);
    assert.equal(row.body, text);
    assert.deepStrictEqual([row.severity_number, row.severity_text], [17, 'err']);
    assert.deepStrictEqual([row.host, row.service], [hostname.split('.')[0], 'cron']);
    assert.equal(row.attributes_string['syslog.procid'], '77');
    assert.equal(row.attributes_string['syslog.format'], 'rfc3164');
    assert.equal(row.attributes_int['syslog.facility'], '4');
    assert.equal(row.attributes_int['syslog.version'], undefined);
    assertRecent(row);
  });

  it('stores RFC 5424 messages sent by logger over TCP with octet counting, several on one connection', async () => {
    const lines = [1, 2, 3].map((index) => `${marker} tcp 5424 line ${index}`);
    const child = execFile(LOGGER, ['--rfc5424', '-n', '127.0.0.1', '-P', String(ports.tcp), '-T', '--octet-count', '-t', 'worker', '-p', 'user.debug']);
    child.stdin?.end(`${lines.join('\n')}\n`);
    await new Promise((resolve) => child.on('exit', resolve));
    const rows = await stored(`${marker} tcp 5424`, 3);
    assert.deepStrictEqual(rows.map((row) => row.body).sort(), lines);
    for (const row of rows) {
      assert.deepStrictEqual([row.severity_number, row.severity_text, row.service, row.host], [5, 'debug', 'worker', hostname]);
      assert.equal(row.attributes_string['network.transport'], 'tcp');
      assertRecent(row);
    }
  });

  it('stores an RFC 3164 message sent by logger over TCP with LF framing', async () => {
    const text = `${marker} tcp 3164`;
    await run(LOGGER, ['--rfc3164', '-n', '127.0.0.1', '-P', String(ports.tcp), '-T', '-t', 'postfix/smtpd', '-p', 'mail.warning', '--id=9', text]);
    const [row] = await stored(text, 1);
    assert.ok(row);
    assert.deepStrictEqual([row.body, row.severity_number, row.severity_text, row.service], [text, 13, 'warning', 'postfix/smtpd']);
    assert.equal(row.attributes_string['syslog.procid'], '9');
    assert.equal(row.attributes_int['syslog.facility'], '2');
  });

  it('splits a raw TCP stream of both framings, in one write and across writes, keeping what does not parse', async () => {
    const octet = (message: string) => `${Buffer.byteLength(message)} ${message}`;
    // A recent time (older rows would expire at once under retention), in whole seconds.
    const sentAt = new Date((Math.floor(Date.now() / 1000) - 60) * 1000);
    const bsdTime = `${MONTHS[sentAt.getMonth()]} ${String(sentAt.getDate()).padStart(2, ' ')} ${sentAt.toTimeString().slice(0, 8)}`;
    const socket = net.connect(ports.tcp, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const first = [
      octet(`<11>1 ${sentAt.toISOString().replace('.000Z', '.123456Z')} raw-host rawapp - - - ${marker} raw one`),
      `<14>${bsdTime} raw-host rawapp[5]: ${marker} raw two\n`,
      octet(`<15>1 - raw-host rawapp - - - ${marker} raw three\nwith a second line`),
      `${marker} raw four has no PRI\r\n`,
    ].join('');
    socket.write(first);
    const split = octet(`<12>1 - raw-host rawapp - - [x@1 k="v"] ${marker} raw five ünï`);
    const cut = Buffer.from(split).length - 3;
    socket.write(Buffer.from(split).subarray(0, cut));
    await pause(30);
    socket.write(Buffer.concat([Buffer.from(split).subarray(cut), Buffer.from(`<13>1 - raw-host rawapp - - - ${marker} raw six`)]));
    await pause(30);
    socket.end('\n');
    const rows = await stored(`${marker} raw`, 6);
    const byBody = new Map(rows.map((row) => [row.body, row]));
    assert.deepStrictEqual(
      [...byBody.keys()].sort(),
      [
        `${marker} raw five ünï`,
        `${marker} raw four has no PRI`,
        `${marker} raw one`,
        `${marker} raw six`,
        `${marker} raw three\nwith a second line`,
        `${marker} raw two`,
      ],
    );
    const one = byBody.get(`${marker} raw one`)!;
    assert.equal(one.time_ns, String(BigInt(sentAt.getTime()) * 1_000_000n + 123_456_000n));
    assert.equal(byBody.get(`${marker} raw two`)!.time_ns, String(BigInt(sentAt.getTime()) * 1_000_000n));
    assert.deepStrictEqual([one.severity_number, one.host, one.service], [17, 'raw-host', 'rawapp']);
    const four = byBody.get(`${marker} raw four has no PRI`)!;
    assert.deepStrictEqual([four.severity_number, four.service, four.host], [0, 'syslog', '127.0.0.1']);
    assert.equal(four.attributes_string['syslog.parse_error'], 'no valid PRI');
    assert.equal(byBody.get(`${marker} raw five ünï`)!.attributes_string['syslog.structured_data.x@1.k'], 'v');
  });

  it('marks a message longer than the limit as truncated', async () => {
    const small = new SyslogReceiver(syslogConfigSchema.parse({ host: '127.0.0.1', udpPort: 0, tcpPort: 0, maxMessageBytes: 128 }), {
      sink: temp.sink,
      metrics: new SyslogMetrics(new Registry()),
    });
    const smallPorts = await small.start();
    const text = `${marker} long ${'y'.repeat(200)}`;
    await run(LOGGER, ['--rfc5424=notq', '-n', '127.0.0.1', '-P', String(smallPorts.tcp), '-T', '--octet-count', '-t', 'big', text]);
    // Stop only once the cut message is stored: stopping earlier may end the connection before the
    // receiver has read 128 bytes, and it then keeps the shorter unfinished message instead.
    const [row] = await stored(`${marker} long`, 1);
    await small.stop();
    assert.ok(row);
    assert.ok(text.startsWith(row.body) && row.body.length < text.length, row.body);
    assert.equal(row.attributes_bool['syslog.truncated'], true);
  });

  it('holds TCP senders while the store refuses and then stores everything; counts UDP it had to turn away', async () => {
    const gated = new GatedSink(temp.sink);
    const ownMetrics = new SyslogMetrics(new Registry());
    const held = new SyslogReceiver(
      syslogConfigSchema.parse({ host: '127.0.0.1', udpPort: 0, tcpPort: 0, maxQueuedMessages: 3, batchMaxAgeMs: 10 }),
      { sink: gated, metrics: ownMetrics },
    );
    const heldPorts = await held.start();
    gated.overloaded = true;
    const tcpLines = Array.from({ length: 20 }, (_, index) => `<13>1 - h held - - - ${marker} held tcp ${index}`);
    const socket = net.connect(heldPorts.tcp, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.end(`${tcpLines.join('\n')}\n`);
    await eventually(() => counterValue(ownMetrics, 'received', { transport: 'tcp' }), (count) => count === 20);
    await eventually(() => Promise.resolve(gated.refusals), (refusals) => refusals >= 2);
    assert.equal((await logsWith(`${marker} held tcp`)).length, 0, 'nothing stored while refused');

    for (let index = 0; index < 5; index += 1) {
      await run(LOGGER, ['--rfc5424', '-n', '127.0.0.1', '-P', String(heldPorts.udp), '-d', '-t', 'held', `${marker} held udp ${index}`]);
    }
    await eventually(() => counterValue(ownMetrics, 'received', { transport: 'udp' }), (count) => count === 5);
    const discardedUdp = await counterValue(ownMetrics, 'discarded', { transport: 'udp', reason: 'queue_full' });
    assert.equal(discardedUdp, 5, 'the queue was already full of TCP messages');

    gated.overloaded = false;
    const rows = await stored(`${marker} held tcp`, 20);
    assert.equal(rows.length, 20);
    await held.stop();
    assert.equal(await counterValue(ownMetrics, 'discarded', { transport: 'tcp' }), 0);
    assert.equal((await logsWith(`${marker} held udp`)).length, 0);
  });
});
