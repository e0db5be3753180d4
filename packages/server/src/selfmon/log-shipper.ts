import { Counter, type Registry } from 'prom-client';
import type { RowSink } from '../pipeline/row-sink.ts';
import type { AnyValue, KeyValue } from '../signals/any-value.ts';
import type { LogRow } from '../signals/log-record.ts';
import type { LogEntry } from './logger.ts';
import { selfResource, selfScope, type SelfIdentity } from './self-resource.ts';

const SEVERITY: Readonly<Record<LogEntry['level'], number>> = { debug: 5, info: 9, warn: 13, error: 17 };

function attributeValue(value: unknown): AnyValue {
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'bigint') return { kind: 'int', value };
  if (typeof value === 'number') return Number.isSafeInteger(value) ? { kind: 'int', value: BigInt(value) } : { kind: 'double', value };
  if (value instanceof Error) return { kind: 'string', value: value.stack ?? `${value.name}: ${value.message}` };
  if (value === undefined || value === null) return { kind: 'empty' };
  try {
    return { kind: 'string', value: JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner)) };
  } catch {
    return { kind: 'string', value: '[not serializable]' };
  }
}

/** A log entry as a log record of Sightline's own service. */
export function logEntryToRow(entry: LogEntry, identity: SelfIdentity): LogRow {
  const timeNs = BigInt(Math.round(entry.timeMs)) * 1_000_000n;
  const attributes: KeyValue[] = Object.entries(entry.fields).map(([key, value]) => ({ key, value: attributeValue(value) }));
  return {
    timeUnixNano: timeNs,
    observedTimeUnixNano: timeNs,
    severityNumber: SEVERITY[entry.level],
    severityText: entry.level.toUpperCase(),
    body: { kind: 'string', value: entry.msg },
    attributes,
    droppedAttributesCount: 0,
    flags: 0,
    traceId: new Uint8Array(0),
    spanId: new Uint8Array(0),
    eventName: '',
    resource: selfResource(identity),
    scope: selfScope(identity.version),
  };
}

export interface LogShipperOptions {
  readonly sink: RowSink;
  readonly identity: SelfIdentity;
  readonly registry: Registry;
  /** Records held while waiting or while the store refuses writes; beyond it the oldest are dropped and counted. */
  readonly maxBuffered?: number;
  readonly flushIntervalMs?: number;
}

/**
 * Writes the process's own log lines into the logs table (selfmon.logsToStore). It never logs
 * itself: a failed write keeps the records for the next flush (at most one write per interval, so
 * lines logged about a failing store cannot start a write loop), and what the bound pushes out is counted.
 */
export class StoreLogShipper {
  private buffer: LogRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly maxBuffered: number;
  private readonly dropped: Counter<'reason'>;

  constructor(private readonly options: LogShipperOptions) {
    this.maxBuffered = options.maxBuffered ?? 1000;
    this.dropped = new Counter({
      name: 'sightline_selfmon_log_records_dropped_total',
      help: 'Own log records not written to the store: the buffer was full while the store refused writes, or the process stopped.',
      labelNames: ['reason'],
      registers: [options.registry],
    });
  }

  /** Pass as the logger's `onEntry`. */
  readonly accept = (entry: LogEntry): void => {
    this.buffer.push(logEntryToRow(entry, this.options.identity));
    this.trim();
  };

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  /** Writes what is buffered; resolves when done (the records stay buffered when the store refused them). */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** A last flush; what the store still refuses is counted as dropped. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
    if (this.buffer.length > 0) this.dropped.inc({ reason: 'shutdown' }, this.buffer.length);
    this.buffer = [];
  }

  /** Records waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  private async flushOnce(): Promise<void> {
    const rows = this.buffer;
    if (rows.length === 0) return;
    this.buffer = [];
    try {
      await this.options.sink.write('logs', 'self_monitoring', rows);
    } catch {
      // Nothing of the call was stored: keep the records ahead of newer ones.
      this.buffer = [...rows, ...this.buffer];
      this.trim();
    }
  }

  private trim(): void {
    const excess = this.buffer.length - this.maxBuffered;
    if (excess <= 0) return;
    this.buffer.splice(0, excess);
    this.dropped.inc({ reason: 'buffer_full' }, excess);
  }
}
