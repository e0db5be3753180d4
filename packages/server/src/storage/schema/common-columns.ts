import type { ResourceInfo, ScopeInfo } from '../../signals/resource.ts';
import type { ColumnDef, ColumnGroup } from './table-def.ts';
import { attributeColumns } from './attribute-columns.ts';

/** Resource and scope columns shared by the spans and logs tables. */
export function resourceAndScopeColumns<Row extends { readonly resource: ResourceInfo; readonly scope: ScopeInfo }>(): ColumnDef<Row>[] {
  const group: ColumnGroup<Row> = { owners: (row) => [row.resource, row.scope] };
  const columns: ColumnDef<Row>[] = [
    ...attributeColumns<Row>('resource', (row) => row.resource.attributes),
    { name: 'resource_dropped_attributes_count', type: 'UInt32', write: (w, row) => w.uint32(row.resource.droppedAttributesCount) },
    { name: 'resource_schema_url', type: 'LowCardinality(String)', write: (w, row) => w.string(row.resource.schemaUrl) },
    { name: 'scope_name', type: 'LowCardinality(String)', write: (w, row) => w.string(row.scope.name) },
    { name: 'scope_version', type: 'LowCardinality(String)', write: (w, row) => w.string(row.scope.version) },
    ...attributeColumns<Row>('scope', (row) => row.scope.attributes),
    { name: 'scope_dropped_attributes_count', type: 'UInt32', write: (w, row) => w.uint32(row.scope.droppedAttributesCount) },
    { name: 'scope_schema_url', type: 'LowCardinality(String)', write: (w, row) => w.string(row.scope.schemaUrl) },
  ];
  return columns.map((column) => ({ ...column, group }));
}

/** `service.name` of the resource, computed by the engine. */
export const SERVICE_NAME_COLUMN = {
  name: 'service_name',
  type: 'LowCardinality(String)',
  materialized: "resource_string['service.name']",
} as const;

/** A string attribute under its current semantic-convention key, else its older key. */
export function stringAttributeExpression(current: string, legacy?: string): string {
  if (legacy === undefined) return `attributes_string['${current}']`;
  return `if(mapContains(attributes_string, '${current}'), attributes_string['${current}'], attributes_string['${legacy}'])`;
}
