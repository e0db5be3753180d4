/** The UI's routes, matched from the path below the app's base. Pure. */

export type Route =
  | { readonly name: 'services' }
  | { readonly name: 'service'; readonly service: string }
  | { readonly name: 'service-map' }
  | { readonly name: 'exceptions' }
  | { readonly name: 'traces' }
  | { readonly name: 'trace'; readonly traceId: string }
  | { readonly name: 'logs' }
  | { readonly name: 'metrics' }
  | { readonly name: 'messaging' }
  | { readonly name: 'hosts' }
  | { readonly name: 'host'; readonly host: string }
  | { readonly name: 'targets' }
  | { readonly name: 'dashboards' }
  | { readonly name: 'dashboard'; readonly id: string }
  | { readonly name: 'get-started' }
  | { readonly name: 'settings' }
  | { readonly name: 'settings-users' }
  | { readonly name: 'settings-api-keys' }
  | { readonly name: 'settings-audit' }
  | { readonly name: 'login' }
  | { readonly name: 'setup' }
  | { readonly name: 'alerts' }
  /** `id` null: a new rule (`/alerts/rules/new`). */
  | { readonly name: 'alert-rule'; readonly id: string | null }
  | { readonly name: 'alert-history' }
  | { readonly name: 'alert-channels' }
  | { readonly name: 'alert-silences' }
  | { readonly name: 'not-found'; readonly path: string };

export type RouteName = Route['name'];

/** First path segments of the UI's pages (index.html's base-path script lists the same). */
export const TOP_LEVEL_SEGMENTS = [
  'services',
  'service-map',
  'traces',
  'exceptions',
  'logs',
  'metrics',
  'messaging',
  'hosts',
  'targets',
  'dashboards',
  'alerts',
  'get-started',
  'settings',
  'login',
  'setup',
] as const;
type TopLevel = (typeof TOP_LEVEL_SEGMENTS)[number];
const isTopLevel = (segment: string): segment is TopLevel => (TOP_LEVEL_SEGMENTS as readonly string[]).includes(segment);

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // keep it as written
  }
}

const ALERT_PAGES: Readonly<Record<string, Route>> = {
  history: { name: 'alert-history' },
  channels: { name: 'alert-channels' },
  silences: { name: 'alert-silences' },
};

const SETTINGS_PAGES: Readonly<Record<string, Route>> = {
  users: { name: 'settings-users' },
  'api-keys': { name: 'settings-api-keys' },
  audit: { name: 'settings-audit' },
};

/** Below `/alerts`: the list, `rules/new`, `rules/<id>`, `history`, `channels`, `silences`. */
function matchAlerts(parts: readonly string[], path: string): Route {
  const [second, third, ...rest] = parts;
  if (second === undefined) return { name: 'alerts' };
  if (rest.length > 0) return { name: 'not-found', path };
  if (second === 'rules') {
    if (third === undefined) return { name: 'alerts' };
    return third === 'new' ? { name: 'alert-rule', id: null } : { name: 'alert-rule', id: decodeSegment(third) };
  }
  const page = Object.hasOwn(ALERT_PAGES, second) ? ALERT_PAGES[second] : undefined;
  return third === undefined && page !== undefined ? page : { name: 'not-found', path };
}

/** `path` is the app path (starting with `/`), without query. */
export function matchRoute(path: string): Route {
  const parts = path.split('/').filter((p) => p !== '');
  const [first, second, ...rest] = parts;
  if (first === undefined) return { name: 'services' };
  if (first === 'alerts') return matchAlerts(parts.slice(1), path);
  if (rest.length > 0) return { name: 'not-found', path };
  if (first === 'traces') return second === undefined ? { name: 'traces' } : { name: 'trace', traceId: decodeSegment(second) };
  if (first === 'services') return second === undefined ? { name: 'services' } : { name: 'service', service: decodeSegment(second) };
  if (first === 'hosts') return second === undefined ? { name: 'hosts' } : { name: 'host', host: decodeSegment(second) };
  if (first === 'dashboards') return second === undefined ? { name: 'dashboards' } : { name: 'dashboard', id: decodeSegment(second) };
  if (first === 'settings' && second !== undefined)
    return (Object.hasOwn(SETTINGS_PAGES, second) ? SETTINGS_PAGES[second] : undefined) ?? { name: 'not-found', path };
  if (second !== undefined) return { name: 'not-found', path };
  if (isTopLevel(first) && first !== 'traces' && first !== 'services') return { name: first };
  return { name: 'not-found', path };
}

/** The URL parameters that follow the user from page to page (the time range and refresh). */
export const GLOBAL_PARAMS = ['range', 'from', 'to', 'refresh'] as const;

/** `path` with the global parameters of `current` (and `extra`) as its query. */
export function pathWithGlobals(path: string, current: URLSearchParams, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams();
  for (const name of GLOBAL_PARAMS) {
    const value = current.get(name);
    if (value !== null) params.set(name, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query === '' ? path : `${path}?${query}`;
}
