import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSyslog } from './parse-syslog.ts';
import { syslogLogRow, type Reception } from './syslog-log-row.ts';
import type { AnyValue, Attributes } from '../../signals/any-value.ts';

const context = { nowMs: Date.UTC(2024, 5, 15), timeZone: 'UTC' };
const reception: Reception = { transport: 'udp', peerAddress: '127.0.0.9', peerPort: 40000, receivedUnixNano: 1_718_409_600_000_000_000n, truncated: false };

function attributeMap(attributes: Attributes): Map<string, AnyValue> {
  return new Map(attributes.map((attribute) => [attribute.key, attribute.value]));
}
const str = (value: string): AnyValue => ({ kind: 'string', value });
const int = (value: number): AnyValue => ({ kind: 'int', value: BigInt(value) });

describe('syslog messages as log records', () => {
  it('maps every RFC 5424 field', () => {
    const row = syslogLogRow(
      parseSyslog('<165>1 2024-06-14T10:00:00.5Z web-1 billing 812 INV7 [origin swVersion="2.1"][meta@1 k="a" k="b" one="1"] charged', context),
      reception,
    );
    assert.equal(row.timeUnixNano, 1_718_359_200_500_000_000n);
    assert.equal(row.observedTimeUnixNano, reception.receivedUnixNano);
    assert.deepStrictEqual([row.severityNumber, row.severityText], [10, 'notice']);
    assert.deepStrictEqual(row.body, str('charged'));
    assert.deepStrictEqual(row.resource.attributes, [
      { key: 'service.name', value: str('billing') },
      { key: 'host.name', value: str('web-1') },
      { key: 'service.version', value: str('2.1') },
    ]);
    assert.deepStrictEqual(row.scope.name, 'sightline/syslog');
    assert.deepStrictEqual(
      [...attributeMap(row.attributes)],
      [
        ['syslog.facility', int(20)],
        ['syslog.facility.name', str('local4')],
        ['syslog.severity', int(5)],
        ['syslog.format', str('rfc5424')],
        ['syslog.version', int(1)],
        ['syslog.procid', str('812')],
        ['syslog.msgid', str('INV7')],
        ['syslog.structured_data.origin.swVersion', str('2.1')],
        ['syslog.structured_data.meta@1.k', { kind: 'array', value: [str('a'), str('b')] }],
        ['syslog.structured_data.meta@1.one', str('1')],
        ['network.transport', str('udp')],
        ['network.peer.address', str('127.0.0.9')],
        ['network.peer.port', int(40000)],
      ],
    );
  });

  it('maps each syslog severity to its OpenTelemetry severity number', () => {
    const mapped = [0, 1, 2, 3, 4, 5, 6, 7].map((severity) => {
      const row = syslogLogRow(parseSyslog(`<${8 + severity}>1 - - - - - - x`, context), reception);
      return [row.severityNumber, row.severityText];
    });
    assert.deepStrictEqual(mapped, [
      [21, 'emerg'],
      [19, 'alert'],
      [18, 'crit'],
      [17, 'err'],
      [13, 'warning'],
      [10, 'notice'],
      [9, 'info'],
      [5, 'debug'],
    ]);
  });

  it('names the sender as host and "syslog" as service when the message names neither, and marks truncation', () => {
    const row = syslogLogRow(parseSyslog('<13>1 - - - - - - x', context), { ...reception, transport: 'tcp', truncated: true });
    assert.equal(row.timeUnixNano, 0n);
    assert.deepStrictEqual(row.resource.attributes, [
      { key: 'service.name', value: str('syslog') },
      { key: 'host.name', value: str('127.0.0.9') },
    ]);
    const attributes = attributeMap(row.attributes);
    assert.deepStrictEqual(attributes.get('syslog.truncated'), { kind: 'bool', value: true });
    assert.deepStrictEqual(attributes.get('network.transport'), str('tcp'));
    assert.equal(attributes.has('syslog.procid'), false);
  });

  it('keeps a message that did not parse: raw body, the reason, no severity without PRI', () => {
    const row = syslogLogRow(parseSyslog('just text\n', context), reception);
    assert.deepStrictEqual(row.body, str('just text'));
    assert.deepStrictEqual([row.severityNumber, row.severityText], [0, '']);
    const attributes = attributeMap(row.attributes);
    assert.deepStrictEqual(attributes.get('syslog.parse_error'), str('no valid PRI'));
    assert.deepStrictEqual(attributes.get('syslog.format'), str('unparsed'));
    assert.equal(attributes.has('syslog.facility'), false);
    const withPri = syslogLogRow(parseSyslog('<11>1 bad-time h a - - - x', context), reception);
    assert.deepStrictEqual([withPri.severityNumber, withPri.body], [17, str('<11>1 bad-time h a - - - x')]);
  });
});
