import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingNote } from '../../components/LoadingNote.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { formatAgo } from '../../targets/targets-view.ts';
import { formatDateTime } from '../../time/time-format.ts';
import { DELIVERY_KIND_TEXT, deliveryAlertsText } from './channel-view.ts';
import { listDeliveries } from './channels-api.ts';
import { DeliveryStatusBadge } from './DeliveryStatusBadge.tsx';

/** A channel's delivery attempts, newest first, each failure's error in full. `version` reloads it. */
export function DeliveryLog({
  channelId,
  channelName,
  nowMs,
  version,
}: {
  readonly channelId: string;
  readonly channelName: string;
  readonly nowMs: number;
  readonly version: number;
}) {
  const deliveries = useApi(`deliveries:${channelId}:${version}`, (signal) => listDeliveries(channelId, signal));
  const rows = deliveries.data?.deliveries ?? [];
  return (
    <section className="channel-deliveries" aria-label={`Deliveries of ${channelName}`}>
      <h3 className="channel-deliveries-title">Delivery log</h3>
      {deliveries.loading && deliveries.data === undefined && <LoadingNote />}
      {deliveries.error !== undefined && <ErrorNotice error={deliveries.error} title="Could not load the deliveries" onRetry={deliveries.reload} />}
      {deliveries.data !== undefined && rows.length === 0 && <p className="empty">Nothing sent through this channel yet.</p>}
      {rows.length > 0 && (
        <table className="data-table channel-delivery-table" aria-label={`Delivery log of ${channelName}`}>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attempt
              </th>
              <th scope="col">Alerts</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d, index) => (
              <tr key={`${d.atMs}-${d.attempt}-${index}`} className={d.status === 'sent' ? '' : 'has-error'}>
                <td className="nowrap">
                  <time dateTime={new Date(d.atMs).toISOString()} title={formatDateTime(d.atMs)}>
                    {formatDateTime(d.atMs).slice(0, 19)}
                  </time>{' '}
                  <span className="muted small">{formatAgo(d.atMs, nowMs)}</span>
                </td>
                <td>{DELIVERY_KIND_TEXT[d.kind]}</td>
                <td>
                  <DeliveryStatusBadge status={d.status} />
                </td>
                <td className="num">{d.attempt}</td>
                <td>{deliveryAlertsText(d)}</td>
                <td className="channel-error-text">{d.error === '' ? <span className="muted">–</span> : d.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
