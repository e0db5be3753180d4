import { useEffect, useState } from 'react';

/** How often the alerting pages ask for fresh state (rules are evaluated every 10 s at the most). */
export const ALERTS_REFRESH_MS = 5000;

/**
 * Calls `reload` every `ms` while the page is visible, and gives the time of the last tick (for
 * "3 s ago" texts that should move on with it).
 */
export function usePoll(reload: () => void, ms = ALERTS_REFRESH_MS): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      setNowMs(Date.now());
      reload();
    }, ms);
    return () => window.clearInterval(timer);
  }, [reload, ms]);
  return nowMs;
}
