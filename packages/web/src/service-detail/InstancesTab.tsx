import type { ApmInstancesResponse } from '@sightline/contract';
import { compareText, type SortState } from '../apm/table-sort.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { formatCount } from '../format/apm-numbers.ts';
import type { ApiState } from '../hooks/use-api.ts';
import { formatDateTime } from '../time/time-format.ts';
import type { InstanceColumn } from './detail-view.ts';

type Row = ApmInstancesResponse['instances'][number];

const text = (value: string) => (value === '' ? <span className="muted">(not set)</span> : value);

const COLUMNS: readonly Column<Row, InstanceColumn>[] = [
  { key: 'instance', label: 'Instance', sortValue: (i) => i.instanceId, render: (i) => <span className="mono">{text(i.instanceId)}</span> },
  { key: 'host', label: 'Host', sortValue: (i) => i.hostName, render: (i) => text(i.hostName) },
  { key: 'environment', label: 'Environment', sortValue: (i) => i.environment, render: (i) => text(i.environment) },
  { key: 'spans', label: 'Spans', numeric: true, sortValue: (i) => i.spans, render: (i) => formatCount(i.spans) },
  {
    key: 'errors',
    label: 'Errors',
    numeric: true,
    sortValue: (i) => i.errors,
    render: (i) => formatCount(i.errors),
    cellClass: (i) => (i.errors > 0 ? 'text-danger strong' : 'muted'),
  },
  { key: 'lastSeen', label: 'Last seen', numeric: true, sortValue: (i) => i.lastSeenMs, render: (i) => formatDateTime(i.lastSeenMs).slice(0, 19) },
];

/** The instances (service.instance.id) and hosts that served the service in the range. */
export function InstancesTab({
  instances,
  sort,
  onSort,
}: {
  readonly instances: ApiState<ApmInstancesResponse>;
  readonly sort: SortState<InstanceColumn>;
  readonly onSort: (sort: SortState<InstanceColumn>) => void;
}) {
  if (instances.error !== undefined) return <ErrorNotice error={instances.error} title="Could not load the instances" onRetry={instances.reload} />;
  const rows = instances.data?.instances ?? [];
  if (instances.data !== undefined && rows.length === 0) return <p className="empty">No instances reported in this range.</p>;
  return (
    <SortableTable
      label="Instances"
      columns={COLUMNS}
      rows={rows}
      rowKey={(i) => `${i.instanceId}|${i.hostName}|${i.environment}`}
      sort={sort}
      onSort={onSort}
      tieBreak={(a, b) => compareText(a.instanceId, b.instanceId)}
    />
  );
}
