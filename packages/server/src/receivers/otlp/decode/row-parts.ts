import type { AnyValue, KeyValue } from '../../../signals/any-value.ts';
import type { MetricInfo, MetricPoint, MetricType } from '../../../signals/metric-point.ts';
import type { ResourceInfo, ScopeInfo } from '../../../signals/resource.ts';
import type { Rejections } from './validate.ts';

/**
 * Pieces both wire formats build rows from: shared immutable defaults, and the mutable forms of
 * the objects many rows share by reference (resource, scope, metric). Those are created when their
 * enclosing message starts and filled as fields arrive, so field order on the wire does not matter
 * (OTel JS writes a resource's schema_url after its spans).
 */

/** Shared by every row without items; frozen, and typed readonly in the rows. */
export const NO_ITEMS: readonly never[] = Object.freeze([]);

export const TRUE_VALUE: AnyValue = Object.freeze({ kind: 'bool', value: true });
export const FALSE_VALUE: AnyValue = Object.freeze({ kind: 'bool', value: false });

/** Deepest AnyValue nesting accepted (arrays and kvlists), to keep hostile input off the stack limit. */
export const MAX_ANY_VALUE_DEPTH = 64;

export interface ResourceBuilder {
  attributes: KeyValue[];
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface ScopeBuilder {
  name: string;
  version: string;
  attributes: KeyValue[];
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface MetricBuilder {
  name: string;
  description: string;
  unit: string;
  type: MetricType;
  temporality: number;
  isMonotonic: boolean;
  metadata: KeyValue[];
}

export function newResource(): ResourceBuilder {
  return { attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
}

export function newScope(): ScopeBuilder {
  return { name: '', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
}

export function newMetric(): MetricBuilder {
  return { name: '', description: '', unit: '', type: 'gauge', temporality: 0, isMonotonic: false, metadata: [] };
}

/** Where the points of one metric go, and what they share. */
export interface PointTarget {
  readonly metric: MetricInfo;
  readonly resource: ResourceInfo;
  readonly scope: ScopeInfo;
  readonly rows: MetricPoint[];
  readonly rejections: Rejections;
}
