/** One `exception` event of a span, with what the exceptions view groups and links by. */
export interface SpanExceptionRow {
  readonly timeUnixNano: bigint;
  readonly service: string;
  readonly environment: string;
  /** `exception.type`; '' when the event has none. */
  readonly type: string;
  /** `exception.message` as sent. */
  readonly message: string;
  /** The message with ids, numbers, hex, quoted values… replaced, so occurrences group together. */
  readonly messagePattern: string;
  readonly stacktrace: string;
  /** `exception.escaped` (deprecated, kept when sent). */
  readonly escaped: boolean;
  readonly traceId: Uint8Array;
  readonly spanId: Uint8Array;
  readonly spanName: string;
}
