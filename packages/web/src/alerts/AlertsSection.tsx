import type { ReactNode } from 'react';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals, type RouteName } from '../router/routes.ts';
import { useAppLocation } from '../router/use-location.ts';
import './alerts.css';

const PAGES: readonly { readonly path: string; readonly label: string; readonly routes: readonly RouteName[] }[] = [
  { path: '/alerts', label: 'Rules', routes: ['alerts', 'alert-rule'] },
  { path: '/alerts/history', label: 'History', routes: ['alert-history'] },
  { path: '/alerts/channels', label: 'Channels', routes: ['alert-channels'] },
  { path: '/alerts/silences', label: 'Silences', routes: ['alert-silences'] },
];

/** The alerting pages under one bar: Rules · History · Channels · Silences. */
export function AlertsSection({ current, children }: { readonly current: RouteName; readonly children: ReactNode }) {
  const { params } = useAppLocation();
  return (
    <>
      <nav className="alerts-subnav" aria-label="Alerting">
        {PAGES.map((page) => {
          const active = page.routes.includes(current);
          return (
            <Link
              key={page.path}
              to={pathWithGlobals(page.path, params)}
              className={`alerts-subnav-link${active ? ' is-active' : ''}`}
              aria-current={active ? 'page' : undefined}
            >
              {page.label}
            </Link>
          );
        })}
      </nav>
      {children}
    </>
  );
}
