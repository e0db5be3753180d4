import { useCallback, useEffect, useState } from 'react';
import { useApi, type ApiState } from '../hooks/use-api.ts';

/** How often the alerting pages ask for fresh state (rules are evaluated every 10 s at the most). */
export const ALERTS_REFRESH_MS = 5000;

/** Calls `tick` every `ms` while the page is visible. */
export function useVisibleInterval(tick: () => void, ms: number): void {
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') tick();
    }, ms);
    return () => window.clearInterval(timer);
  }, [tick, ms]);
}

/**
 * Calls `reload` every `ms` while the page is visible, and gives the time of the last tick (for
 * "3 s ago" texts that should move on with it).
 */
export function usePoll(reload: () => void, ms = ALERTS_REFRESH_MS): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  const tick = useCallback(() => {
    setNowMs(Date.now());
    reload();
  }, [reload]);
  useVisibleInterval(tick, ms);
  return nowMs;
}

/** `useApi`, loaded again every `ms` while the page is visible; `nowMs` is when its data last came (statuses and "ago" texts read against it). */
export function usePolledApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>, ms: number): ApiState<T> & { readonly nowMs: number } {
  const state = useApi(key, load);
  useVisibleInterval(state.reload, ms);
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (state.data !== undefined) setNowMs(Date.now());
  }, [state.data]);
  return { ...state, nowMs };
}
