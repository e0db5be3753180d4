/** What the app shows for the access-control state and the address: the app, a sign-in page, or a redirect first. Pure. */
import { isAuthPage, LOGIN_PATH, loginPathFor, safeNextPath, SETUP_PATH, setupPathFor } from './next-path.ts';

/** `off`: the server does not require sign-in (the app as without access control). */
export type AuthPhase = 'loading' | 'off' | 'setup' | 'signed-out' | 'signed-in';

export interface GateDecision {
  /** `loading`: not known yet (the app shows, its requests held, unless sign-in was required last time). */
  readonly show: 'loading' | 'app' | 'login' | 'setup';
  /** Where to go (replacing the history entry) when the address does not fit what is shown. */
  readonly redirect?: string;
}

/** `current` is the app path with its query, e.g. `/logs?range=1h`. */
export function gateDecision(phase: AuthPhase, current: string): GateDecision {
  const [path = '', query = ''] = current.split('?', 2);
  const onAuthPage = isAuthPage(path);
  const next = (): string => safeNextPath(new URLSearchParams(query).get('next'));
  switch (phase) {
    case 'loading':
      return { show: 'loading' };
    case 'off':
    case 'signed-in':
      return onAuthPage ? { show: 'app', redirect: next() } : { show: 'app' };
    case 'setup':
      if (path.replace(/\/+$/, '') === SETUP_PATH) return { show: 'setup' };
      return { show: 'setup', redirect: onAuthPage ? setupPathFor(next()) : setupPathFor(current) };
    case 'signed-out':
      if (path.replace(/\/+$/, '') === LOGIN_PATH) return { show: 'login' };
      return { show: 'login', redirect: onAuthPage ? loginPathFor(next()) : loginPathFor(current) };
  }
}
