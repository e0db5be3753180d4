import { useEffect, useState, type ReactNode } from 'react';
import { navigate } from '../router/history.ts';
import { useAppLocation } from '../router/use-location.ts';
import { rememberedAuthOn, useAuth } from './auth-context.tsx';
import { gateDecision } from './auth-gate.ts';
import { LoginPage } from './LoginPage.tsx';
import { SetupPage } from './SetupPage.tsx';

/**
 * The app once access control allows it; the sign-in or setup page otherwise (the address follows).
 * While that is not known yet the app already shows (its requests wait), exactly as without access
 * control — unless this browser saw the server require sign-in last time: then nothing shows until it is known.
 */
export function AuthGate({ children }: { readonly children: ReactNode }) {
  const auth = useAuth();
  const [waitBlank] = useState(rememberedAuthOn);
  const { path, search } = useAppLocation();
  const current = search === '' ? path : `${path}?${search}`;
  const decision = gateDecision(auth.phase, current);
  const redirect = decision.redirect;
  useEffect(() => {
    if (redirect !== undefined) navigate(redirect, { replace: true });
  }, [redirect]);

  switch (decision.show) {
    case 'app':
      return redirect === undefined ? children : null;
    case 'login':
      return <LoginPage />;
    case 'setup':
      return <SetupPage />;
    case 'loading':
      return waitBlank ? null : children;
  }
}
