import type { Attributes } from './any-value.ts';

/** The producer of a batch of telemetry (OTLP Resource), shared by every row it produced. */
export interface ResourceInfo {
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
  readonly schemaUrl: string;
}

/** The instrumentation scope (library) that produced a group of rows. */
export interface ScopeInfo {
  readonly name: string;
  readonly version: string;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
  readonly schemaUrl: string;
}
