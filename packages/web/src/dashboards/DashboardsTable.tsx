import type { SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { Link } from '../router/Link.tsx';
import { formatDateTime } from '../time/time-format.ts';
import { byTitle, dashboardSortValue, type DashboardColumn, type DashboardSummary } from './dashboards-view.ts';

export function DashboardsTable({
  dashboards,
  sort,
  onSort,
  href,
  onOpen,
}: {
  readonly dashboards: readonly DashboardSummary[];
  readonly sort: SortState<DashboardColumn>;
  readonly onSort: (sort: SortState<DashboardColumn>) => void;
  readonly href: (id: string) => string;
  readonly onOpen: (id: string) => void;
}) {
  const columns: Column<DashboardSummary, DashboardColumn>[] = [
    {
      key: 'title',
      label: 'Dashboard',
      sortValue: dashboardSortValue('title'),
      render: (d) => (
        <>
          <Link to={href(d.id)}>{d.title}</Link>
          {d.description !== '' && <div className="muted small dash-list-description">{d.description}</div>}
        </>
      ),
    },
    {
      key: 'tags',
      label: 'Tags',
      sortValue: dashboardSortValue('tags'),
      render: (d) => (
        <span className="dash-tags">
          {d.tags.map((tag) => (
            <span className="badge" key={tag}>
              {tag}
            </span>
          ))}
        </span>
      ),
    },
    {
      key: 'kind',
      label: 'Kind',
      sortValue: dashboardSortValue('kind'),
      render: (d) => (d.builtin ? <span className="badge badge-accent">built-in</span> : <span className="muted">custom</span>),
    },
    { key: 'panels', label: 'Panels', numeric: true, sortValue: dashboardSortValue('panels'), render: (d) => String(d.panelCount) },
    {
      key: 'updated',
      label: 'Changed',
      numeric: true,
      title: 'When a stored dashboard was last changed',
      sortValue: dashboardSortValue('updated'),
      render: (d) => (d.builtin ? <span className="muted">–</span> : formatDateTime(d.updatedMs).slice(0, 16)),
    },
  ];
  return (
    <SortableTable
      label="Dashboards"
      columns={columns}
      rows={dashboards}
      rowKey={(d) => d.id}
      sort={sort}
      onSort={onSort}
      tieBreak={byTitle}
      onRowClick={(d) => onOpen(d.id)}
    />
  );
}
