import { Counter, type Registry } from 'prom-client';

export type DiscardReason = 'queue_full' | 'store_failed' | 'shutting_down';

/** The syslog receiver's own counters: what arrived, and what could not be stored and why. */
export class SyslogMetrics {
  readonly received: Counter<'transport'>;
  readonly unparsed: Counter<'transport'>;
  readonly truncated: Counter<'transport'>;
  readonly discarded: Counter<'transport' | 'reason'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.received = new Counter({
      name: 'sightline_syslog_received_total',
      help: 'Syslog messages received, by transport.',
      labelNames: ['transport'],
      registers,
    });
    this.unparsed = new Counter({
      name: 'sightline_syslog_unparsed_total',
      help: 'Syslog messages that parsed as neither RFC 5424 nor RFC 3164 (kept with their raw text).',
      labelNames: ['transport'],
      registers,
    });
    this.truncated = new Counter({
      name: 'sightline_syslog_truncated_total',
      help: 'Syslog messages longer than the size limit, cut to it.',
      labelNames: ['transport'],
      registers,
    });
    this.discarded = new Counter({
      name: 'sightline_syslog_discarded_total',
      help: 'Syslog messages received but not stored: UDP while the queue was full, or the store could not take them.',
      labelNames: ['transport', 'reason'],
      registers,
    });
  }
}
