import type { Delivery } from '@sightline/contract';
import { DELIVERY_STATUS_TEXT } from './channel-view.ts';

export function DeliveryStatusBadge({ status }: { readonly status: Delivery['status'] }) {
  return (
    <span className={`channel-badge channel-badge-${status}`}>
      <span aria-hidden="true" className="channel-badge-dot" />
      {DELIVERY_STATUS_TEXT[status]}
    </span>
  );
}
