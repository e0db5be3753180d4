import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSyslog } from './parse-syslog.ts';

const june = { nowMs: Date.UTC(2024, 5, 15, 12), timeZone: 'UTC' };
const ns = (ms: number): bigint => BigInt(ms) * 1_000_000n;

describe('RFC 3164 (BSD) messages', () => {
  it('reads PRI, timestamp, hostname, tag with pid and MSG', () => {
    const message = parseSyslog('<34>Oct 11 22:14:15 mymachine su[231]: \'su root\' failed for lonvick on /dev/pts/8', june);
    assert.deepStrictEqual(message, {
      format: 'rfc3164',
      priority: { facility: 4, severity: 2 },
      version: undefined,
      timeUnixNano: ns(Date.UTC(2023, 9, 11, 22, 14, 15)),
      hostname: 'mymachine',
      appName: 'su',
      procId: '231',
      msgId: undefined,
      structuredData: [],
      message: "'su root' failed for lonvick on /dev/pts/8",
      parseError: undefined,
    });
  });

  it('reads a space-padded day, a tag without pid, and keeps colons inside MSG', () => {
    const message = parseSyslog('<13>Jun  5 08:09:10 web-1 nginx: upstream: timed out\n', june);
    assert.equal(message.timeUnixNano, ns(Date.UTC(2024, 5, 5, 8, 9, 10)));
    assert.equal(message.hostname, 'web-1');
    assert.equal(message.appName, 'nginx');
    assert.equal(message.procId, undefined);
    assert.equal(message.message, 'upstream: timed out');
  });

  it('reads a message without hostname, tag first', () => {
    const withPid = parseSyslog('<13>Jun 14 01:02:03 sshd[4242]: Accepted publickey', june);
    assert.deepStrictEqual([withPid.hostname, withPid.appName, withPid.procId, withPid.message], [undefined, 'sshd', '4242', 'Accepted publickey']);
    const withoutPid = parseSyslog('<13>Jun 14 01:02:03 cron: job done', june);
    assert.deepStrictEqual([withoutPid.hostname, withoutPid.appName, withoutPid.message], [undefined, 'cron', 'job done']);
  });

  it('takes a pid without a colon, and no tag when the text after the host has none', () => {
    const bare = parseSyslog('<13>Jun 14 01:02:03 host kernel[0] oops', june);
    assert.deepStrictEqual([bare.hostname, bare.appName, bare.procId, bare.message], ['host', 'kernel', '0', 'oops']);
    const untagged = parseSyslog('<13>Jun 14 01:02:03 host just some words: here', june);
    assert.deepStrictEqual([untagged.hostname, untagged.appName, untagged.message], ['host', undefined, 'just some words: here']);
  });

  it('reads IPv4 and IPv6 hosts', () => {
    assert.equal(parseSyslog('<13>Jun 14 01:02:03 192.0.2.7 app: x', june).hostname, '192.0.2.7');
    const v6 = parseSyslog('<13>Jun 14 01:02:03 2001:db8::1 app: x', june);
    assert.deepStrictEqual([v6.hostname, v6.appName, v6.message], ['2001:db8::1', 'app', 'x']);
  });

  it('puts a December message read in January in the previous year, and a January one read in December in the next', () => {
    const january = { nowMs: Date.UTC(2025, 0, 1, 0, 5), timeZone: 'UTC' };
    assert.equal(parseSyslog('<13>Dec 31 23:59:58 h a: x', january).timeUnixNano, ns(Date.UTC(2024, 11, 31, 23, 59, 58)));
    const december = { nowMs: Date.UTC(2024, 11, 31, 23, 59), timeZone: 'UTC' };
    assert.equal(parseSyslog('<13>Jan  1 00:00:30 h a: x', december).timeUnixNano, ns(Date.UTC(2025, 0, 1, 0, 0, 30)));
    assert.equal(parseSyslog('<13>Jun 14 11:00:00 h a: x', june).timeUnixNano, ns(Date.UTC(2024, 5, 14, 11)));
    assert.equal(parseSyslog('<13>Jun 16 11:00:00 h a: x', june).timeUnixNano, ns(Date.UTC(2024, 5, 16, 11)), 'a day ahead: clock skew');
    assert.equal(parseSyslog('<13>Jul  1 11:00:00 h a: x', june).timeUnixNano, ns(Date.UTC(2023, 6, 1, 11)), 'weeks ahead: last year');
  });

  it('reads Feb 29 in the last leap year only when it is at most a year back', () => {
    const march2024 = { nowMs: Date.UTC(2024, 2, 1), timeZone: 'UTC' };
    assert.equal(parseSyslog('<13>Feb 29 10:00:00 h a: x', march2024).timeUnixNano, ns(Date.UTC(2024, 1, 29, 10)));
    const march2025 = { nowMs: Date.UTC(2025, 2, 1), timeZone: 'UTC' };
    assert.equal(parseSyslog('<13>Feb 29 10:00:00 h a: x', march2025).timeUnixNano, ns(Date.UTC(2024, 1, 29, 10)));
    // In March 2023 the last Feb 29 is years back and the next one in the future: no time rather than a wrong one.
    const march2023 = { nowMs: Date.UTC(2023, 2, 1), timeZone: 'UTC' };
    const message = parseSyslog('<13>Feb 29 10:00:00 h a: x', march2023);
    assert.equal(message.timeUnixNano, 0n);
    assert.equal(message.message, 'Feb 29 10:00:00 h a: x');
  });

  it('reads timestamps in the configured time zone', () => {
    const berlin = { nowMs: Date.UTC(2024, 5, 15, 12), timeZone: 'Europe/Berlin' };
    assert.equal(parseSyslog('<13>Jun 15 14:00:00 h a: x', berlin).timeUnixNano, ns(Date.UTC(2024, 5, 15, 12)));
    const winter = { nowMs: Date.UTC(2024, 0, 15, 12), timeZone: 'Europe/Berlin' };
    assert.equal(parseSyslog('<13>Jan 15 13:00:00 h a: x', winter).timeUnixNano, ns(Date.UTC(2024, 0, 15, 12)));
    const local = { nowMs: Date.UTC(2024, 5, 15, 12), timeZone: 'local' };
    assert.equal(parseSyslog('<13>Jun 15 14:00:00 h a: x', local).timeUnixNano, ns(new Date(2024, 5, 15, 14).getTime()));
  });

  it('accepts a year, a fraction, or an RFC 3339 time in place of the BSD timestamp', () => {
    assert.equal(parseSyslog('<13>Jun 14 2019 01:02:03 h a: x', june).timeUnixNano, ns(Date.UTC(2019, 5, 14, 1, 2, 3)));
    assert.equal(parseSyslog('<13>Jun 14 01:02:03.250 h a: x', june).timeUnixNano, ns(Date.UTC(2024, 5, 14, 1, 2, 3, 250)));
    const iso = parseSyslog('<13>2024-06-14T01:02:03.5+02:00 h a[7]: x', june);
    assert.deepStrictEqual([iso.timeUnixNano, iso.hostname, iso.appName, iso.procId], [ns(Date.UTC(2024, 5, 13, 23, 2, 3, 500)), 'h', 'a', '7']);
  });

  it('without a timestamp, the text is MSG, though it may start with a tag', () => {
    const tagged = parseSyslog('<13>myapp[9]: started', june);
    assert.deepStrictEqual([tagged.format, tagged.timeUnixNano, tagged.hostname, tagged.appName, tagged.procId, tagged.message], ['rfc3164', 0n, undefined, 'myapp', '9', 'started']);
    const plain = parseSyslog('<13>Something happened', june);
    assert.deepStrictEqual([plain.format, plain.appName, plain.message], ['rfc3164', undefined, 'Something happened']);
    const badClock = parseSyslog('<13>Jun 14 25:02:03 h a: x', june);
    assert.deepStrictEqual([badClock.timeUnixNano, badClock.message], [0n, 'Jun 14 25:02:03 h a: x']);
  });

  it('reads the PRI of every facility and severity', () => {
    assert.deepStrictEqual(parseSyslog('<0>Jun 14 01:02:03 h a: x', june).priority, { facility: 0, severity: 0 });
    assert.deepStrictEqual(parseSyslog('<191>Jun 14 01:02:03 h a: x', june).priority, { facility: 23, severity: 7 });
  });
});
