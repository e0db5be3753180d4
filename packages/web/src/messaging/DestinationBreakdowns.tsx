import type { MessagingGroup, MessagingOperation, MessagingPartition } from '@sightline/contract';
import { useState } from 'react';
import type { SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { errorRateSeverity, formatCount, formatLatencyMs, formatPercent, formatRate, severityClass } from '../format/apm-numbers.ts';
import { spanKindName } from '../format/span-kind.ts';
import { Link } from '../router/Link.tsx';

type Side = MessagingPartition['publish'];

const errorShare = (side: Side): number | null => (side.count === 0 ? null : side.errors / side.count);
const latencies = (side: Side): string => (side.count === 0 ? '–' : `${formatLatencyMs(side.p50Ms)} / ${formatLatencyMs(side.p99Ms)}`);

function useSort<C extends string>(column: C, order: SortState<C>['order'] = 'desc'): [SortState<C>, (s: SortState<C>) => void] {
  return useState<SortState<C>>({ column, order });
}

type PartitionColumn = 'partition' | 'published' | 'publishErrors' | 'publishLatency' | 'consumed' | 'consumeErrors' | 'consumeLatency';

/** Published and consumed messages per partition (from the raw spans). */
export function PartitionsTable({ partitions }: { readonly partitions: readonly MessagingPartition[] }) {
  const [sort, setSort] = useSort<PartitionColumn>('partition', 'asc');
  const num = (key: PartitionColumn, label: string, value: (p: MessagingPartition) => number | null, render: (p: MessagingPartition) => string, errorOf?: (p: MessagingPartition) => number | null): Column<MessagingPartition, PartitionColumn> => ({
    key,
    label,
    numeric: true,
    sortValue: value,
    render,
    ...(errorOf === undefined ? {} : { cellClass: (p: MessagingPartition) => severityClass(errorRateSeverity(errorOf(p))) }),
  });
  const columns: Column<MessagingPartition, PartitionColumn>[] = [
    { key: 'partition', label: 'Partition', sortValue: (p) => (Number.isFinite(Number(p.partition)) ? Number(p.partition) : p.partition), render: (p) => p.partition },
    num('published', 'Published', (p) => p.publish.count, (p) => formatCount(p.publish.count)),
    num('publishErrors', 'Publish errors', (p) => errorShare(p.publish), (p) => formatPercent(errorShare(p.publish)), (p) => errorShare(p.publish)),
    num('publishLatency', 'Publish p50 / p99', (p) => p.publish.p99Ms, (p) => latencies(p.publish)),
    num('consumed', 'Consumed', (p) => p.consume.count, (p) => formatCount(p.consume.count)),
    num('consumeErrors', 'Consume errors', (p) => errorShare(p.consume), (p) => formatPercent(errorShare(p.consume)), (p) => errorShare(p.consume)),
    num('consumeLatency', 'Process p50 / p99', (p) => p.consume.p99Ms, (p) => latencies(p.consume)),
  ];
  return <SortableTable label="Partitions" columns={columns} rows={partitions} rowKey={(p) => p.partition} sort={sort} onSort={setSort} />;
}

type GroupColumn = 'group' | 'consumed' | 'errors' | 'latency' | 'transit';

/** Consumed messages per consumer group, with producer→consumer latency (from the raw spans). */
export function GroupsTable({ groups, tracesHref }: { readonly groups: readonly MessagingGroup[]; readonly tracesHref: (service: string) => string }) {
  const [sort, setSort] = useSort<GroupColumn>('consumed');
  const columns: Column<MessagingGroup, GroupColumn>[] = [
    {
      key: 'group',
      label: 'Consumer group',
      sortValue: (g) => g.group,
      render: (g) => (
        <>
          {g.group === '' ? <span className="muted">(no group)</span> : g.group}{' '}
          <span className="muted small">
            {g.services.map((s, i) => (
              <span key={s}>
                {i > 0 && ', '}
                <Link to={tracesHref(s)}>{s}</Link>
              </span>
            ))}
          </span>
        </>
      ),
    },
    { key: 'consumed', label: 'Consumed', numeric: true, sortValue: (g) => g.consume.count, render: (g) => formatCount(g.consume.count) },
    {
      key: 'errors',
      label: 'Errors',
      numeric: true,
      sortValue: (g) => errorShare(g.consume),
      render: (g) => formatPercent(errorShare(g.consume)),
      cellClass: (g) => severityClass(errorRateSeverity(errorShare(g.consume))),
    },
    { key: 'latency', label: 'Process p50 / p99', numeric: true, sortValue: (g) => g.consume.p99Ms, render: (g) => latencies(g.consume) },
    {
      key: 'transit',
      label: 'Producer→consumer p50 / p99',
      numeric: true,
      title: 'Consumer start − producer start, for consumer spans whose parent or link is the producer span',
      sortValue: (g) => g.transit.p99Ms,
      render: (g) => (g.transit.linked === 0 ? '–' : `${formatLatencyMs(g.transit.p50Ms)} / ${formatLatencyMs(g.transit.p99Ms)}`),
    },
  ];
  return <SortableTable label="Consumer groups" columns={columns} rows={groups} rowKey={(g) => g.group} sort={sort} onSort={setSort} />;
}

type OperationColumn = 'service' | 'operation' | 'role' | 'rate' | 'errors' | 'latency';

/** The services' operations on the destination (from the aggregates). */
export function OperationsTable({ operations, tracesHref }: { readonly operations: readonly MessagingOperation[]; readonly tracesHref: (service: string) => string }) {
  const [sort, setSort] = useSort<OperationColumn>('rate');
  const columns: Column<MessagingOperation, OperationColumn>[] = [
    { key: 'service', label: 'Service', sortValue: (o) => o.service, render: (o) => <Link to={tracesHref(o.service)}>{o.service}</Link> },
    { key: 'operation', label: 'Operation', sortValue: (o) => o.operation, render: (o) => `${o.operation} (${spanKindName(o.spanKind)})` },
    { key: 'role', label: 'Role', sortValue: (o) => o.role, render: (o) => <span className="badge">{o.role}</span> },
    { key: 'rate', label: 'Rate', numeric: true, sortValue: (o) => o.rate, render: (o) => formatRate(o.rate) },
    {
      key: 'errors',
      label: 'Errors',
      numeric: true,
      sortValue: (o) => o.errorRate,
      render: (o) => formatPercent(o.errorRate),
      cellClass: (o) => severityClass(errorRateSeverity(o.errorRate)),
    },
    { key: 'latency', label: 'p50 / p99', numeric: true, sortValue: (o) => o.p99Ms, render: (o) => `${formatLatencyMs(o.p50Ms)} / ${formatLatencyMs(o.p99Ms)}` },
  ];
  return (
    <SortableTable
      label="Operations"
      columns={columns}
      rows={operations}
      rowKey={(o) => `${o.service}\u0000${o.operation}\u0000${o.spanKind}`}
      sort={sort}
      onSort={setSort}
    />
  );
}
