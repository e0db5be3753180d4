import type { Resource, Scope } from '@sightline/contract';
import { sql, type SqlFragment } from '../storage/sql.ts';
import { decodeAttributeMaps, selectAttributeMaps } from './attribute-maps.ts';

/** Resource and scope columns shared by the spans and logs tables. */
export function selectResourceAndScope(): SqlFragment {
  return sql`${selectAttributeMaps('resource')}, resource_dropped_attributes_count, resource_schema_url,
    scope_name, scope_version, ${selectAttributeMaps('scope')}, scope_dropped_attributes_count, scope_schema_url`;
}

export interface ResourceScopeRow {
  readonly resource_dropped_attributes_count: number;
  readonly resource_schema_url: string;
  readonly scope_name: string;
  readonly scope_version: string;
  readonly scope_dropped_attributes_count: number;
  readonly scope_schema_url: string;
}

export function decodeResource(row: ResourceScopeRow): Resource {
  return {
    attributes: decodeAttributeMaps(row, 'resource'),
    droppedAttributesCount: row.resource_dropped_attributes_count,
    schemaUrl: row.resource_schema_url,
  };
}

export function decodeScope(row: ResourceScopeRow): Scope {
  return {
    name: row.scope_name,
    version: row.scope_version,
    attributes: decodeAttributeMaps(row, 'scope'),
    droppedAttributesCount: row.scope_dropped_attributes_count,
    schemaUrl: row.scope_schema_url,
  };
}

/** A hex id as returned by `lower(hex(col))`; all zeros (unset) becomes the empty string. */
export function idOrEmpty(hex: string): string {
  return /^0*$/.test(hex) ? '' : hex;
}
