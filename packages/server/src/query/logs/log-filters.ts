import type { AttributeFilter } from '@sightline/contract';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import { attributeConditions, containsPattern } from '../attribute-filters.ts';

/** Conditions on log records shared by search, histogram and live tail (the time range aside). */
export interface LogFilters {
  readonly service?: string;
  readonly severityMin?: number;
  readonly severityMax?: number;
  /** Case-insensitive (ASCII letters) substring of the body; `%` and `_` match literally. */
  readonly bodyContains?: string;
  readonly attributes?: readonly AttributeFilter[];
  readonly resourceAttributes?: readonly AttributeFilter[];
  readonly traceId?: string;
  readonly spanId?: string;
}

/** `lower()` in the engine folds ASCII letters only; the needle is folded the same way. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (char) => char.toLowerCase());
}

export function logFilterConditions(filters: LogFilters): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filters.service !== undefined) conditions.push(sql`service_name = ${filters.service}`);
  if (filters.severityMin !== undefined) conditions.push(sql`severity_number >= ${param('UInt8', filters.severityMin)}`);
  if (filters.severityMax !== undefined) conditions.push(sql`severity_number <= ${param('UInt8', filters.severityMax)}`);
  // Written as `lower(body) LIKE …` so the ngram skip index on lower(body) applies.
  if (filters.bodyContains !== undefined) conditions.push(sql`lower(body) LIKE ${containsPattern(lowerAscii(filters.bodyContains))}`);
  if (filters.traceId !== undefined) conditions.push(sql`trace_id = unhex(${filters.traceId.toLowerCase()})`);
  if (filters.spanId !== undefined) conditions.push(sql`span_id = unhex(${filters.spanId.toLowerCase()})`);
  conditions.push(...attributeConditions('attributes', filters.attributes));
  conditions.push(...attributeConditions('resource', filters.resourceAttributes));
  return conditions;
}
