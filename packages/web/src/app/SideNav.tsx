import { FiringBadge } from '../alerts/FiringBadge.tsx';
import { apmPath } from '../apm/apm-links.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals, type RouteName } from '../router/routes.ts';
import { useAppLocation } from '../router/use-location.ts';

const ITEMS: readonly {
  readonly path: string;
  readonly label: string;
  readonly routes: readonly RouteName[];
  readonly soon?: boolean;
  readonly apm?: boolean;
  /** Shows how many alerts fire now. */
  readonly firing?: boolean;
  /** Only offered to admins (or when access control is off). */
  readonly admin?: boolean;
}[] = [
  { path: '/services', label: 'Services', routes: ['services', 'service'], apm: true },
  { path: '/service-map', label: 'Service map', routes: ['service-map'], apm: true },
  { path: '/traces', label: 'Traces', routes: ['traces', 'trace'] },
  { path: '/exceptions', label: 'Exceptions', routes: ['exceptions'], apm: true },
  { path: '/logs', label: 'Logs', routes: ['logs'] },
  { path: '/messaging', label: 'Messaging', routes: ['messaging'], apm: true },
  { path: '/hosts', label: 'Hosts', routes: ['hosts', 'host'] },
  { path: '/dashboards', label: 'Dashboards', routes: ['dashboards', 'dashboard'] },
  { path: '/alerts', label: 'Alerts', routes: ['alerts', 'alert-rule', 'alert-history', 'alert-channels', 'alert-silences'], firing: true },
  { path: '/targets', label: 'Targets', routes: ['targets'] },
  { path: '/metrics', label: 'Metrics', routes: ['metrics'], soon: true },
  { path: '/get-started', label: 'Get started', routes: ['get-started'] },
  { path: '/settings', label: 'Settings', routes: ['settings', 'settings-users', 'settings-api-keys', 'settings-audit'], admin: true },
];

export function SideNav({ current }: { readonly current: RouteName }) {
  const { params } = useAppLocation();
  const { isAdmin } = useAuth();
  return (
    <nav className="side-nav" aria-label="Main">
      <Link to={pathWithGlobals('/traces', params)} className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◎
        </span>{' '}
        Sightline
      </Link>
      <ul>
        {ITEMS.filter((item) => isAdmin || item.admin !== true).map((item) => {
          const active = item.routes.includes(current);
          return (
            <li key={item.path}>
              <Link
                to={item.apm === true ? apmPath(item.path, params) : pathWithGlobals(item.path, params)}
                className={`nav-link${active ? ' is-active' : ''}`}
                aria-current={active ? 'page' : undefined}
              >
                {item.label}
                {item.soon === true && <span className="nav-soon">soon</span>}
                {item.firing === true && <FiringBadge />}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
