/**
 * Navigation on the History API. The app may be served below a path prefix: app paths (`/traces`)
 * are relative to the document's base, which index.html sets before anything loads.
 */

const NAVIGATE_EVENT = 'sightline:navigate';

/** The base path the app is served under, ending with `/`. */
export function basePath(): string {
  const path = new URL(document.baseURI).pathname;
  return path.endsWith('/') ? path : `${path.slice(0, path.lastIndexOf('/') + 1)}`;
}

/** The current app path and query, e.g. `/traces?range=1h`. */
export function locationSnapshot(): string {
  const base = basePath();
  const path = window.location.pathname.startsWith(base) ? `/${window.location.pathname.slice(base.length)}` : window.location.pathname;
  return `${path}${window.location.search}`;
}

/** The href of an app path (with optional query), for links. */
export function hrefFor(appPath: string): string {
  return `${basePath()}${appPath.replace(/^\//, '')}`;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (filter typing, redirects). */
  readonly replace?: boolean;
}

export function navigate(appPath: string, options: NavigateOptions = {}): void {
  const href = hrefFor(appPath);
  if (href === `${window.location.pathname}${window.location.search}`) return;
  if (options.replace === true) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}
