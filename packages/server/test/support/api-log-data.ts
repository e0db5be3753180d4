import type { AnyValue } from '../../src/signals/any-value.ts';
import type { LogRow } from '../../src/signals/log-record.ts';
import { checkoutResource, MS, paymentsResource, SPAN, TRACE_A } from './api-trace-data.ts';
import { BASE_TIME_NS, idBytes, sampleLog } from './sample-rows.ts';

export const SECOND = 1_000n * MS;

/** A named checkout log record `at` nanoseconds after BASE_TIME_NS (observed 1 µs later). */
export function log(name: string, at: bigint, severityNumber: number, severityText: string, body: string, overrides: Partial<LogRow> = {}): [string, LogRow] {
  return [
    name,
    {
      ...sampleLog(body),
      timeUnixNano: BASE_TIME_NS + at,
      observedTimeUnixNano: BASE_TIME_NS + at + 1_000n,
      severityNumber,
      severityText,
      resource: checkoutResource,
      ...overrides,
    },
  ];
}

const str = (value: string): AnyValue => ({ kind: 'string', value });

/** Named log records; `tick-N` share one timestamp (ties for paging). */
export const namedLogs: Map<string, LogRow> = new Map([
  log('login', 1n * SECOND, 9, 'INFO', 'User Login OK', {
    attributes: [{ key: 'user.id', value: str('u1') }],
    traceId: idBytes(TRACE_A),
    spanId: idBytes(SPAN.s1),
    flags: 1,
    eventName: 'auth.login',
    droppedAttributesCount: 2,
  }),
  log('disk-percent', 2n * SECOND, 17, 'ERROR', 'Disk 100% full'),
  log('disk-x', 3n * SECOND, 13, 'WARN', 'Disk 100x full', { resource: paymentsResource }),
  log('underscore', 4n * SECOND, 5, 'DEBUG', 'file_name ok'),
  log('no-underscore', 4n * SECOND + 1n, 5, 'DEBUG', 'filexname ok'),
  log('structured', 0n, 9, 'INFO', '', {
    timeUnixNano: 0n,
    observedTimeUnixNano: BASE_TIME_NS + 6n * SECOND,
    body: { kind: 'kvlist', value: [{ key: 'msg', value: str('structured') }, { key: 'n', value: { kind: 'int', value: 7n } }] },
  }),
  log('failed', 7n * SECOND, 13, 'WARN', 'user LOGIN failed', {
    attributes: [
      { key: 'user.id', value: str('u2') },
      { key: 'attempt', value: { kind: 'int', value: 3n } },
    ],
  }),
  ...Array.from({ length: 10 }, (_, index) => log(`tick-${index}`, 5n * SECOND, 1, 'TRACE', `tick ${index}`)),
]);

export const allLogs: LogRow[] = [...namedLogs.values()];

export function nameOfBody(body: AnyValue | Record<string, unknown>): string | undefined {
  for (const [name, row] of namedLogs) {
    if (row.body.kind === 'string' && 'stringValue' in body && body.stringValue === row.body.value) return name;
    if (row.body.kind === 'kvlist' && 'kvlistValue' in body) return name;
  }
  return undefined;
}
