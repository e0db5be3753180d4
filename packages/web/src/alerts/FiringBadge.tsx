import { useApi } from '../hooks/use-api.ts';
import { useAppLocation } from '../router/use-location.ts';
import { listInstances } from './alerts-api.ts';
import { useVisibleInterval } from './use-poll.ts';

const REFRESH_MS = 30_000;

/** How many alert instances fire now, for the side navigation (nothing while none do, or the count is unknown); asked again on each page. */
export function FiringBadge() {
  const { path } = useAppLocation();
  const instances = useApi(`alert-instances|${path}`, listInstances);
  useVisibleInterval(instances.reload, REFRESH_MS);
  const firing = instances.data?.instances.filter((i) => i.state === 'firing').length ?? 0;
  if (firing === 0) return null;
  return (
    <span className="nav-count" title={`${firing} alert${firing === 1 ? '' : 's'} firing`} aria-label={`${firing} firing`}>
      {firing}
    </span>
  );
}
