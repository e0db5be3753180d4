import type { HostSummary } from '@sightline/contract';
import type { SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { Link } from '../router/Link.tsx';
import { formatDateTime } from '../time/time-format.ts';
import { byHostName, formatBytesRate, formatLoad, hostSortValue, sourcesText, type HostColumn } from './hosts-view.ts';
import { UsageBar } from './UsageBar.tsx';

export interface HostsTableProps {
  readonly hosts: readonly HostSummary[];
  readonly sort: SortState<HostColumn>;
  readonly onSort: (sort: SortState<HostColumn>) => void;
  readonly hostHref: (name: string) => string;
  readonly onOpen: (name: string) => void;
}

function columns(hostHref: (name: string) => string): Column<HostSummary, HostColumn>[] {
  return [
    {
      key: 'name',
      label: 'Host',
      sortValue: hostSortValue('name'),
      render: (h) => (
        <>
          <Link to={hostHref(h.name)}>{h.name}</Link>
          {h.active ? <span className="badge badge-accent">active</span> : <span className="badge badge-warn">inactive</span>}
          <span className="host-sources"> {sourcesText(h.sources)}</span>
        </>
      ),
    },
    {
      key: 'cpu',
      label: 'CPU',
      numeric: true,
      title: 'Busy share of CPU time over the range',
      sortValue: hostSortValue('cpu'),
      render: (h) => <UsageBar ratio={h.cpu} label="CPU" />,
    },
    {
      key: 'memory',
      label: 'Memory',
      numeric: true,
      title: 'Memory used, newest value',
      sortValue: hostSortValue('memory'),
      render: (h) => <UsageBar ratio={h.memory} label="Memory" />,
    },
    {
      key: 'disk',
      label: 'Disk',
      numeric: true,
      title: 'Use of the fullest real filesystem, newest value',
      sortValue: hostSortValue('disk'),
      render: (h) => <UsageBar ratio={h.disk} label={`Disk ${h.diskMountpoint ?? ''}`} />,
    },
    { key: 'load1', label: 'Load 1m', numeric: true, sortValue: hostSortValue('load1'), render: (h) => formatLoad(h.load1) },
    {
      key: 'networkIn',
      label: 'Net in',
      numeric: true,
      title: 'Bytes received per second over the range (loopback left out)',
      sortValue: hostSortValue('networkIn'),
      render: (h) => formatBytesRate(h.networkInBytesPerSecond),
    },
    {
      key: 'networkOut',
      label: 'Net out',
      numeric: true,
      title: 'Bytes sent per second over the range (loopback left out)',
      sortValue: hostSortValue('networkOut'),
      render: (h) => formatBytesRate(h.networkOutBytesPerSecond),
    },
    {
      key: 'lastSeen',
      label: 'Last seen',
      numeric: true,
      sortValue: hostSortValue('lastSeen'),
      render: (h) => (h.lastSeenMs === null ? '–' : formatDateTime(h.lastSeenMs).slice(0, 19)),
    },
  ];
}

/** One row per host with its usage figures; a click opens the host. */
export function HostsTable({ hosts, sort, onSort, hostHref, onOpen }: HostsTableProps) {
  return (
    <SortableTable
      label="Hosts"
      className="hosts-table"
      columns={columns(hostHref)}
      rows={hosts}
      rowKey={(h) => h.name}
      sort={sort}
      onSort={onSort}
      tieBreak={byHostName}
      onRowClick={(h) => onOpen(h.name)}
      rowClass={(h) => (h.active ? '' : 'is-inactive')}
    />
  );
}
