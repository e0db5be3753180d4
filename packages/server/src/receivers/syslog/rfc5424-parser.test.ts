import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSyslog } from './parse-syslog.ts';

const context = { nowMs: Date.UTC(2024, 5, 1), timeZone: 'UTC' };
const parse = (text: string) => parseSyslog(text, context);
const ns = (ms: number, extraNs = 0n): bigint => BigInt(ms) * 1_000_000n + extraNs;

describe('RFC 5424 messages', () => {
  it('reads every header field and strips the BOM from MSG', () => {
    const message = parse('<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF\'su root\' failed for lonvick on /dev/pts/8');
    assert.deepStrictEqual(message, {
      format: 'rfc5424',
      priority: { facility: 4, severity: 2 },
      version: 1,
      timeUnixNano: ns(Date.UTC(2003, 9, 11, 22, 14, 15, 3)),
      hostname: 'mymachine.example.com',
      appName: 'su',
      procId: undefined,
      msgId: 'ID47',
      structuredData: [],
      message: "'su root' failed for lonvick on /dev/pts/8",
      parseError: undefined,
    });
  });

  it('applies a numeric offset and keeps microseconds and nanoseconds exactly', () => {
    const micro = parse("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");
    assert.equal(micro.timeUnixNano, ns(Date.UTC(2003, 7, 24, 12, 14, 15), 3_000n));
    assert.equal(micro.procId, '8710');
    assert.equal(micro.hostname, '192.0.2.1');
    assert.equal(micro.message, "%% It's time to make the do-nuts.");
    const nano = parse('<13>1 2024-03-01T10:00:00.123456789+05:30 h a - - - x');
    assert.equal(nano.timeUnixNano, ns(Date.UTC(2024, 2, 1, 4, 30), 123_456_789n));
    const whole = parse('<13>1 2024-03-01T10:00:00Z h a - - - x');
    assert.equal(whole.timeUnixNano, ns(Date.UTC(2024, 2, 1, 10)));
  });

  it('takes NILVALUE for every optional field, and no MSG as an empty one', () => {
    const message = parse('<13>1 - - - - - -');
    assert.equal(message.format, 'rfc5424');
    assert.equal(message.timeUnixNano, 0n);
    assert.deepStrictEqual(
      [message.hostname, message.appName, message.procId, message.msgId, message.message],
      [undefined, undefined, undefined, undefined, ''],
    );
    assert.deepStrictEqual(message.structuredData, []);
  });

  it('reads several SD-ELEMENTs with their params in order, and no MSG after them', () => {
    const message = parse(
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"]',
    );
    assert.deepStrictEqual(message.structuredData, [
      {
        id: 'exampleSDID@32473',
        params: [
          { name: 'iut', value: '3' },
          { name: 'eventSource', value: 'Application' },
          { name: 'eventID', value: '1011' },
        ],
      },
      { id: 'examplePriority@32473', params: [{ name: 'class', value: 'high' }] },
    ]);
    assert.equal(message.message, '');
  });

  it('unescapes \\" \\\\ and \\] in param values and keeps any other backslash as it is', () => {
    const message = parse('<13>1 - h a - - [x@1 p="say \\"hi\\" \\\\ [a\\] b\\n ü" empty=""][y@1] body [not sd]');
    assert.deepStrictEqual(message.structuredData, [
      { id: 'x@1', params: [{ name: 'p', value: 'say "hi" \\ [a] b\\n ü' }, { name: 'empty', value: '' }] },
      { id: 'y@1', params: [] },
    ]);
    assert.equal(message.message, 'body [not sd]');
  });

  it('keeps a BOM that is not at the start of MSG, and the frame end is not part of MSG', () => {
    assert.equal(parse('<13>1 - h a - - - a\uFEFFb\r\n').message, 'a\uFEFFb');
    assert.equal(parse('<13>1 - h a - - - \uFEFFline one\nline two\n').message, 'line one\nline two');
  });

  it('keeps a message that breaks the grammar whole, with its PRI and the reason', () => {
    const cases = [
      '<13>1 2024-13-01T00:00:00Z h a - - - bad month',
      '<13>1 2024-02-30T00:00:00Z h a - - - no such day',
      '<13>1 2024-02-01 h a - - - no time',
      '<13>1 - h a - - [x@1 p="unterminated] msg',
      '<13>1 - h a - - [x@1 p=unquoted] msg',
      '<13>1 - h a - - x msg',
      '<13>1 - h a',
    ];
    for (const text of cases) {
      const message = parse(text);
      assert.equal(message.format, 'unparsed', text);
      assert.equal(message.message, text);
      assert.deepStrictEqual(message.priority, { facility: 1, severity: 5 });
      assert.match(message.parseError ?? '', /^RFC 5424: /);
    }
  });

  it('keeps a text without a valid PRI whole', () => {
    for (const text of ['no pri at all', '<192>1 - - - - - - too high', '<>1 - - - - - -', '']) {
      const message = parse(text);
      assert.equal(message.format, 'unparsed');
      assert.equal(message.priority, undefined);
      assert.equal(message.message, text);
      assert.equal(message.parseError, 'no valid PRI');
    }
  });

  it('tells the formats apart by the version digit after PRI', () => {
    assert.equal(parse('<13>1 - - - - - - x').format, 'rfc5424');
    assert.equal(parse('<13>2 - - - - - - x').format, 'rfc5424');
    assert.equal(parse('<13>Oct 11 22:14:15 host app: x').format, 'rfc3164');
    assert.equal(parse('<13>10 apples').format, 'unparsed');
  });
});
