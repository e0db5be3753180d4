import type { Delivery } from '@sightline/contract';
import { StatusPill, type PillTone } from '../AlertBadges.tsx';
import { DELIVERY_STATUS_TEXT } from './channel-view.ts';

const TONES: Readonly<Record<Delivery['status'], PillTone>> = { sent: 'ok', failed: 'danger', retrying: 'warn' };

export function DeliveryStatusBadge({ status }: { readonly status: Delivery['status'] }) {
  return (
    <StatusPill className={`channel-badge channel-badge-${status}`} tone={TONES[status]}>
      {DELIVERY_STATUS_TEXT[status]}
    </StatusPill>
  );
}
