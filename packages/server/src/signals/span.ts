import type { Attributes } from './any-value.ts';
import type { ResourceInfo, ScopeInfo } from './resource.ts';

export const SpanKind = { UNSPECIFIED: 0, INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;
export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;

export interface SpanEvent {
  readonly timeUnixNano: bigint;
  readonly name: string;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
}

export interface SpanLink {
  /** 16 bytes. */
  readonly traceId: Uint8Array;
  /** 8 bytes. */
  readonly spanId: Uint8Array;
  readonly traceState: string;
  readonly flags: number;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
}

/** One span as it is stored: every OTLP field, with its resource and scope. */
export interface SpanRow {
  /** 16 bytes, not all zero. */
  readonly traceId: Uint8Array;
  /** 8 bytes, not all zero. */
  readonly spanId: Uint8Array;
  /** Empty for a root span, else 8 bytes. */
  readonly parentSpanId: Uint8Array;
  readonly traceState: string;
  readonly flags: number;
  readonly name: string;
  readonly kind: number;
  readonly startTimeUnixNano: bigint;
  readonly endTimeUnixNano: bigint;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
  readonly events: readonly SpanEvent[];
  readonly droppedEventsCount: number;
  readonly links: readonly SpanLink[];
  readonly droppedLinksCount: number;
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly resource: ResourceInfo;
  readonly scope: ScopeInfo;
}
