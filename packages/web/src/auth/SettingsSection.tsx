import type { ReactNode } from 'react';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals, type RouteName } from '../router/routes.ts';
import { useAppLocation } from '../router/use-location.ts';
import { useAuth } from './auth-context.tsx';
import './auth.css';

const PAGES: readonly { readonly path: string; readonly label: string; readonly route: RouteName }[] = [
  { path: '/settings', label: 'General', route: 'settings' },
  { path: '/settings/users', label: 'Users', route: 'settings-users' },
  { path: '/settings/api-keys', label: 'API keys', route: 'settings-api-keys' },
  { path: '/settings/audit', label: 'Audit log', route: 'settings-audit' },
];

/**
 * The Settings pages under one bar when access control is on (General · Users · API keys · Audit log),
 * for admins only. With access control off, Settings is the one page it always was.
 */
export function SettingsSection({ current, children }: { readonly current: RouteName; readonly children: ReactNode }) {
  const { params } = useAppLocation();
  const auth = useAuth();
  if (auth.phase === 'off') {
    if (current === 'settings') return children;
    return (
      <div className="page-body">
        <p className="notice">
          Access control is off on this server: there are no users, API keys or audit log to manage. Set <code>auth.enabled: true</code> in the configuration to
          turn it on.
        </p>
      </div>
    );
  }
  if (!auth.isAdmin) {
    return (
      <div className="page-body">
        <p className="notice" role="alert">
          Settings need the admin role; you are signed in as {auth.principal?.name ?? 'someone else'}.
        </p>
      </div>
    );
  }
  return (
    <>
      <nav className="settings-subnav" aria-label="Settings">
        {PAGES.map((page) => {
          const active = page.route === current;
          return (
            <Link
              key={page.path}
              to={pathWithGlobals(page.path, params)}
              className={`settings-subnav-link${active ? ' is-active' : ''}`}
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
