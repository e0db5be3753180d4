import type { PrometheusTarget } from '@sightline/contract';
import type { SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { formatDateTime } from '../time/time-format.ts';
import { byJobThenUrl, formatAgo, formatSamples, formatScrapeDuration, HEALTH_TEXT, shownLabels, targetSortValue, type TargetColumn } from './targets-view.ts';

export interface TargetsTableProps {
  readonly targets: readonly PrometheusTarget[];
  readonly nowMs: number;
  readonly sort: SortState<TargetColumn>;
  readonly onSort: (sort: SortState<TargetColumn>) => void;
  /** The id of the target being removed, if any. */
  readonly removing: string | undefined;
  readonly onRemove: (target: PrometheusTarget) => void;
}

export function HealthBadge({ health }: { readonly health: PrometheusTarget['health'] }) {
  return (
    <span className={`health-badge health-${health}`}>
      <span aria-hidden="true" className="health-dot" />
      {HEALTH_TEXT[health]}
    </span>
  );
}

function columns(props: TargetsTableProps): Column<PrometheusTarget, TargetColumn>[] {
  return [
    { key: 'job', label: 'Job', sortValue: targetSortValue('job'), render: (t) => <span className="target-job">{t.job}</span> },
    { key: 'health', label: 'Health', sortValue: targetSortValue('health'), render: (t) => <HealthBadge health={t.health} /> },
    {
      key: 'url',
      label: 'Endpoint',
      title: 'The URL scraped and the target’s labels; sort by URL',
      sortValue: targetSortValue('url'),
      render: (t) => (
        <>
          <code className="target-url">{t.url}</code>
          <ul className="target-labels" aria-label="Labels">
            {shownLabels(t.labels).map(([name, value]) => (
              <li key={name}>
                {name}=<span className="target-label-value">“{value}”</span>
              </li>
            ))}
          </ul>
        </>
      ),
    },
    {
      key: 'lastScrape',
      label: 'Last scrape',
      numeric: true,
      sortValue: targetSortValue('lastScrape'),
      render: (t) =>
        t.lastScrapeMs === null ? (
          <span className="muted">never</span>
        ) : (
          <time dateTime={new Date(t.lastScrapeMs).toISOString()} title={formatDateTime(t.lastScrapeMs)}>
            {formatAgo(t.lastScrapeMs, props.nowMs)}
          </time>
        ),
    },
    {
      key: 'duration',
      label: 'Duration',
      numeric: true,
      title: 'How long the last scrape took',
      sortValue: targetSortValue('duration'),
      render: (t) => formatScrapeDuration(t.lastDurationMs),
    },
    {
      key: 'samples',
      label: 'Samples',
      numeric: true,
      title: 'Samples the last scrape stored',
      sortValue: targetSortValue('samples'),
      render: (t) => formatSamples(t.samples),
    },
    {
      key: 'source',
      label: 'Source',
      sortValue: targetSortValue('source'),
      render: (t) =>
        t.source === 'config' ? (
          <span className="muted small">from the configuration file</span>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            disabled={props.removing === t.id}
            aria-label={`Remove target ${t.url} of job ${t.job}`}
            onClick={() => props.onRemove(t)}
          >
            {props.removing === t.id ? 'Removing…' : 'Remove'}
          </button>
        ),
    },
  ];
}

/** The scrape targets with their health; a down target's last error in full under its row. */
export function TargetsTable(props: TargetsTableProps) {
  return (
    <SortableTable
      label="Scrape targets"
      className="targets-table"
      columns={columns(props)}
      rows={props.targets}
      rowKey={(t) => t.id}
      sort={props.sort}
      onSort={props.onSort}
      tieBreak={byJobThenUrl}
      rowClass={(t) => (t.health === 'down' ? 'target-down' : '')}
      expanded={(t) =>
        t.health === 'down' && t.lastError !== null ? (
          <div className="target-error">
            <span className="target-error-title">Last error:</span> <span className="target-error-text">{t.lastError}</span>
          </div>
        ) : undefined
      }
    />
  );
}
