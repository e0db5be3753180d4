import type { MessagingDestination } from '@sightline/contract';
import { compareText, type SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { Sparkline } from '../components/Sparkline.tsx';
import { errorRateSeverity, formatLatencyMs, formatPercent, formatRate, severityClass } from '../format/apm-numbers.ts';
import { Link } from '../router/Link.tsx';
import { destinationSortValue, overallErrorRate, type DestinationColumn } from './messaging-view.ts';

type Row = MessagingDestination;

export interface DestinationsTableProps {
  readonly destinations: readonly Row[];
  readonly sort: SortState<DestinationColumn>;
  readonly onSort: (sort: SortState<DestinationColumn>) => void;
  readonly href: (row: Row) => string;
  readonly onOpen: (row: Row) => void;
}

const name = (d: Row): string => (d.destination === '' ? '(no destination)' : d.destination);

function columns(href: (row: Row) => string): Column<Row, DestinationColumn>[] {
  const numeric = (key: DestinationColumn, label: string, title: string, render: (d: Row) => string): Column<Row, DestinationColumn> => ({
    key,
    label,
    numeric: true,
    title,
    sortValue: destinationSortValue(key),
    render,
  });
  return [
    {
      key: 'destination',
      label: 'Destination',
      sortValue: destinationSortValue('destination'),
      render: (d) => (
        <>
          <Link to={href(d)}>{name(d)}</Link>
          <span className="muted small messaging-services">
            {d.producers.length === 0 ? '(no producer)' : d.producers.join(', ')} → {d.consumers.length === 0 ? '(no consumer)' : d.consumers.join(', ')}
          </span>
        </>
      ),
    },
    { key: 'system', label: 'System', sortValue: destinationSortValue('system'), render: (d) => <span className="badge">{d.system}</span> },
    {
      key: 'messages',
      label: 'Messages',
      title: 'Messages published and consumed over the range',
      sortValue: destinationSortValue('messages'),
      render: (d) => (
        <Sparkline
          values={d.sparkline.published.map((p, i) => p + (d.sparkline.consumed[i] ?? 0))}
          label={`Messages published and consumed over time on ${name(d)}`}
        />
      ),
    },
    numeric('publishRate', 'Published', 'Messages published per second (producer spans)', (d) => formatRate(d.publish.rate)),
    numeric('consumeRate', 'Consumed', 'Messages received or processed per second (consumer spans)', (d) => formatRate(d.consume.rate)),
    numeric('publishP99', 'Publish p50 / p99', 'Duration of producer spans', (d) => `${formatLatencyMs(d.publish.p50Ms)} / ${formatLatencyMs(d.publish.p99Ms)}`),
    numeric('consumeP99', 'Process p50 / p99', 'Duration of consumer spans', (d) => `${formatLatencyMs(d.consume.p50Ms)} / ${formatLatencyMs(d.consume.p99Ms)}`),
    {
      ...numeric('errorRate', 'Errors', 'Share of published and consumed messages whose span failed', (d) => formatPercent(overallErrorRate(d))),
      cellClass: (d) => severityClass(errorRateSeverity(overallErrorRate(d))),
    },
    numeric('transitP99', 'Producer→consumer p50 / p99', 'Consumer start − producer start, for consumers whose parent or link is the producer span', (d) =>
      d.transit === null || d.transit.linked === 0 ? '–' : `${formatLatencyMs(d.transit.p50Ms)} / ${formatLatencyMs(d.transit.p99Ms)}`,
    ),
  ];
}

/** Every destination with publish and consume rates, latencies, errors and a sparkline of messages. */
export function DestinationsTable({ destinations, sort, onSort, href, onOpen }: DestinationsTableProps) {
  return (
    <SortableTable
      label="Messaging destinations"
      columns={columns(href)}
      rows={destinations}
      rowKey={(d) => `${d.system}\u0000${d.destination}`}
      sort={sort}
      onSort={onSort}
      tieBreak={(a, b) => compareText(a.destination, b.destination)}
      onRowClick={onOpen}
    />
  );
}
