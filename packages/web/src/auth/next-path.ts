/** Where the sign-in and setup pages send the user afterwards (`?next=`). Pure. */

export const LOGIN_PATH = '/login';
export const SETUP_PATH = '/setup';

const AUTH_PAGES: ReadonlySet<string> = new Set([LOGIN_PATH, SETUP_PATH]);

/** The path part of an app path with optional query/fragment, without a trailing slash. */
function pathPart(appPath: string): string {
  const path = appPath.split(/[?#]/, 1)[0] ?? '';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Whether `appPath` is the sign-in or the setup page. */
export function isAuthPage(appPath: string): boolean {
  return AUTH_PAGES.has(pathPart(appPath));
}

/**
 * The app path to go to after signing in: `raw` only when it is a path inside the app (starts with one
 * `/`, no backslash or control characters, not another sign-in page); anything else becomes `/`, so a
 * crafted link cannot send the user to another site.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (raw === null || raw === undefined || raw === '') return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(raw)) return '/';
  return isAuthPage(raw) ? '/' : raw;
}

/** The sign-in page's path for a user who was at `current` (app path with query): `current` kept as `?next=`. */
export function loginPathFor(current: string): string {
  const next = safeNextPath(current);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?${new URLSearchParams({ next }).toString()}`;
}

/** The setup page's path, keeping where the user was going. */
export function setupPathFor(current: string): string {
  const next = safeNextPath(current);
  return next === '/' ? SETUP_PATH : `${SETUP_PATH}?${new URLSearchParams({ next }).toString()}`;
}
