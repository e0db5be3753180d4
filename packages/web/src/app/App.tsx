import { AlertsPage } from '../alerts/AlertsPage.tsx';
import { AlertsSection } from '../alerts/AlertsSection.tsx';
import { ChannelsPage } from '../alerts/channels/ChannelsPage.tsx';
import { HistoryPage } from '../alerts/HistoryPage.tsx';
import { RulePage } from '../alerts/RulePage.tsx';
import { SilencesPage } from '../alerts/silences/SilencesPage.tsx';
import { ApiKeysPage } from '../auth/ApiKeysPage.tsx';
import { AuditPage } from '../auth/AuditPage.tsx';
import { AuthProvider } from '../auth/auth-context.tsx';
import { AuthGate } from '../auth/AuthGate.tsx';
import { SettingsSection } from '../auth/SettingsSection.tsx';
import { UsersPage } from '../auth/UsersPage.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { DashboardPage } from '../dashboards/DashboardPage.tsx';
import { DashboardsPage } from '../dashboards/DashboardsPage.tsx';
import { ExceptionsPage } from '../exceptions/ExceptionsPage.tsx';
import { GetStartedPage } from '../get-started/GetStartedPage.tsx';
import { HostDetailPage } from '../hosts/HostDetailPage.tsx';
import { HostsPage } from '../hosts/HostsPage.tsx';
import { LogsPage } from '../logs/LogsPage.tsx';
import { MessagingPage } from '../messaging/MessagingPage.tsx';
import { matchRoute, type Route } from '../router/routes.ts';
import { useAppLocation } from '../router/use-location.ts';
import { ServiceDetailPage } from '../service-detail/ServiceDetailPage.tsx';
import { ServiceMapPage } from '../service-map/ServiceMapPage.tsx';
import { ServicesPage } from '../services/ServicesPage.tsx';
import { TargetsPage } from '../targets/TargetsPage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { TraceViewPage } from '../trace-view/TraceViewPage.tsx';
import { TracesPage } from '../traces/TracesPage.tsx';
import { NotFoundPage, PlaceholderPage } from './PlaceholderPage.tsx';
import { SideNav } from './SideNav.tsx';
import { ThemeProvider } from './theme-context.tsx';
import { TimeRangeProvider } from './time-range-context.tsx';
import { TopBar } from './TopBar.tsx';

const TITLES: Readonly<Record<Route['name'], string>> = {
  services: 'Services',
  service: 'Services',
  'service-map': 'Service map',
  exceptions: 'Exceptions',
  traces: 'Traces',
  trace: 'Trace',
  logs: 'Logs',
  metrics: 'Metrics',
  messaging: 'Messaging',
  hosts: 'Hosts',
  host: 'Hosts',
  targets: 'Targets',
  dashboards: 'Dashboards',
  dashboard: 'Dashboards',
  alerts: 'Alerts',
  'alert-rule': 'Alerts',
  'alert-history': 'Alerts',
  'alert-channels': 'Alerts',
  'alert-silences': 'Alerts',
  'get-started': 'Get started',
  settings: 'Settings',
  'settings-users': 'Settings',
  'settings-api-keys': 'Settings',
  'settings-audit': 'Settings',
  login: 'Sign in',
  setup: 'Set up',
  'not-found': 'Not found',
};

/** Pages without the time range picker: nothing on them depends on a range. */
const NO_TIME_RANGE: ReadonlySet<Route['name']> = new Set([
  'get-started',
  'trace',
  'not-found',
  'targets',
  'settings',
  'alert-channels',
  'alert-silences',
  'settings-users',
  'settings-api-keys',
  'login',
  'setup',
]);

function RouteView({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'traces':
      return <TracesPage />;
    case 'trace':
      return <TraceViewPage key={route.traceId} traceId={route.traceId} />;
    case 'logs':
      return <LogsPage />;
    case 'get-started':
      return <GetStartedPage />;
    case 'services':
      return <ServicesPage />;
    case 'service':
      return <ServiceDetailPage key={route.service} service={route.service} />;
    case 'service-map':
      return <ServiceMapPage />;
    case 'exceptions':
      return <ExceptionsPage />;
    case 'messaging':
      return <MessagingPage />;
    case 'hosts':
      return <HostsPage />;
    case 'host':
      return <HostDetailPage key={route.host} host={route.host} />;
    case 'targets':
      return <TargetsPage />;
    case 'settings':
      return (
        <SettingsSection current={route.name}>
          <SettingsPage />
        </SettingsSection>
      );
    case 'settings-users':
      return (
        <SettingsSection current={route.name}>
          <UsersPage />
        </SettingsSection>
      );
    case 'settings-api-keys':
      return (
        <SettingsSection current={route.name}>
          <ApiKeysPage />
        </SettingsSection>
      );
    case 'settings-audit':
      return (
        <SettingsSection current={route.name}>
          <AuditPage />
        </SettingsSection>
      );
    case 'login':
    case 'setup':
      return null; // the gate shows these pages, or moves on from them
    case 'dashboards':
      return <DashboardsPage />;
    case 'dashboard':
      return <DashboardPage key={route.id} id={route.id} />;
    case 'alerts':
      return (
        <AlertsSection current={route.name}>
          <AlertsPage />
        </AlertsSection>
      );
    case 'alert-rule':
      return (
        <AlertsSection current={route.name}>
          <RulePage key={route.id ?? 'new'} id={route.id} />
        </AlertsSection>
      );
    case 'alert-history':
      return (
        <AlertsSection current={route.name}>
          <HistoryPage />
        </AlertsSection>
      );
    case 'alert-channels':
      return (
        <AlertsSection current={route.name}>
          <ChannelsPage />
        </AlertsSection>
      );
    case 'alert-silences':
      return (
        <AlertsSection current={route.name}>
          <SilencesPage />
        </AlertsSection>
      );
    case 'metrics':
      return <PlaceholderPage title="Metrics" what="The metrics explorer" />;
    case 'not-found':
      return <NotFoundPage path={route.path} />;
  }
}

export function App() {
  const { path } = useAppLocation();
  const route = matchRoute(path);
  return (
    <ThemeProvider>
      <AuthProvider>
        <AuthGate>
          <TimeRangeProvider>
            <div className="app">
              <a className="skip-link" href="#main">
                Skip to content
              </a>
              <SideNav current={route.name} />
              <div className="main-column">
                <TopBar title={TITLES[route.name]} showTime={!NO_TIME_RANGE.has(route.name)} />
                <main id="main" tabIndex={-1}>
                  <ErrorBoundary resetKey={path}>
                    <RouteView route={route} />
                  </ErrorBoundary>
                </main>
              </div>
            </div>
          </TimeRangeProvider>
        </AuthGate>
      </AuthProvider>
    </ThemeProvider>
  );
}
