import { useTimeRange } from '../app/time-range-context.tsx';
import type { ApmScope } from '../api/apm-api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation } from '../router/use-location.ts';
import { absoluteRange } from '../time/time-range.ts';
import { GroupsTable, OperationsTable, PartitionsTable } from './DestinationBreakdowns.tsx';
import { getDestination } from './messaging-api.ts';
import { destinationTracesHref, messagingHref } from './messaging-view.ts';
import { MessagingCharts } from './MessagingCharts.tsx';
import { MessagingStats } from './MessagingStats.tsx';

export interface DestinationDetailProps {
  readonly system: string;
  readonly destination: string;
  readonly scope: ApmScope;
  readonly scopeKey: string;
}

/** One topic or queue: totals, charts, lag, partitions, consumer groups and operations. */
export function DestinationDetail({ system, destination, scope, scopeKey }: DestinationDetailProps) {
  const { params } = useAppLocation();
  const { setRange } = useTimeRange();
  const detail = useApi(`messaging-destination|${system}|${destination}|${scopeKey}`, (signal) => getDestination(system, destination, scope, signal));
  const traces = (service: string): string => destinationTracesHref(params, destination, service);
  const data = detail.data;
  return (
    <div className="page-body messaging-page">
      <div className="toolbar">
        <Link to={messagingHref(params)}>← All destinations</Link>
        <h2 className="messaging-title">
          {destination === '' ? '(no destination)' : destination} <span className="badge">{system}</span>
        </h2>
        {detail.loading && <LoadingNote />}
        <span className="toolbar-end">
          <Link to={destinationTracesHref(params, destination)}>Traces on this destination</Link>
        </span>
      </div>
      {detail.error !== undefined && <ErrorNotice error={detail.error} title="Could not load the destination" onRetry={detail.reload} />}
      {data !== undefined && (
        <div className={detail.loading ? 'is-stale' : undefined}>
          <MessagingStats detail={data} />
          <MessagingCharts series={data.series} lag={data.lag} range={scope} onZoom={(start, end) => setRange(absoluteRange(start, end))} />
          <section className="panel" aria-label="Consumer groups">
            <div className="panel-header">
              <h3>Consumer groups</h3>
            </div>
            {data.groups.length === 0 ? <p className="empty">No consumer spans in this range.</p> : <GroupsTable groups={data.groups} tracesHref={traces} />}
          </section>
          <section className="panel" aria-label="Partitions">
            <div className="panel-header">
              <h3>Partitions</h3>
            </div>
            {data.partitions.length === 0 ? (
              <p className="empty">No spans name a partition (messaging.destination.partition.id) in this range.</p>
            ) : (
              <PartitionsTable partitions={data.partitions} />
            )}
          </section>
          <section className="panel" aria-label="Operations">
            <div className="panel-header">
              <h3>Operations</h3>
            </div>
            {data.operations.length === 0 ? <p className="empty">No spans on this destination in this range.</p> : <OperationsTable operations={data.operations} tracesHref={traces} />}
          </section>
        </div>
      )}
    </div>
  );
}
