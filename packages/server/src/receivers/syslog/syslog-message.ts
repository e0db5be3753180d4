import type { Priority } from './syslog-codes.ts';

/** One SD-ELEMENT of RFC 5424 STRUCTURED-DATA, values unescaped. */
export interface SdElement {
  readonly id: string;
  readonly params: readonly SdParam[];
}

export interface SdParam {
  readonly name: string;
  readonly value: string;
}

/**
 * A syslog message as read from the wire. Fields the sender left out (or sent as NILVALUE) are
 * undefined; `timeUnixNano` is 0 when the message carries no usable time.
 */
export interface SyslogMessage {
  readonly format: 'rfc5424' | 'rfc3164' | 'unparsed';
  /** Undefined only when the message had no valid PRI. */
  readonly priority: Priority | undefined;
  /** RFC 5424 VERSION. */
  readonly version: number | undefined;
  readonly timeUnixNano: bigint;
  readonly hostname: string | undefined;
  /** RFC 5424 APP-NAME, or the RFC 3164 TAG. */
  readonly appName: string | undefined;
  /** RFC 5424 PROCID, or the `[pid]` of an RFC 3164 TAG. */
  readonly procId: string | undefined;
  readonly msgId: string | undefined;
  readonly structuredData: readonly SdElement[];
  /** MSG (without a UTF-8 BOM), or the whole text of a message that did not parse. */
  readonly message: string;
  /** Why the message did not parse (format 'unparsed'). */
  readonly parseError: string | undefined;
}

export const EMPTY_FIELDS = {
  version: undefined,
  timeUnixNano: 0n,
  hostname: undefined,
  appName: undefined,
  procId: undefined,
  msgId: undefined,
  structuredData: [],
  parseError: undefined,
} as const satisfies Partial<SyslogMessage>;
