import type { LoginResponse, PrincipalInfo as Principal } from '@sightline/contract';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isAbortError } from '../api/api-error.ts';
import { holdRequests, releaseRequests, setCsrfToken, setUnauthenticatedHandler } from '../api/http-client.ts';
import { navigate } from '../router/history.ts';
import { getAuthStatus, getMe, logout } from './auth-api.ts';
import type { AuthPhase } from './auth-gate.ts';
import { LOGIN_PATH } from './next-path.ts';

export interface AuthState {
  readonly phase: AuthPhase;
  /** The signed-in user (phase `signed-in`). */
  readonly principal: Principal | undefined;
  /** After a successful sign-in or setup. */
  readonly signedIn: (response: LoginResponse) => void;
  readonly signOut: () => Promise<void>;
  /** Whether admin pages are offered: access control off (or not known yet), or an admin signed in. */
  readonly isAdmin: boolean;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

interface Loaded {
  readonly phase: AuthPhase;
  readonly principal?: Principal;
}

const REMEMBER_KEY = 'sightline.auth';

/** Whether this browser last saw the server require sign-in (then nothing of the app shows until it is known). */
export function rememberedAuthOn(): boolean {
  try {
    return localStorage.getItem(REMEMBER_KEY) === 'on';
  } catch {
    return false;
  }
}

function rememberAuth(phase: AuthPhase): void {
  if (phase === 'loading') return;
  try {
    if (phase === 'off') localStorage.removeItem(REMEMBER_KEY);
    else localStorage.setItem(REMEMBER_KEY, 'on');
  } catch {
    // storage unavailable: only the first paint differs
  }
}

/** Reads the status, then (when sign-in is required) who is signed in. */
async function loadState(signal: AbortSignal): Promise<Loaded> {
  let enabled: boolean;
  let setupRequired: boolean;
  try {
    ({ enabled, setupRequired } = await getAuthStatus(signal));
  } catch (error) {
    // An older server without the route, or no answer: the app as without access control. Should the
    // server require sign-in after all, its first 401 brings up the sign-in page.
    if (isAbortError(error)) throw error;
    return { phase: 'off' };
  }
  if (!enabled) return { phase: 'off' };
  if (setupRequired) return { phase: 'setup' };
  try {
    const me = await getMe(signal);
    setCsrfToken(me.csrfToken ?? undefined);
    return { phase: 'signed-in', principal: me.principal };
  } catch (error) {
    if (isAbortError(error)) throw error;
    // 401: no session. Anything else: signing in again is the way on.
    return { phase: 'signed-out' };
  }
}

/** Access control as the UI sees it: off, waiting for setup, signed out or signed in (and as whom). */
export function AuthProvider({ children }: { readonly children: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded>(() => {
    // The pages render at once, but their requests wait until it is known whether they may be sent
    // (this runs before any page's effect; the effect below releases them).
    holdRequests();
    return { phase: 'loading' };
  });

  useEffect(() => {
    const controller = new AbortController();
    loadState(controller.signal).then(
      (next) => {
        if (!controller.signal.aborted) setLoaded(next);
      },
      () => undefined, // aborted
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (loaded.phase === 'off' || loaded.phase === 'signed-in') releaseRequests();
    else holdRequests();
    rememberAuth(loaded.phase);
  }, [loaded.phase]);

  useEffect(() => {
    // A request answered 401: the session ended (expired, signed out elsewhere). Back to the sign-in page.
    setUnauthenticatedHandler(() => {
      setCsrfToken(undefined);
      setLoaded((current) => (current.phase === 'off' || current.phase === 'signed-in' ? { phase: 'signed-out' } : current));
    });
    return () => setUnauthenticatedHandler(undefined);
  }, []);

  const signedIn = useCallback((response: LoginResponse) => {
    setCsrfToken(response.csrfToken);
    const { user } = response;
    setLoaded({ phase: 'signed-in', principal: { kind: 'user', id: user.id, name: user.username, role: user.role, scope: user.scope } });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setCsrfToken(undefined);
      setLoaded({ phase: 'signed-out' });
      // A sign-out starts afresh: the next user does not land on this user's page.
      navigate(LOGIN_PATH);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      phase: loaded.phase,
      principal: loaded.principal,
      signedIn,
      signOut,
      isAdmin: loaded.phase === 'off' || loaded.phase === 'loading' || loaded.principal?.role === 'admin',
    }),
    [loaded, signedIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (state === undefined) throw new Error('useAuth needs an AuthProvider');
  return state;
}
