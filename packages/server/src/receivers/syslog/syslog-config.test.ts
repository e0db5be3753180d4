import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syslogConfigSchema } from './syslog-config.ts';

describe('syslog config', () => {
  it('is off by default, on port 5514 for UDP and TCP, 64 KiB messages, the local time zone', () => {
    assert.deepStrictEqual(syslogConfigSchema.parse({}), {
      enabled: false,
      host: '0.0.0.0',
      udpPort: 5514,
      tcpPort: 5514,
      maxMessageBytes: 65536,
      timeZone: 'local',
      batchMaxMessages: 1000,
      batchMaxAgeMs: 200,
      maxQueuedMessages: 20000,
    });
  });

  it('takes values from env-style strings and refuses unknown time zones and keys', () => {
    assert.equal(syslogConfigSchema.parse({ udpPort: '0', timeZone: 'Europe/Berlin' }).udpPort, 0);
    assert.equal(syslogConfigSchema.safeParse({ timeZone: 'Nowhere/Special' }).success, false);
    assert.equal(syslogConfigSchema.safeParse({ port: 514 }).success, false);
    assert.equal(syslogConfigSchema.safeParse({ tcpPort: 70000 }).success, false);
  });
});
