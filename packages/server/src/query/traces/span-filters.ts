import type { AttributeFilter } from '@sightline/contract';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import { attributeConditions } from '../attribute-filters.ts';

/** Conditions on single spans shared by span search, trace search and the trace scatter (the time range aside). */
export interface SpanFilters {
  readonly service?: string;
  /** The span name. */
  readonly operation?: string;
  readonly minDurationNs?: bigint;
  readonly maxDurationNs?: bigint;
  readonly statusCode?: number;
  readonly kind?: number;
  readonly rootOnly?: boolean;
  readonly traceId?: string;
  readonly attributes?: readonly AttributeFilter[];
  readonly resourceAttributes?: readonly AttributeFilter[];
}

/** A root span's parent id as stored (eight zero bytes). */
export const NO_PARENT = sql`unhex('0000000000000000')`;

export function spanFilterConditions(filters: SpanFilters): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filters.service !== undefined) conditions.push(sql`service_name = ${filters.service}`);
  if (filters.operation !== undefined) conditions.push(sql`name = ${filters.operation}`);
  if (filters.minDurationNs !== undefined) conditions.push(sql`duration_ns >= ${param('UInt64', filters.minDurationNs)}`);
  if (filters.maxDurationNs !== undefined) conditions.push(sql`duration_ns <= ${param('UInt64', filters.maxDurationNs)}`);
  if (filters.statusCode !== undefined) conditions.push(sql`status_code = ${param('UInt8', filters.statusCode)}`);
  if (filters.kind !== undefined) conditions.push(sql`kind = ${param('UInt8', filters.kind)}`);
  if (filters.rootOnly === true) conditions.push(sql`parent_span_id = ${NO_PARENT}`);
  if (filters.traceId !== undefined) conditions.push(sql`trace_id = unhex(${filters.traceId.toLowerCase()})`);
  conditions.push(...attributeConditions('attributes', filters.attributes));
  conditions.push(...attributeConditions('resource', filters.resourceAttributes));
  return conditions;
}
