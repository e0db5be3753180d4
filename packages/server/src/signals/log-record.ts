import type { AnyValue, Attributes } from './any-value.ts';
import type { ResourceInfo, ScopeInfo } from './resource.ts';

/** One OTLP log record as it is stored. */
export interface LogRow {
  /** 0 when the sender did not set it (the store then orders by observed time). */
  readonly timeUnixNano: bigint;
  readonly observedTimeUnixNano: bigint;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly body: AnyValue;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
  readonly flags: number;
  /** Empty or 16 bytes. */
  readonly traceId: Uint8Array;
  /** Empty or 8 bytes. */
  readonly spanId: Uint8Array;
  readonly eventName: string;
  readonly resource: ResourceInfo;
  readonly scope: ScopeInfo;
}
