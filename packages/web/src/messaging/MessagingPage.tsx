import { useEffect, useMemo } from 'react';
import { EnvironmentPicker } from '../apm/EnvironmentPicker.tsx';
import { useApmScope } from '../apm/use-apm-scope.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { DestinationDetail } from './DestinationDetail.tsx';
import { DestinationsTable } from './DestinationsTable.tsx';
import { listDestinations, messagingHints } from './messaging-api.ts';
import { messagingHref, readMessagingView, writeMessagingSort } from './messaging-view.ts';
import { MessagingHints } from './MessagingHints.tsx';
import './messaging.css';

/** Messaging: every topic and queue seen in spans, or one of them in detail (`?system=&dest=`). */
export function MessagingPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { scope, key } = useApmScope();
  const view = useMemo(() => readMessagingView(params), [params]);
  useEffect(() => {
    document.title = view.selected === undefined ? 'Messaging · Sightline' : `${view.selected.destination} · Messaging · Sightline`;
  }, [view.selected]);

  const listing = view.selected === undefined;
  const destinations = useApi(listing ? `messaging-destinations|${key}` : null, (signal) => listDestinations(scope, signal));
  const hints = useApi(listing ? `messaging-hints|${key}` : null, (signal) => messagingHints(scope, signal));

  if (view.selected !== undefined) {
    return <DestinationDetail key={`${view.selected.system}|${view.selected.destination}`} {...view.selected} scope={scope} scopeKey={key} />;
  }
  const all = destinations.data?.destinations ?? [];
  return (
    <div className="page-body messaging-page">
      <div className="toolbar">
        <EnvironmentPicker />
        <span className="muted small">{destinations.data !== undefined && `${all.length} destination${all.length === 1 ? '' : 's'}`}</span>
        {(destinations.loading || hints.loading) && <LoadingNote />}
      </div>
      {destinations.error !== undefined && <ErrorNotice error={destinations.error} title="Could not load the destinations" onRetry={destinations.reload} />}
      {hints.data !== undefined && <MessagingHints hints={hints.data} />}
      {destinations.data?.transitNote != null && <div className="notice notice-warn">{destinations.data.transitNote}</div>}
      <section className="panel" aria-label="Destinations">
        {destinations.data !== undefined && all.length === 0 && (
          <p className="empty">No producer or consumer spans with messaging.system in this range.</p>
        )}
        {all.length > 0 && (
          <div className={destinations.loading ? 'is-stale' : undefined}>
            <DestinationsTable
              destinations={all}
              sort={view.sort}
              onSort={(sort) => updateParams((p) => writeMessagingSort(p, sort))}
              href={(d) => messagingHref(params, d)}
              onOpen={(d) => navigate(messagingHref(params, d))}
            />
          </div>
        )}
      </section>
    </div>
  );
}
